/**
 * Schedules appointment reminders from the server's bookings (so they go out with every desk
 * switched off): each round, for every branch with reminders on, the scheduled bookings whose
 * reminder is due now (`dueOffset`: the offset window holding now, outside quiet hours) get a
 * queued communication that the outbox delivers. Its `trigger_key` is
 * `reminder:<booking>:<offset>:<start ms>`, UNIQUE in the database, so:
 * - each reminder is queued once, whatever the rounds, restarts or processes;
 * - a booking moved or cancelled before its reminder gets none (it is no longer due, and the
 *   outbox cancels one queued for the old time, server/outbox/worker.ts);
 * - a booking moved after its reminder gets a fresh one for its new time (a new key).
 */
import { LIMITS, type BookingDoc, type CommunicationDoc, type CustomerDoc } from '../../shared/domain/schemas';
import { truncateText } from '../../shared/domain/string-rules';
import { TemplateError } from '../../shared/domain/template';
import { dueOffset, reminderChannel, reminderKey, renderReminder, REMINDER_PURPOSE, type ReminderSettings } from '../../shared/schedule/reminders';
import { formatInstant, parseInstant } from '../../shared/time/instant';
import { loadBranches } from '../store/branches';
import { loadMasters } from '../store/documents';
import { notifyChange } from '../store/notify';
import { ChangeDrivenRounds } from '../store/rounds';
import { advanceClock, lockStamps } from '../store/stamps';
import type { Store } from '../store/store';
import { automatedMessageId } from '../triggers/queue';
import type { RemindersConfig } from './config';
import { signLink } from './links';
import { loadReminderSettings } from './settings';

/** The reply instructions added to a reminder for its channel. */
export function replyInstructions(channel: 'sms' | 'email', config: RemindersConfig, links: { confirm: string; cancel: string } | null): string {
  if (channel === 'sms') return config.inboundSecret !== '' ? ' Reply YES to confirm or NO to cancel.' : '';
  if (links === null || config.publicUrl === '') return '';
  return `\n\nConfirm: ${config.publicUrl}/r?t=${links.confirm}\nCancel: ${config.publicUrl}/r?t=${links.cancel}`;
}

