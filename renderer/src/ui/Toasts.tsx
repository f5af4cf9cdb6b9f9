import { Icon } from './Icon';
import { dismissToast, useToasts } from './toasts';

export function Toasts() {
  const toasts = useToasts((s) => s.toasts);
  return (
    <div className="toasts">
      <div role="status" aria-live="polite" className="stack">
        {toasts
          .filter((t) => t.kind === 'success')
          .map((t) => (
            <div key={t.id} className="toast">
              <span className="toast-message">{t.message}</span>
              <button type="button" className="btn btn-ghost" onClick={() => dismissToast(t.id)} aria-label="Dismiss">
                <Icon name="close" size={14} />
              </button>
            </div>
          ))}
      </div>
      <div role="alert" className="stack">
        {toasts
          .filter((t) => t.kind === 'error')
          .map((t) => (
            <div key={t.id} className="toast toast-error">
              <span className="toast-message">{t.message}</span>
              <button type="button" className="btn btn-ghost" onClick={() => dismissToast(t.id)} aria-label="Dismiss">
                <Icon name="close" size={14} />
              </button>
            </div>
          ))}
      </div>
    </div>
  );
}
