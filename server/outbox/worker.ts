/**
 * The outbox worker: delivers communications that desks queued (pushed with status `queued`
 * through normal sync) or the server's triggers created, through the configured providers.
 *
 * One round:
 *   1. recover messages left `sending` by a process that stopped mid-send (see below);
 *   2. note, once, on queued messages of a channel without a provider why they wait;
 *   3. claim due messages — in one transaction, under the stamp lock, `FOR UPDATE SKIP LOCKED`
 *      — and mark them `sending` (attempts + 1) before any provider is called; customers who
 *      were erased or withdrew consent since are cancelled instead, never sent;
 *   4. hand each claimed message to its provider, then record `sent`, or `failed` with the
 *      reason and, when trying again can help and attempts remain, `next_attempt_at`
 *      (exponential back-off) — a failed message with a next attempt is claimed again then.
 * Every status change is a document update with a new stamp, so it syncs back to the desks.
 *
 * Delivery guarantee. Claiming commits `sending` before the provider call, so no two workers
 * (processes) ever hand over the same attempt. If the process dies between the call and the
 * record of its outcome, the message stays `sending`; after `sendingTimeoutMs` it is recovered:
 * - SMS (webhook): tried again with the SAME idempotency key (the communication id); a gateway
 *   honouring the key does not send twice — at-least-once hand-over, exactly-once sending.
 * - Email (SMTP has no idempotency): marked failed with "outcome unknown" and NOT retried —
 *   at-most-once; a person decides whether to send again (the Message-ID is the communication
 *   id, so a mail system that de-duplicates would recognise a manual repeat).
 * A provider failure before acceptance is always safe to retry and is retried with back-off.
 */
import type { BookingDoc, CommunicationDoc, CustomerDoc } from '../../shared/domain/schemas';
import { parseReminderKey } from '../../shared/schedule/reminders';
import { formatInstant, parseInstant } from '../../shared/time/instant';
import type { WireDoc } from '../../shared/sync/protocol';
import { pairKey } from '../../shared/engine/activity-index';
import { loadBranches } from '../store/branches';
import { loadMasters } from '../store/documents';
import { ChangeDrivenRounds } from '../store/rounds';
import { writeServerDocuments } from '../store/server-writes';
import { advanceClock, lockStamps } from '../store/stamps';
import type { Store } from '../store/store';
import { deliveryProblem, RATE_LIMITS, SERVER_QUEUER } from '../authz/outbox-policy';
import { linkedPairs } from '../store/links';
import { handOversSince, queuersOf, writeAudit, type AuditOutcome, type AuditRow, type Queuer } from './audit';
import { retryDelayMs } from './backoff';
import type { OutboxOptions } from './config';
import { shortReason, type Delivery, type DeliveryChannel, type DeliveryResult, type Provider } from './provider';

type Comm = WireDoc<CommunicationDoc>;

export interface OutboxRound {
  recovered: number;
  claimed: number;
  sent: number;
  /** Failed for good (permanent, out of attempts, or impossible to send). */
  failed: number;
  /** Failed with a next attempt scheduled. */
  retrying: number;
  cancelled: number;
  /** Held back by a rate limit (still queued, tried again when a slot frees). */
  deferred: number;
  /** Queued messages newly noted as waiting for a provider. */
  waiting: number;
}

interface Claimed {
  comm: Comm;
  delivery: Delivery;
}

/** Channels a provider delivers. SMS gateways with an idempotency key may be retried after a crash. */
const IDEMPOTENT_CHANNELS = new Set<string>(['sms']);

function waitingReason(channel: string): string {
  if (channel === 'email') return 'not sent yet: no email provider is configured on the server (SMTP_URL)';
  if (channel === 'sms') return 'not sent yet: no SMS provider is configured on the server (SMS_WEBHOOK_URL)';
  return `not sent: the server has no provider for ${channel} messages`;
}

export class OutboxWorker {
  private readonly rounds: ChangeDrivenRounds;

  constructor(
    private readonly store: Store,
    private readonly providers: ReadonlyMap<DeliveryChannel, Provider>,
    private readonly options: OutboxOptions,
  ) {
    this.rounds = new ChangeDrivenRounds(store, { name: 'outbox', collection: 'communications', pollMs: options.pollMs, round: () => this.runOnce() });
  }

  private now(): number {
    return this.store.clock();
  }

