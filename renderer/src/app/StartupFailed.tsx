import { useState } from 'react';
import { resetLocalData, startDesk } from '../data/session';
import { useDeskStore } from '../data/store';
import { Modal } from '../ui/Modal';

/** The replica could not be opened: say why, offer a retry and (confirmed) a reset. */
export function StartupFailed() {
  const error = useDeskStore((s) => s.error);
  const [confirming, setConfirming] = useState(false);
  return (
    <main className="error-state">
      <div className="card error-card" role="alert">
        <div className="error-icon" aria-hidden="true">
          !
        </div>
        <h1>Branchdesk could not open its local data</h1>
        <p className="muted">
          The browser refused to open this desk&apos;s database. Closing other Branchdesk windows and trying again usually
          helps. Resetting deletes the data stored on this desk (data already synced to your server is safe).
        </p>
        {error !== null && <pre className="error-details">{error}</pre>}
        <div className="row">
          <button type="button" className="btn btn-primary" onClick={() => void startDesk()}>
            Try again
          </button>
          <button type="button" className="btn btn-ghost" onClick={() => setConfirming(true)}>
            Reset local data…
          </button>
        </div>
      </div>
      {confirming && (
        <Modal
          title="Reset local data?"
          description="Every customer, booking and setting stored on this desk will be deleted."
          onClose={() => setConfirming(false)}
          footer={
            <>
              <button type="button" className="btn" onClick={() => setConfirming(false)}>
                Keep my data
              </button>
              <button type="button" className="btn btn-danger" onClick={() => void resetLocalData()}>
                Delete and start again
              </button>
            </>
          }
        >
          <p>This cannot be undone.</p>
        </Modal>
      )}
    </main>
  );
}
