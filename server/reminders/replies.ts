/**
 * Replies to reminders (an inbound SMS, a signed link in an email) applied to the booking:
 * - "confirm": recorded as an inbound communication (purpose "reply", its `trigger_key`
 *   `reply:<booking>:confirm:<start ms>:<source>`); the booking itself is unchanged, its
 *   confirmation is derived from its replies (`confirmationOf`, docs/DESIGN.md §11);
 * - "cancel": the same record, and the booking moves to `cancelled` (a forward move, §4).
 * Both are server writes with new stamps, so they reach every desk of the branch by sync. The
 * key is UNIQUE: a replayed SMS or a second click of one link changes nothing twice.
 */
import { LIMITS, type BookingDoc, type CommunicationDoc } from '../../shared/domain/schemas';
import { truncateText, wellFormedText } from '../../shared/domain/string-rules';
import { parseReminderKey, replyKey, REPLY_PURPOSE, type ReplyAction, type ReplySource } from '../../shared/schedule/reminders';
import type { WireDoc } from '../../shared/sync/protocol';
import { formatInstant, parseInstant } from '../../shared/time/instant';
import { loadBranches, timezonesOf } from '../store/branches';
import { loadMasters, writeDocuments } from '../store/documents';
import { notifyChange } from '../store/notify';
import { advanceClock, lockStamps, nextStamps } from '../store/stamps';
import type { Store } from '../store/store';
import { phoneKey } from '../store/tables';
import { refreshPairs } from '../services/projection';
import { automatedMessageId } from '../triggers/queue';

export interface Reply {
  bookingId: string;
  action: ReplyAction;
  /** The booking's start the reminder was about. */
  startMs: number;
  channel: ReplySource;
  /** Identifies the reply: the gateway's message id, or the link ("link"). */
  source: string;
  /** What the customer wrote (or what the link did). */
  text: string;
}

export type ReplyOutcome =
  | { ok: true; action: ReplyAction; booking: BookingDoc }
  | { ok: false; status: 404 | 409 | 410; reason: string };

/** Applies one reply in one transaction (nothing is half-written). */
export async function applyReply(store: Store, reply: Reply): Promise<ReplyOutcome> {
  const now = store.clock();
  const at = formatInstant(now);
  return store.db.transaction(async (tx) => {
    await lockStamps(tx);
    const booking = (await loadMasters<BookingDoc>(tx, 'bookings', [reply.bookingId])).get(reply.bookingId)?.doc;
    if (booking === undefined || booking._deleted) return { ok: false, status: 404, reason: 'This appointment no longer exists. Please call the branch.' } as const;
    const start = parseInstant(booking.start_at);
    if (start !== reply.startMs) return { ok: false, status: 409, reason: 'This appointment has been moved since the reminder was sent, so this reply no longer applies. Please check your newest reminder or call the branch.' } as const;
    if (booking.status === 'cancelled') return { ok: false, status: 409, reason: 'This appointment is already cancelled.' } as const;
    if (booking.status !== 'scheduled') return { ok: false, status: 409, reason: 'This appointment can no longer be changed.' } as const;
    if (start <= now) return { ok: false, status: 410, reason: 'This appointment has already started.' } as const;
    const key = replyKey(booking.id, reply.action, start, reply.source);
    const doc: CommunicationDoc = {
      id: automatedMessageId(key),
      customer_id: booking.customer_id,
      branch_id: booking.branch_id,
      channel: reply.channel,
      purpose: REPLY_PURPOSE,
      status: 'delivered',
      message: truncateText(wellFormedText(reply.text).trim() || (reply.action === 'confirm' ? 'Confirmed' : 'Cancelled'), LIMITS.message),
      at,
      campaign_id: '',
      variant: '',
      trigger_key: truncateText(key, LIMITS.triggerKey),
      direction: 'inbound',
      attempts: 0,
      next_attempt_at: '',
      error: '',
      updated_at: at,
    };
    const inserted = await tx.query<{ id: string }>(
      `INSERT INTO communications (id, stamp, deleted, data, branch_id, customer_id, status, channel, trigger_key, due_ms)
       VALUES ($1, nextval('doc_stamp'), false, $2::jsonb, $3, $4, $5, $6, $7, NULL)
       ON CONFLICT DO NOTHING RETURNING id`,
      [doc.id, JSON.stringify(doc), doc.branch_id, doc.customer_id, doc.status, doc.channel, doc.trigger_key],
    );
    if (inserted.length === 0) return { ok: false, status: 409, reason: 'This reply was already received.' } as const;
    await notifyChange(tx, { collection: 'communications', branches: [booking.branch_id] });
    let result = booking;
    if (reply.action === 'cancel') {
      result = { ...booking, status: 'cancelled', updated_at: at };
      const branches = await loadBranches(tx);
      const [stamp] = await nextStamps(tx, 1);
      await writeDocuments(tx, 'bookings', [{ doc: result as unknown as WireDoc<Record<string, unknown>>, stamp: stamp as number }], { timezones: timezonesOf(branches), ownerBranch: booking.branch_id });
      await refreshPairs(tx, [{ branch_id: booking.branch_id, customer_id: booking.customer_id }], branches, (b) => store.today(b));
      await notifyChange(tx, { collection: 'bookings', branches: [booking.branch_id] });
    }
    await advanceClock(tx);
    store.log.info({ booking: booking.id, action: reply.action, channel: reply.channel }, 'reminder reply applied');
    return { ok: true, action: reply.action, booking: result } as const;
  });
}

/**
 * The booking an SMS from this number replies to: the customer's SMS reminder sent last whose
 * booking is still scheduled at the time it named and has not started. Null when none.
 */
export async function bookingRepliedTo(store: Store, from: string): Promise<{ bookingId: string; startMs: number } | null> {
  const phone = phoneKey(from);
  if (phone === '') return null;
  const customers = await store.db.query<{ id: string }>('SELECT id FROM customers WHERE NOT deleted AND phone = $1', [phone]);
  if (customers.length === 0) return null;
  const sent = await store.db.query<{ data: CommunicationDoc }>(
    `SELECT data FROM communications WHERE NOT deleted AND customer_id = ANY($1::text[]) AND channel = 'sms' AND status IN ('sent', 'delivered')
       AND trigger_key LIKE 'reminder:%' ORDER BY data->>'at' DESC LIMIT 50`,
    [customers.map((c) => c.id)],
  );
  const keys = sent.flatMap((s) => {
    const k = parseReminderKey(s.data.trigger_key);
    return k === null ? [] : [k];
  });
  const bookings = await loadMasters<BookingDoc>(store.db, 'bookings', [...new Set(keys.map((k) => k.bookingId))]);
  const now = store.clock();
  for (const k of keys) {
    const b = bookings.get(k.bookingId)?.doc;
    if (b !== undefined && !b._deleted && b.status === 'scheduled' && parseInstant(b.start_at) === k.startMs && k.startMs > now) return { bookingId: k.bookingId, startMs: k.startMs };
  }
  return null;
}