  /** One full round (tests call this directly with an injected clock). */
  async runOnce(): Promise<OutboxRound> {
    const round: OutboxRound = { recovered: 0, claimed: 0, sent: 0, failed: 0, retrying: 0, cancelled: 0, deferred: 0, waiting: 0 };
    round.recovered = await this.recoverInterrupted();
    round.waiting = await this.noteWaiting();
    for (;;) {
      const claimed = await this.claim(round);
      round.claimed += claimed.length;
      for (const c of claimed) {
        const provider = this.providers.get(c.delivery.channel) as Provider;
        let result: DeliveryResult;
        try {
          result = await provider.send(c.delivery);
        } catch (error) {
          result = { ok: false, permanent: false, reason: shortReason(`${provider.name} failed: ${error instanceof Error ? error.message : String(error)}`) };
        }
        const outcome = await this.record(c.comm, result);
        if (outcome === 'sent') round.sent += 1;
        else if (outcome === 'retrying') round.retrying += 1;
        else if (outcome === 'failed') round.failed += 1;
      }
      if (claimed.length < this.options.batchSize) return round;
    }
  }

  /** Marks claimed messages `sending`; returns them with what the provider needs. */
  private async claim(round: OutboxRound): Promise<Claimed[]> {
    const channels = [...this.providers.keys()];
    if (channels.length === 0) return [];
    const now = this.now();
    const at = formatInstant(now);
    // Idle rounds take no lock (the stamp lock also serialises pushes).
    const due = await this.store.db.query(
      'SELECT 1 FROM communications WHERE due_ms IS NOT NULL AND due_ms <= $1 AND NOT deleted AND channel = ANY($2::text[]) LIMIT 1',
      [now, channels],
    );
    if (due.length === 0) return [];
    return this.store.db.transaction(async (tx) => {
      await lockStamps(tx);
      const rows = await tx.query<{ id: string; data: CommunicationDoc }>(
        `SELECT id, data FROM communications
         WHERE due_ms IS NOT NULL AND due_ms <= $1 AND NOT deleted AND channel = ANY($2::text[])
         ORDER BY due_ms, id LIMIT $3 FOR UPDATE SKIP LOCKED`,
        [now, channels, this.options.batchSize],
      );
      if (rows.length === 0) return [];
      const customers = await loadMasters<CustomerDoc>(tx, 'customers', [...new Set(rows.map((r) => r.data.customer_id))]);
      const branches = await loadBranches(tx);
      // Appointment reminders go out only while their booking is still scheduled at that time.
      const reminderOf = new Map(rows.flatMap((r) => { const k = parseReminderKey(r.data.trigger_key); return k === null ? [] : [[r.data.id, k] as const]; }));
      const reminded = await loadMasters<BookingDoc>(tx, 'bookings', [...new Set([...reminderOf.values()].map((k) => k.bookingId))]);
      const links = await linkedPairs(tx, rows.map((r) => ({ branch_id: r.data.branch_id, customer_id: r.data.customer_id })));
      const queuers = await queuersOf(tx, rows.map((r) => r.data));
      const perCustomer = await handOversSince(tx, 'customer_id', [...new Set(rows.map((r) => r.data.customer_id))], now - RATE_LIMITS.customerWindowMs);
      const perDevice = await handOversSince(tx, 'queued_by', [...new Set([...queuers.values()].map((q) => q.device_id))], now - RATE_LIMITS.deviceWindowMs);
      const writes: Comm[] = [];
      const claimed: Claimed[] = [];
      const audit: AuditRow[] = [];
      for (const { data } of rows) {
        const comm: Comm = { ...data, _deleted: false };
        const queuer = queuers.get(comm.id) as Queuer;
        const note = (outcome: AuditOutcome, reason: string) =>
          audit.push({ communication_id: comm.id, customer_id: comm.customer_id, branch_id: comm.branch_id, channel: comm.channel, purpose: comm.purpose, queuer, outcome, reason });
        const customer = customers.get(comm.customer_id)?.doc;
        const reminder = reminderOf.get(comm.id);
        const booking = reminder === undefined ? undefined : reminded.get(reminder.bookingId)?.doc;
        const problem = queuer.revoked
          ? ({ kind: 'cancel', reason: 'cancelled: the desk that queued it was revoked' } as const)
          : reminder !== undefined && (booking === undefined || booking._deleted || booking.status !== 'scheduled' || parseInstant(booking.start_at) !== reminder.startMs)
            ? ({ kind: 'cancel', reason: 'cancelled: the booking was moved or cancelled before its reminder went out' } as const)
          : deliveryProblem(comm, customer, links.has(pairKey(comm.branch_id, comm.customer_id)));
        if (problem !== null) {
          const status = problem.kind === 'cancel' ? 'cancelled' : 'failed';
          writes.push({ ...comm, status, error: problem.reason, next_attempt_at: '', updated_at: at });
          if (status === 'cancelled') round.cancelled += 1;
          else round.failed += 1;
          note(status, problem.reason);
          continue;
        }
        // Rate limits: a message over one waits (queued, next_attempt_at) until a slot frees.
        const byCustomer = perCustomer.get(comm.customer_id) ?? { count: 0, oldestMs: now };
        const byDevice = queuer.device_id === SERVER_QUEUER ? null : (perDevice.get(queuer.device_id) ?? { count: 0, oldestMs: now });
        const wait =
          byCustomer.count >= RATE_LIMITS.perCustomer
            ? { until: byCustomer.oldestMs + RATE_LIMITS.customerWindowMs, why: `at most ${RATE_LIMITS.perCustomer} messages per customer in 24 hours` }
            : byDevice !== null && byDevice.count >= RATE_LIMITS.perDevice
              ? { until: byDevice.oldestMs + RATE_LIMITS.deviceWindowMs, why: `at most ${RATE_LIMITS.perDevice} messages per desk in an hour` }
              : null;
        if (wait !== null) {
          const reason = `waiting: rate limit (${wait.why}); next try ${formatInstant(Math.max(wait.until, now + 1000))}`;
          writes.push({ ...comm, status: 'queued', error: reason, next_attempt_at: formatInstant(Math.max(wait.until, now + 1000)), updated_at: at });
          round.deferred += 1;
          note('deferred', reason);
          continue;
        }
        perCustomer.set(comm.customer_id, { count: byCustomer.count + 1, oldestMs: Math.min(byCustomer.oldestMs, now) });
        if (byDevice !== null) perDevice.set(queuer.device_id, { count: byDevice.count + 1, oldestMs: Math.min(byDevice.oldestMs, now) });
        const channel = comm.channel as DeliveryChannel;
        const sending: Comm = { ...comm, status: 'sending', attempts: comm.attempts + 1, next_attempt_at: '', error: '', updated_at: at };
        writes.push(sending);
        note('handed_over', `attempt ${sending.attempts}`);
        claimed.push({
          comm: sending,
          delivery: {
            id: comm.id,
            channel,
            to: channel === 'sms' ? (customer as CustomerDoc).phone : (customer as CustomerDoc).email,
            text: comm.message,
            // a receipt says so; everything else takes the server's subject (SMTP_SUBJECT)
            subject: comm.purpose.trim().toLowerCase() === 'receipt' ? 'Your receipt from {branch}' : '',
            branch: { id: comm.branch_id, name: branches.get(comm.branch_id)?.doc.name ?? comm.branch_id },
          },
        });
      }
      await writeAudit(tx, audit, now);
      await writeServerDocuments(tx, 'communications', writes as WireDoc<Record<string, unknown>>[]);
      await advanceClock(tx);
      return claimed;
    });
  }

