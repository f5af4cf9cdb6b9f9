import { useState } from 'react';
import { useBranches } from '../../data/hooks';
import { unpairDesk } from '../../sync/pairing';
import { retrySync } from '../../sync/sync-session';
import { useSyncStore } from '../../sync/sync-store';
import { plural } from '../../sync/sync-status';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { ProgressBar } from '../../ui/ProgressBar';
import { errorMessage, toast } from '../../ui/toasts';
import { NotSyncedList } from './NotSyncedList';
import { PairingForm } from './PairingForm';
import { useSyncSummary } from './use-sync-summary';

const count = new Intl.NumberFormat('en');
const ROLE_NAMES = { front_desk: 'Front desk', manager: 'Branch manager', hq: 'HQ' } as const;

function PairedFacts() {
  const pairing = useSyncStore((s) => s.pairing);
  const status = useSyncStore((s) => s.status);
  const summary = useSyncSummary();
  const [confirmUnpair, setConfirmUnpair] = useState(false);
  // the branch as last synced (its managers may have renamed it since pairing)
  const branch = useBranches().find((b) => b.id === pairing?.branchId);
  if (pairing === null) return null;
  const first = status.firstSync;
  return (
    <div className="stack">
      <div className={`sync-summary sync-${summary.tone}`} data-testid="sync-summary">
        <strong>{summary.label}</strong>
        {summary.detail !== '' && <p>{summary.detail}</p>}
      </div>
      <NotSyncedList />
      {first !== null && <ProgressBar label={`First sync progress: ${count.format(first.done)}${first.total === null ? '' : ` of ${count.format(first.total)}`} documents`} done={first.done} total={first.total ?? 0} />}
      <dl className="facts">
        <dt>Server</dt>
        <dd className="break">{pairing.serverUrl}</dd>
        <dt>Branch</dt>
        <dd>{branch?.name ?? pairing.branchName}</dd>
        <dt>Role</dt>
        <dd>{ROLE_NAMES[pairing.role]}</dd>
        <dt>Organisation</dt>
        <dd>{pairing.orgName}</dd>
        <dt>Waiting to send</dt>
        <dd data-testid="sync-pending-count">{plural(status.pending, 'change', 'changes')}</dd>
        <dt>Paired on</dt>
        <dd>{new Date(pairing.pairedAt).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' })}</dd>
      </dl>
      <p className="muted">The branch&apos;s name, time zone and thresholds are the server&apos;s: its managers change them and every desk follows. Customers and bookings sync both ways.</p>
      <div className="row">
        <button type="button" className="btn" onClick={() => retrySync()} disabled={!status.running || !status.online}>
          Sync now
        </button>
        <button type="button" className="btn btn-ghost" onClick={() => setConfirmUnpair(true)}>
          Unpair…
        </button>
      </div>
      {confirmUnpair && (
        <ConfirmDialog
          title="Unpair this desk?"
          description="Sync stops and this desk forgets its device token. Customers and bookings stay on this desk."
          keepLabel="Stay paired"
          confirmLabel="Unpair"
          onClose={() => setConfirmUnpair(false)}
          onConfirm={() =>
            unpairDesk()
              .then(() => toast.success('This desk is no longer paired'))
              .catch((error: unknown) => toast.error(`Unpairing failed: ${errorMessage(error)}`))
          }
        >
          {status.pending > 0 ? (
            <p className="notice notice-warning">{plural(status.pending, 'change has', 'changes have')} not reached the server yet. They stay on this desk and are sent if you pair it again with the same branch.</p>
          ) : (
            <p className="muted">Ask your administrator to revoke the device on the server if this computer leaves the business.</p>
          )}
        </ConfirmDialog>
      )}
    </div>
  );
}

/** Settings → "Sync with a server": pairing form, or the pairing's facts, status and actions. */
export function SyncSettingsSection() {
  const pairing = useSyncStore((s) => s.pairing);
  const signedOut = useSyncStore((s) => s.signedOut);
  const paired = pairing?.active === true && !signedOut;
  return (
    <section className="card settings-section" aria-labelledby="sync-settings-title" id="sync">
      <header>
        <h2 id="sync-settings-title">Sync with a server</h2>
        <p>
          {paired
            ? 'This desk syncs with your organisation’s server whenever it is online, and keeps working offline.'
            : 'Pair this desk with your organisation’s server so HQ and other branches see its customers and bookings.'}
        </p>
      </header>
      {paired ? (
        <PairedFacts />
      ) : (
        <>
          {signedOut && <p className="notice notice-warning">This browser session ended, so the device token is gone. Pair again with a new enrolment code.</p>}
          <PairingForm previous={pairing} />
        </>
      )}
    </section>
  );
}
