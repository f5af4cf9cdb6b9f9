import type { CommunicationDoc } from '../../../../shared/domain/schemas';
import type { CommunicationStatus } from '../../../../shared/domain/types';

/** Statuses in the order a message goes through them (for counts and the outbox table). */
export const DELIVERY_ORDER: CommunicationStatus[] = ['queued', 'sending', 'sent', 'delivered', 'failed', 'held', 'cancelled', 'logged'];

export const DELIVERY_LABELS: Record<CommunicationStatus, string> = {
  queued: 'Queued',
  sending: 'Sending',
  sent: 'Sent',
  delivered: 'Delivered',
  failed: 'Failed',
  logged: 'Logged',
  held: 'Holdout (not sent)',
  cancelled: 'Cancelled',
};

export interface DeliverySummary {
  total: number;
  counts: Partial<Record<CommunicationStatus, number>>;
  /** Messages that failed, with their reasons, most recent first. */
  failed: CommunicationDoc[];
  /** Every message has an outcome (nothing queued or sending). */
  settled: boolean;
}

/** Where a campaign's messages are, as the server reports back through sync. */
export function deliverySummary(messages: Iterable<CommunicationDoc>): DeliverySummary {
  const counts: Partial<Record<CommunicationStatus, number>> = {};
  const failed: CommunicationDoc[] = [];
  let total = 0;
  for (const m of messages) {
    total += 1;
    counts[m.status] = (counts[m.status] ?? 0) + 1;
    if (m.status === 'failed') failed.push(m);
  }
  failed.sort((a, b) => (a.updated_at < b.updated_at ? 1 : a.updated_at > b.updated_at ? -1 : 0));
  return { total, counts, failed, settled: (counts.queued ?? 0) + (counts.sending ?? 0) === 0 };
}

/** "Failed: timeout (retry 2 of 5 at 14:30)" style reason for one message, or ''. */
export function failureText(m: Pick<CommunicationDoc, 'status' | 'error' | 'attempts' | 'next_attempt_at'>, formatTime: (instant: string) => string): string {
  if (m.status !== 'failed' && m.status !== 'cancelled' && !(m.status === 'queued' && m.error !== '')) return '';
  const retry = m.status === 'failed' && m.next_attempt_at !== '' ? ` · retrying at ${formatTime(m.next_attempt_at)}` : '';
  const attempts = m.attempts > 0 ? ` · ${m.attempts} ${m.attempts === 1 ? 'attempt' : 'attempts'}` : '';
  return `${m.error || 'no reason given'}${attempts}${retry}`;
}