  /** Records a provider's answer for the attempt that was claimed. */
  private async record(claimed: Comm, result: DeliveryResult): Promise<'sent' | 'retrying' | 'failed' | 'skipped'> {
    const now = this.now();
    const at = formatInstant(now);
    return this.store.db.transaction(async (tx) => {
      await lockStamps(tx);
      const master = (await loadMasters<CommunicationDoc>(tx, 'communications', [claimed.id])).get(claimed.id)?.doc;
      // A newer attempt started meanwhile (this one was recovered and retried): it owns the record.
      if (master === undefined || master.attempts !== claimed.attempts) return 'skipped';
      let next: Comm;
      let outcome: 'sent' | 'retrying' | 'failed';
      if (result.ok) {
        next = { ...master, status: 'sent', error: '', next_attempt_at: '', updated_at: at };
        outcome = 'sent';
      } else if (!result.permanent && master.attempts < this.options.maxAttempts) {
        const retryAt = formatInstant(now + retryDelayMs(master.attempts, this.options));
        next = { ...master, status: 'failed', error: shortReason(`${result.reason} (attempt ${master.attempts} of ${this.options.maxAttempts}; next try ${retryAt})`), next_attempt_at: retryAt, updated_at: at };
        outcome = 'retrying';
      } else {
        const why = result.permanent ? result.reason : `${result.reason} (gave up after ${master.attempts} attempts)`;
        next = { ...master, status: 'failed', error: shortReason(why), next_attempt_at: '', updated_at: at };
        outcome = 'failed';
      }
      await writeServerDocuments(tx, 'communications', [next as WireDoc<Record<string, unknown>>]);
      const queuer = (await queuersOf(tx, [master])).get(master.id) as Queuer;
      await writeAudit(tx, [{ communication_id: master.id, customer_id: master.customer_id, branch_id: master.branch_id, channel: master.channel, purpose: master.purpose, queuer, outcome: outcome === 'sent' ? 'sent' : 'failed', reason: next.error }], now);
      await advanceClock(tx);
      this.store.log.info({ communication: master.id, channel: master.channel, attempt: master.attempts, outcome }, 'outbox delivery');
      return outcome;
    });
  }

