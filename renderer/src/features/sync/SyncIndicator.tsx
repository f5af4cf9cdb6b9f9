import { routeHref } from '../../app/router';
import { useSyncStore } from '../../sync/sync-store';
import { plural } from '../../sync/sync-status';
import { Icon } from '../../ui/Icon';
import { useSyncSummary } from './use-sync-summary';

const count = new Intl.NumberFormat('en');

/**
 * Top-bar sync status: offline, syncing with a count, synced at HH:MM, or the error; local changes
 * not yet on the server; a progress bar during the first sync. A live region (role="status"), so
 * changes are announced; it links to Settings where the details and actions are.
 */
export function SyncIndicator() {
  const paired = useSyncStore((s) => s.pairing?.active === true);
  const pending = useSyncStore((s) => s.status.pending);
  const firstSync = useSyncStore((s) => s.status.firstSync);
  const summary = useSyncSummary();
  if (!paired) {
    return (
      <a className="sync-indicator sync-idle" href={routeHref({ name: 'settings' })} title={summary.detail}>
        <Icon name="sync" size={16} />
        <span role="status" aria-label="Sync status" data-testid="sync-status">
          <span data-testid="sync-label">This desk only</span>
        </span>
      </a>
    );
  }
  const percent = firstSync !== null && firstSync.total !== null && firstSync.total > 0 ? Math.min(100, Math.round((firstSync.done / firstSync.total) * 100)) : null;
  return (
    <a className={`sync-indicator sync-${summary.tone}`} href={routeHref({ name: 'settings' })} title={summary.detail} data-tone={summary.tone}>
      <span className="sync-dot" aria-hidden="true">
        <Icon name={summary.tone === 'error' || summary.tone === 'warning' ? 'alert' : 'sync'} size={16} />
      </span>
      <span role="status" aria-label="Sync status" data-testid="sync-status" className="sync-text">
        <span className="sync-label" data-testid="sync-label">
          {summary.label}
        </span>
        {pending > 0 && (
          <span className="sync-pending" data-testid="sync-pending">
            {plural(pending, 'change', 'changes')} to send
          </span>
        )}
        {summary.detail !== '' && <span className="visually-hidden">. {summary.detail}</span>}
      </span>
      {firstSync !== null && (
        <span
          className={percent === null ? 'sync-progress sync-progress-indeterminate' : 'sync-progress'}
          role="progressbar"
          aria-label="First sync"
          aria-valuemin={0}
          aria-valuemax={firstSync.total ?? undefined}
          aria-valuenow={firstSync.total === null ? undefined : firstSync.done}
          aria-valuetext={firstSync.total === null ? `${count.format(firstSync.done)} documents` : `${count.format(firstSync.done)} of ${count.format(firstSync.total)} documents`}
        >
          <span className="sync-progress-bar" style={percent === null ? undefined : { width: `${percent}%` }} />
        </span>
      )}
    </a>
  );
}
