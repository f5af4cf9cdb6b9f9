import { useEffect, useId, useRef, type ReactNode } from 'react';
import { Icon } from './Icon';
import { useDraftGuard } from './draft-guard';

interface ModalProps {
  title: string;
  description?: ReactNode;
  onClose: () => void;
  children: ReactNode;
  footer?: ReactNode;
  wide?: boolean;
  /** Rendered as a <form>: the footer's submit button submits it. */
  onSubmit?: () => void;
}

const FIRST_FOCUS = [
  '[data-autofocus]',
  '.modal-body input:not([type="hidden"]):not([disabled])',
  '.modal-body select:not([disabled])',
  '.modal-body textarea:not([disabled])',
];

/**
 * A modal dialog on the native <dialog> element: focus is trapped and restored by the browser,
 * Escape closes it, and it is exposed as role "dialog" named by its title. Mount it to open it.
 * It opens with focus in its first field (or on the element marked `data-autofocus`).
 */
export function Modal({ title, description, onClose, children, footer, wide, onSubmit }: ModalProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descriptionId = useId();
  const closeRef = useRef(onClose);
  useEffect(() => {
    closeRef.current = onClose;
  });
  // A reload or close while something was typed in this dialog asks first.
  useDraftGuard(ref);

  useEffect(() => {
    const dialog = ref.current;
    if (dialog === null) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    // Focus starts in the first field (or the control marked `data-autofocus`), not on "Close".
    // React's `autoFocus` runs while the dialog is still closed, so it cannot do this.
    for (const selector of FIRST_FOCUS) {
      const first = dialog.querySelector<HTMLElement>(selector);
      if (first !== null) {
        first.focus();
        break;
      }
    }
    const onCancel = (event: Event): void => {
      event.preventDefault();
      closeRef.current();
    };
    dialog.addEventListener('cancel', onCancel);
    return () => {
      dialog.removeEventListener('cancel', onCancel);
      if (dialog.open) dialog.close();
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  const inner = (
    <>
      <div className="modal-header">
        <div>
          <h2 id={titleId}>{title}</h2>
          {description !== undefined && <p id={descriptionId}>{description}</p>}
        </div>
        <button type="button" className="btn btn-ghost btn-icon" onClick={onClose} aria-label="Close">
          <Icon name="close" />
        </button>
      </div>
      <div className="modal-body">{children}</div>
      {footer !== undefined && <div className="modal-footer">{footer}</div>}
    </>
  );

  return (
    <dialog
      ref={ref}
      className={wide ? 'modal modal-wide' : 'modal'}
      aria-labelledby={titleId}
      aria-describedby={description !== undefined ? descriptionId : undefined}
    >
      {onSubmit === undefined ? (
        <div className="modal-inner">{inner}</div>
      ) : (
        <form
          className="modal-inner"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            onSubmit();
          }}
        >
          {inner}
        </form>
      )}
    </dialog>
  );
}

/** A form dialog's footer: Cancel, and the submit button (disabled while the form is saving). */
export function SubmitFooter({ onCancel, submitLabel, busy }: { onCancel: () => void; submitLabel: string; busy: boolean }) {
  return (
    <>
      <button type="button" className="btn" onClick={onCancel}>
        Cancel
      </button>
      <button type="submit" className="btn btn-primary" disabled={busy}>
        {submitLabel}
      </button>
    </>
  );
}