  /** Messages left `sending` longer than the timeout: the process handing them over stopped. */
  private async recoverInterrupted(): Promise<number> {
    const now = this.now();
    const at = formatInstant(now);
    if ((await this.store.db.query("SELECT 1 FROM communications WHERE status = 'sending' LIMIT 1")).length === 0) return 0;
    return this.store.db.transaction(async (tx) => {
      await lockStamps(tx);
      const rows = await tx.query<{ data: CommunicationDoc }>(
        "SELECT data FROM communications WHERE status = 'sending' AND NOT deleted ORDER BY id FOR UPDATE SKIP LOCKED",
      );
      const writes: Comm[] = [];
      for (const { data } of rows) {
        const since = parseInstant(data.updated_at) ?? 0;
        if (now - since < this.options.sendingTimeoutMs) continue;
        const comm: Comm = { ...data, _deleted: false };
        if (IDEMPOTENT_CHANNELS.has(comm.channel) && comm.attempts < this.options.maxAttempts) {
          writes.push({ ...comm, status: 'failed', next_attempt_at: at, updated_at: at, error: 'interrupted while sending; tried again with the same idempotency key' });
        } else if (IDEMPOTENT_CHANNELS.has(comm.channel)) {
          writes.push({ ...comm, status: 'failed', next_attempt_at: '', updated_at: at, error: `interrupted while sending (gave up after ${comm.attempts} attempts)` });
        } else {
          writes.push({
            ...comm,
            status: 'failed',
            next_attempt_at: '',
            updated_at: at,
            error: 'outcome unknown: the server stopped while handing the message over; not retried to avoid a duplicate',
          });
        }
      }
      if (writes.length > 0) {
        await writeServerDocuments(tx, 'communications', writes as WireDoc<Record<string, unknown>>[]);
        await advanceClock(tx);
        this.store.log.warn({ communications: writes.map((w) => w.id) }, 'outbox recovered messages interrupted while sending');
      }
      return writes.length;
    });
  }

  /** Queued messages of channels without a provider: say why they wait (once per message). */
  private async noteWaiting(): Promise<number> {
    const channels = [...this.providers.keys()];
    const at = formatInstant(this.now());
    const where = "due_ms IS NOT NULL AND NOT deleted AND status = 'queued' AND NOT (channel = ANY($1::text[])) AND data->>'error' = ''";
    if ((await this.store.db.query(`SELECT 1 FROM communications WHERE ${where} LIMIT 1`, [channels])).length === 0) return 0;
    return this.store.db.transaction(async (tx) => {
      await lockStamps(tx);
      const rows = await tx.query<{ data: CommunicationDoc }>(`SELECT data FROM communications WHERE ${where} ORDER BY id LIMIT 500 FOR UPDATE SKIP LOCKED`, [channels]);
      const writes = rows.map(({ data }) => ({ ...data, error: waitingReason(data.channel), updated_at: at, _deleted: false }));
      if (writes.length > 0) {
        await writeServerDocuments(tx, 'communications', writes as WireDoc<Record<string, unknown>>[]);
        await advanceClock(tx);
      }
      return writes.length;
    });
  }

  /** Runs a round now (or right after the one in progress). */
  kick(): void {
    this.rounds.kick();
  }

  /** Delivers in the background: on every communications change and every `pollMs`. */
  start(): Promise<void> {
    return this.rounds.start();
  }

  async stop(): Promise<void> {
    await this.rounds.stop();
    for (const p of this.providers.values()) await p.close();
  }
}
