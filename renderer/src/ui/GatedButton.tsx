import { useId, type ButtonHTMLAttributes } from 'react';
import type { DeskPermission } from '../sync/permissions';
import { toast } from './toasts';

/**
 * A button for an action this desk's role may not take everywhere (shared/authz/desk-actions.ts).
 * Allowed: a plain button. Not allowed: it stays in place and reachable from the keyboard, but is
 * `aria-disabled`, describes why (read by screen readers, shown as its tooltip) and only says so
 * when pressed.
 */
export function GatedButton({ permission, onClick, className, children, ...rest }: ButtonHTMLAttributes<HTMLButtonElement> & { permission: DeskPermission }) {
  const reasonId = useId();
  if (permission.allowed) {
    return (
      <button className={className} onClick={onClick} {...rest}>
        {children}
      </button>
    );
  }
  return (
    <>
      <button
        {...rest}
        type="button"
        className={`${className ?? 'btn'} is-refused`}
        aria-disabled="true"
        aria-describedby={reasonId}
        title={permission.reason}
        onClick={(e) => {
          e.preventDefault();
          toast.error(permission.reason);
        }}
      >
        {children}
      </button>
      <span id={reasonId} className="visually-hidden">
        {permission.reason}
      </span>
    </>
  );
}
