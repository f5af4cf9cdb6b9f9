import { useCallback } from 'react';
import { zoneClock } from '../../../../shared/time/zone';
import { useToday } from '../../data/hooks';
import { formatClockTime } from '../../lib/zoned-time';
import { useSyncStore } from '../../sync/sync-store';
import { summarizeSync, type SyncSummary } from '../../sync/sync-status';
import { useRefusedDescription } from './use-refused-description';

/** HH:MM of an instant in the desk's zone. */
export function useDeskClock(): (ms: number) => string {
  const { timeZone } = useToday();
  return useCallback((ms: number) => formatClockTime(zoneClock(timeZone).localMinuteOfDay(ms)), [timeZone]);
}

/** The sync status in words, for the indicator and the Settings section. */
export function useSyncSummary(): SyncSummary {
  const status = useSyncStore((s) => s.status);
  const signedOut = useSyncStore((s) => s.signedOut);
  const clock = useDeskClock();
  const refused = useRefusedDescription();
  if (signedOut) return { tone: 'error', label: 'Signed out', detail: 'The device token was kept only for the browser session. Pair again with a new enrolment code in Settings.' };
  const summary = summarizeSync(status, clock);
  if (refused !== null && summary.label === 'Sync error') {
    return { ...summary, detail: `The server refused ${refused}. Nothing is lost: the change stays on this desk until it is fixed.` };
  }
  if (refused !== null && status.refused.length > 0 && summary.label.endsWith('not synced')) {
    const more = status.refused.length > 1 ? ` (and ${status.refused.length - 1} more)` : '';
    return { ...summary, detail: `The server refused ${refused}${more}. Everything else syncs; open Not synced in Settings to fix or discard it.` };
  }
  return summary;
}
