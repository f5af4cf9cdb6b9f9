import { useState, type ReactNode } from 'react';
import { Modal } from './Modal';

/**
 * "Are you sure?" before a step that loses something: a modal with a button that keeps things as
 * they are (`keepLabel`, also Escape) and a danger button that does it (`confirmLabel`). While
 * `onConfirm` runs the danger button is disabled; when its promise resolves the dialog closes,
 * when it rejects the dialog stays open (the caller has said what went wrong).
 */
export function ConfirmDialog({
  title,
  description,
  keepLabel,
  confirmLabel,
  onConfirm,
  onClose,
  children,
}: {
  title: string;
  description: ReactNode;
  keepLabel: string;
  confirmLabel: string;
  onConfirm: () => Promise<unknown>;
  onClose: () => void;
  children?: ReactNode;
}) {
  const [busy, setBusy] = useState(false);
  const run = (): void => {
    setBusy(true);
    onConfirm().then(
      () => {
        setBusy(false);
        onClose();
      },
      () => setBusy(false),
    );
  };
  return (
    <Modal
      title={title}
      description={description}
      onClose={onClose}
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>
            {keepLabel}
          </button>
          <button type="button" className="btn btn-danger" disabled={busy} onClick={run}>
            {confirmLabel}
          </button>
        </>
      }
    >
      {children}
    </Modal>
  );
}