/** One round: queues the reminders due now; returns how many were queued. */
async function runReminders(store: Store, config: RemindersConfig): Promise<number> {
  const settings = [...(await loadReminderSettings(store.db)).values()].filter((s) => s.enabled && s.offsets_minutes.length > 0);
  if (settings.length === 0) return 0;
  const now = store.clock();
  const maxOffset = Math.max(...settings.flatMap((s) => s.offsets_minutes));
  const candidates = await store.db.query<{ data: BookingDoc }>(
    `SELECT data FROM bookings WHERE NOT deleted AND status = 'scheduled' AND branch_id = ANY($1::text[]) AND start_ms > $2 AND start_ms <= $3 ORDER BY start_ms, id`,
    [settings.map((s) => s.branch_id), now, now + maxOffset * 60_000],
  );
  if (candidates.length === 0) return 0;
  const branches = await loadBranches(store.db);
  const byBranch = new Map(settings.map((s) => [s.branch_id, s]));
  const due: { booking: BookingDoc; settings: ReminderSettings; offset: number; key: string }[] = [];
  for (const { data: booking } of candidates) {
    const s = byBranch.get(booking.branch_id) as ReminderSettings;
    const branch = branches.get(booking.branch_id);
    if (branch === undefined) continue;
    const offset = dueOffset(booking, s, branch.timezone, now);
    if (offset !== null) due.push({ booking, settings: s, offset, key: reminderKey(booking.id, offset, booking.start_at) });
  }
  if (due.length === 0) return 0;
  const known = new Set(
    (await store.db.query<{ trigger_key: string }>('SELECT trigger_key FROM communications WHERE trigger_key = ANY($1::text[])', [due.map((d) => d.key)])).map((r) => r.trigger_key),
  );
  const fresh = due.filter((d) => !known.has(d.key));
  if (fresh.length === 0) return 0;
  return store.db.transaction(async (tx) => {
    await lockStamps(tx);
    const customers = await loadMasters<CustomerDoc>(tx, 'customers', [...new Set(fresh.map((d) => d.booking.customer_id))]);
    const at = formatInstant(now);
    const docs: CommunicationDoc[] = [];
    for (const d of fresh) {
      const customer = customers.get(d.booking.customer_id)?.doc;
      if (customer === undefined || customer._deleted || customer.erased_at !== '') continue;
      const channel = reminderChannel(customer);
      if (channel === null) continue;
      const branch = branches.get(d.booking.branch_id);
      if (branch === undefined) continue;
      let text: string;
      try {
        text = renderReminder(d.settings.template, d.booking, customer.name, branch.doc.name, branch.timezone);
      } catch (error) {
        if (!(error instanceof TemplateError)) throw error;
        store.log.warn({ branch: branch.id, problem: error.message }, 'reminder template is invalid; nothing queued');
        continue;
      }
      const startMs = parseInstant(d.booking.start_at) as number;
      const links =
        channel === 'email' && config.publicUrl !== ''
          ? {
              confirm: signLink(store.org.server_secret, { bookingId: d.booking.id, action: 'confirm', startMs, expiresMs: startMs }),
              cancel: signLink(store.org.server_secret, { bookingId: d.booking.id, action: 'cancel', startMs, expiresMs: startMs }),
            }
          : null;
      docs.push({
        id: automatedMessageId(d.key),
        customer_id: customer.id,
        branch_id: d.booking.branch_id,
        channel,
        purpose: REMINDER_PURPOSE,
        status: 'queued',
        message: truncateText(`${text}${replyInstructions(channel, config, links)}`, LIMITS.message),
        at,
        campaign_id: '',
        variant: '',
        trigger_key: d.key,
        direction: 'outbound',
        attempts: 0,
        next_attempt_at: '',
        error: '',
        updated_at: at,
      });
    }
    if (docs.length === 0) return 0;
    const rows = await tx.query<{ id: string; branch_id: string }>(
      `INSERT INTO communications (id, stamp, deleted, data, branch_id, customer_id, status, channel, trigger_key, due_ms)
       SELECT r.id, nextval('doc_stamp'), false, r.data, r.branch_id, r.customer_id, 'queued', r.channel, r.trigger_key, 0
       FROM jsonb_to_recordset($1::jsonb) AS r(id text, data jsonb, branch_id text, customer_id text, channel text, trigger_key text)
       ON CONFLICT (trigger_key) WHERE trigger_key <> '' DO NOTHING
       RETURNING id, branch_id`,
      [JSON.stringify(docs.map((d) => ({ id: d.id, data: d, branch_id: d.branch_id, customer_id: d.customer_id, channel: d.channel, trigger_key: d.trigger_key })))],
    );
    if (rows.length > 0) {
      await notifyChange(tx, { collection: 'communications', branches: [...new Set(rows.map((r) => r.branch_id))] });
      await advanceClock(tx);
      store.log.info({ queued: rows.length }, 'appointment reminders queued');
    }
    return rows.length;
  });
}

/** Runs `runReminders` every `pollMs` and after every change to bookings (one round at a time). */
export class ReminderScheduler {
  private readonly rounds: ChangeDrivenRounds;

  constructor(
    private readonly store: Store,
    private readonly config: RemindersConfig,
  ) {
    this.rounds = new ChangeDrivenRounds(store, { name: 'reminder', collection: 'bookings', pollMs: config.pollMs, round: () => this.runOnce() });
  }

  /** One round now (tests call this directly with an injected clock): how many reminders it queued. */
  runOnce(): Promise<number> {
    return runReminders(this.store, this.config);
  }

  kick(): void {
    this.rounds.kick();
  }

  start(): Promise<void> {
    return this.rounds.start();
  }

  stop(): Promise<void> {
    return this.rounds.stop();
  }
}
