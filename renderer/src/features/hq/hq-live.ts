/** What the HQ dashboard refreshes when its live stream speaks, and how often. */
import type { StreamMessage } from '../../../../shared/sync/protocol';

/** The parts of the HQ report, fetched separately. */
export type ReportPart = 'metrics' | 'trend' | 'names';
export const ALL_PARTS: readonly ReportPart[] = ['metrics', 'trend', 'names'];

/** First refresh after a quiet spell (a burst of notices becomes one refresh). */
export const REFRESH_DELAY_MS = 300;
/** Live refreshes start at least this far apart, and this often while changes keep coming. */
export const REFRESH_GAP_MS = 3000;

/**
 * The parts of the report shown as of `asOf` ('' = today) that a stream message may have changed:
 * `resync` (notices may have been missed) → everything; a branch → its name and every figure;
 * customers, bookings or a branch's settings → the trend (its last day is live), and the metrics
 * unless the view is a past day and every changed day is after it; communications, campaigns and
 * segments → nothing.
 */
export function partsChangedBy(message: StreamMessage, asOf: string): ReportPart[] {
  if (message.type === 'resync') return [...ALL_PARTS];
  if (message.type !== 'notice') return [];
  if (message.collection === 'branches') return [...ALL_PARTS];
  if (message.collection !== 'customers' && message.collection !== 'bookings' && message.collection !== 'branch_settings') return [];
  const changes = message.changes;
  const earlier = asOf === '' || changes === null || changes.some((c) => c.days === null || c.days.first <= asOf);
  return earlier ? ['metrics', 'trend'] : ['trend'];
}
