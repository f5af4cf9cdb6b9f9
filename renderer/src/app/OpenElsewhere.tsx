import { useState } from 'react';
import { Brand } from '../ui/Brand';
import { takeOverDesk, type WindowState } from './one-window';

const TEXT = {
  'already-open': {
    title: 'Branchdesk is already open in another window',
    body: 'This desk’s bookings and customers are open in another tab or window. One window at a time works with them, so no window shows a booking or a customer out of date.',
  },
  moved: {
    title: 'Branchdesk is now open in another window',
    body: 'Another tab or window took over this desk’s bookings and customers. This window finished saving and closed them.',
  },
} as const;

/**
 * Another window has this desk's data (docs/DESIGN.md §16): says so, and "Use here instead" moves
 * the desk to this window (the other one closes it first, then shows this screen).
 */
export function OpenElsewhere({ state }: { state: Exclude<WindowState, 'here'> }) {
  const [error, setError] = useState<string | null>(null);
  if (state === 'taking-over') {
    return (
      <main className="splash" aria-busy="true">
        <div className="card splash-card">
          <Brand />
          <h1 className="visually-hidden">Opening Branchdesk here</h1>
          <p>Waiting for the other window to close this desk…</p>
        </div>
      </main>
    );
  }
  const text = TEXT[state];
  return (
    <main className="splash">
      <div className="card splash-card">
        <Brand />
        <h1>{text.title}</h1>
        <p>{text.body}</p>
        <p className="muted">
          Use the other window, or use Branchdesk here instead: the other window saves what it was writing, closes the desk
          and shows this message. A form left open there is not kept. Once the other window is closed, this one opens
          the desk by itself.
        </p>
        {error !== null && (
          <p className="notice notice-error" role="alert">
            {error}
          </p>
        )}
        <div className="row">
          <button
            type="button"
            className="btn btn-primary"
            autoFocus
            onClick={() => {
              setError(null);
              takeOverDesk().catch((e: unknown) => setError(`Could not open Branchdesk here: ${e instanceof Error ? e.message : String(e)}`));
            }}
          >
            Use here instead
          </button>
        </div>
      </div>
    </main>
  );
}
