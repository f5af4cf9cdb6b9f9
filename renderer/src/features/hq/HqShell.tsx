import { useEffect, useState } from 'react';
import { Brand } from '../../ui/Brand';
import { Icon } from '../../ui/Icon';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { errorMessage, toast } from '../../ui/toasts';
import { unpairDesk } from '../../sync/pairing';
import { useSyncStore } from '../../sync/sync-store';
import { PairingForm } from '../sync';
import { useHqStore } from './hq-store';
import { HqScreen } from './HqScreen';

const revokedStamp = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });

function HqStatus() {
  const live = useHqStore((s) => s.live);
  const offline = useHqStore((s) => s.offline);
  const signedOut = useSyncStore((s) => s.signedOut);
  const [label, tone] = signedOut ? ['Signed out', 'error'] : offline ? ['Offline', 'offline'] : live ? ['Live', 'synced'] : ['Connecting', 'syncing'];
  return (
    <span className={`sync-indicator sync-${tone}`}>
      <Icon name={tone === 'error' ? 'alert' : 'sync'} size={16} />
      <span role="status" aria-label="Sync status" data-testid="sync-status">
        <span data-testid="sync-label">{label}</span>
      </span>
    </span>
  );
}

/** The app for an HQ device (role hq): the HQ dashboard only, with sign-out. Served by the server at `/`, too. */
export function HqShell() {
  const pairing = useSyncStore((s) => s.pairing);
  const signedOut = useSyncStore((s) => s.signedOut);
  const [confirm, setConfirm] = useState(false);

  useEffect(() => {
    if (window.location.hash !== '#/hq') window.history.replaceState(null, '', '#/hq');
  }, []);

  return (
    <div className="shell hq-shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <nav className="sidenav" aria-label="Main">
        <Brand />
        <ul className="nav-list">
          <li>
            <a className="nav-link" href="#/hq" aria-current="page">
              <Icon name="hq" className="nav-icon" />
              HQ dashboard
            </a>
          </li>
        </ul>
        <p className="nav-footer">Signed in to {pairing?.orgName ?? 'your organisation'} as HQ</p>
      </nav>
      <header className="topbar">
        <div className="topbar-branch">
          <span className="topbar-branch-name" data-testid="branch-name">
            {pairing?.orgName ?? 'Branchdesk'} · HQ
          </span>
          <span className="topbar-date">{pairing?.serverUrl}</span>
        </div>
        <span className="spacer" />
        <HqStatus />
        <button type="button" className="btn btn-ghost" onClick={() => setConfirm(true)}>
          Sign out
        </button>
      </header>
      <main id="main" className="main" tabIndex={-1}>
        {signedOut && (
          <div className="page hq-signin">
            <section className="card settings-section" aria-labelledby="hq-signin-title">
              <header>
                <h2 id="hq-signin-title">Sign in again</h2>
                <p>
                  {pairing?.revokedAt !== undefined
                    ? `The server revoked this HQ sign-in (${revokedStamp.format(new Date(pairing.revokedAt))}), so this computer forgot its token. Ask your administrator for a new enrolment code; the last report stays readable below.`
                    : 'The browser session ended, so this computer forgot its HQ token. Enter a new enrolment code; the last report stays readable below.'}
                </p>
              </header>
              <PairingForm previous={pairing} submitLabel="Sign in" />
            </section>
          </div>
        )}
        <HqScreen />
      </main>
      {confirm && (
        <ConfirmDialog
          title="Sign out of HQ?"
          description="This computer forgets its HQ token. Signing in again needs a new enrolment code."
          keepLabel="Stay signed in"
          confirmLabel="Sign out"
          onClose={() => setConfirm(false)}
          onConfirm={() =>
            unpairDesk()
              .then(() => toast.success('Signed out'))
              .catch((error: unknown) => toast.error(errorMessage(error)))
          }
        >
          <p className="muted">Saved reports stay on this computer.</p>
        </ConfirmDialog>
      )}
    </div>
  );
}
