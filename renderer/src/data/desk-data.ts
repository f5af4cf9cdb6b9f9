import type { Subscription } from 'rxjs';
import type { RxChangeEventBulk, RxCollection } from 'rxdb';
import type { BookingDoc, BranchDoc, CustomerDoc } from '../../../shared/domain/schemas';
import type { Branch } from '../../../shared/domain/types';
import type { PairActivity } from '../../../shared/engine/activity';
import { ActivityIndex, bookingFact, pairKey, type ActivityChange, type PreviousPair } from '../../../shared/engine/activity-index';
import { zoneClock } from '../../../shared/time/zone';
import type { DerivedDb} from './derived-db';
import { sameActivity } from './derived-db';
import { rulesOf, type DeskSettings } from './desk-settings';
import type { Replica } from './replica';
import { countLive, scanCollection } from './scan';
import { CustomerSearchIndex } from './search-index';
import { withoutMeta } from './validation';

export type LoadStage = 'branches' | 'customers' | 'bookings' | 'computing' | 'saving' | 'done';

export interface LoadProgress {
  stage: LoadStage;
  /** Documents (or rows) handled so far in this stage. */
  done: number;
  /** Expected total for this stage (0 when unknown). */
  total: number;
}

/** What a change touched, so the stores can bump only the matching version counters. */
export interface DataChange {
  branches: boolean;
  customers: boolean;
  bookings: boolean;
  /** Number of pairs whose activity changed or vanished. */
  activity: number;
}

export function branchOf(doc: BranchDoc): Branch {
  return { id: doc.id, name: doc.name, timezone: doc.timezone, active_days: doc.active_days, at_risk_days: doc.at_risk_days };
}

type Listener = (change: DataChange) => void;

/**
 * Everything the desk holds in memory about its replica, kept current from RxDB's change
 * streams: branches, customers (documents plus the search index) and the activity of every
 * (customer, branch) pair (`ActivityIndex` over booking facts, not the booking documents).
 *
 * - A booking or customer change recomputes only the affected pair(s) and writes only those
 *   rows to the derived database.
 * - A new local date, new business rules or a branch's new thresholds recompute everything (or
 *   the branch), and only rows whose figures changed are written.
 */
export class DeskData {
  readonly branches = new Map<string, BranchDoc>();
  readonly customers = new Map<string, CustomerDoc>();
  readonly search = new CustomerSearchIndex();
  private index: ActivityIndex;
  private settingsValue: DeskSettings;
  /** Bookings whose branch is not (yet) in the replica: applied when the branch arrives. */
  private readonly waiting = new Map<string, BookingDoc>();
  private readonly listeners = new Set<Listener>();
  private readonly subscriptions: Subscription[] = [];
  private buffered: { collection: 'branches' | 'customers' | 'bookings'; bulk: RxChangeEventBulk<unknown> }[] | null = null;
  private writes: Promise<void> = Promise.resolve();
  /** Derived rows waiting for the next write (see `queueDerived`). */
  private readonly pendingUpdated = new Map<string, PairActivity>();
  private readonly pendingRemoved = new Map<string, { branch_id: string; customer_id: string }>();
  private drainQueued = false;
  private writeError: unknown = null;

  constructor(
    readonly db: Replica,
    readonly derived: DerivedDb,
    settings: DeskSettings,
    asOfDay: number,
  ) {
    this.settingsValue = settings;
    this.index = new ActivityIndex(asOfDay, rulesOf(settings));
  }

  get settings(): DeskSettings {
    return this.settingsValue;
  }

  get activity(): ActivityIndex {
    return this.index;
  }

  get asOfDay(): number {
    return this.index.asOf;
  }

  /** The branch this desk serves (undefined before onboarding). */
  get currentBranch(): BranchDoc | undefined {
    return this.branches.get(this.settingsValue.branchId);
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Reads the whole replica into memory and computes every pair as of `asOfDay`, reporting
   * progress. Changes written meanwhile are buffered and applied afterwards, then the desk
   * follows the change streams.
   */
  async load(onProgress: (p: LoadProgress) => void = () => undefined): Promise<void> {
    this.buffered = [];
    this.follow(this.db.branches, 'branches');
    this.follow(this.db.customers, 'customers');
    this.follow(this.db.bookings, 'bookings');

    // Totals for the progress bar: last start-up's counts (counting 500,000 rows in IndexedDB
    // costs seconds), counted only on the first start.
    const known = await this.derived.loadCounts();
    const [branchTotal, customerTotal, bookingTotal] =
      known ??
      (await Promise.all([
        countLive(this.db.branches as RxCollection<unknown>),
        countLive(this.db.customers as RxCollection<unknown>),
        countLive(this.db.bookings as RxCollection<unknown>),
      ]));
    onProgress({ stage: 'branches', done: 0, total: branchTotal });
    const seenBranches = await scanCollection(this.db.branches, (docs) => {
      for (const doc of docs) {
        this.branches.set(doc.id, doc);
        this.index.putBranch(branchOf(doc));
      }
    });

    let done = 0;
    onProgress({ stage: 'customers', done, total: customerTotal });
    const seenCustomers = await scanCollection(this.db.customers, (docs) => {
      for (const doc of docs) {
        this.customers.set(doc.id, doc);
        this.search.put(doc);
      }
      this.index.loadCustomers(docs);
      done += docs.length;
      onProgress({ stage: 'customers', done, total: customerTotal });
    });

    done = 0;
    onProgress({ stage: 'bookings', done, total: Math.max(bookingTotal, done) });
    const seenBookings = await scanCollection(
      this.db.bookings,
      (docs) => {
        const facts = [];
        for (const doc of docs) {
          const branch = this.index.branch(doc.branch_id);
          if (branch === undefined) this.waiting.set(doc.id, withoutMeta(doc) as BookingDoc);
          else facts.push(bookingFact(doc, branch.timezone));
        }
        this.index.loadFacts(facts);
        done += docs.length;
        onProgress({ stage: 'bookings', done, total: Math.max(bookingTotal, done) });
      },
      { raw: true },
    );
    await this.derived.saveCounts([seenBranches, seenCustomers, seenBookings]);

    onProgress({ stage: 'computing', done: 0, total: 1 });
    await nextTask();
    this.index.recomputeAll();
    onProgress({ stage: 'computing', done: 1, total: 1 });
    await this.persistFull(onProgress);

    const pending = this.buffered;
    this.buffered = null;
    for (const { collection, bulk } of pending) this.apply(collection, bulk, false);
    onProgress({ stage: 'done', done: 1, total: 1 });
  }

  /** Moves the as-of date (a new local day): recomputes every pair, writes what changed. */
  async setAsOfDay(day: number): Promise<void> {
    if (day === this.index.asOf) return;
    const change = this.index.setAsOf(day);
    this.notify({ branches: false, customers: false, bookings: false, activity: change.updated.length + change.removed.length });
    await this.persistFull();
  }

  /** New desk settings: business-wide rules changes recompute everything. */
  async setSettings(settings: DeskSettings): Promise<void> {
    const before = this.settingsValue;
    this.settingsValue = settings;
    if (JSON.stringify(rulesOf(before)) === JSON.stringify(rulesOf(settings))) {
      this.notify({ branches: true, customers: false, bookings: false, activity: 0 });
      return;
    }
    const change = this.index.setBaseRules(rulesOf(settings));
    this.notify({ branches: true, customers: false, bookings: false, activity: change.updated.length + change.removed.length });
    await this.persistFull();
  }

  /** Resolves when every derived write so far is stored; rejects with the first write failure. */
  async flush(): Promise<void> {
    await this.writes;
    if (this.writeError !== null) throw this.writeError;
  }

  close(): void {
    for (const s of this.subscriptions) s.unsubscribe();
    this.subscriptions.length = 0;
    this.listeners.clear();
  }

  /** The activity of a customer at a branch, if the pair exists. */
  activityOf(branchId: string, customerId: string): PairActivity | undefined {
    return this.index.get(branchId, customerId);
  }

  // ---------------------------------------------------------------- change streams

  private follow<T>(collection: RxCollection<T>, name: 'branches' | 'customers' | 'bookings'): void {
    this.subscriptions.push(
      collection.eventBulks$.subscribe((bulk: RxChangeEventBulk<unknown>) => {
        if (this.buffered !== null) this.buffered.push({ collection: name, bulk });
        else this.apply(name, bulk, true);
      }),
    );
  }

  /**
   * Applies one bulk of change events. `live` events carry exact before-states, so the index
   * is told where a booking was; events buffered during the initial load may repeat documents
   * the scan already read, so the index finds out itself.
   */
  private apply(collection: 'branches' | 'customers' | 'bookings', bulk: RxChangeEventBulk<unknown>, live: boolean): void {
    const updated = new Map<string, PairActivity>();
    const removed = new Map<string, { branch_id: string; customer_id: string }>();
    const collect = (change: ActivityChange): void => {
      for (const a of change.updated) {
        const key = pairKey(a.branch_id, a.customer_id);
        removed.delete(key);
        updated.set(key, a);
      }
      for (const r of change.removed) {
        const key = pairKey(r.branch_id, r.customer_id);
        updated.delete(key);
        removed.set(key, r);
      }
    };
    for (const event of bulk.events) {
      const data = event.documentData as Record<string, unknown> | undefined;
      const deleted = event.operation === 'DELETE' || data === undefined || data._deleted === true;
      const id = event.documentId;
      if (collection === 'bookings') {
        const wasWaiting = this.waiting.delete(id);
        const before = event.previousDocumentData as BookingDoc | undefined;
        const previous: PreviousPair | undefined =
          !live || wasWaiting ? undefined : before === undefined ? null : { branch_id: before.branch_id, customer_id: before.customer_id };
        if (deleted) collect(this.index.removeBooking(id, previous));
        else collect(this.upsertBooking(withoutMeta(data) as BookingDoc, previous));
      } else if (collection === 'customers') {
        if (deleted) {
          this.customers.delete(id);
          this.search.remove(id);
          collect(this.index.removeCustomer(id));
        } else {
          const doc = withoutMeta(data) as CustomerDoc;
          const before = this.customers.get(id);
          this.customers.set(id, doc);
          this.search.put(doc);
          if (before === undefined || before.home_branch_id !== doc.home_branch_id || before.created_at !== doc.created_at) {
            collect(this.index.upsertCustomer(doc));
          }
        }
      } else if (!deleted) {
        const doc = withoutMeta(data) as BranchDoc;
        this.branches.set(id, doc);
        collect(this.index.putBranch(branchOf(doc)));
        for (const [bookingId, booking] of this.waiting) {
          if (booking.branch_id !== id) continue;
          this.waiting.delete(bookingId);
          collect(this.upsertBooking(booking, undefined));
        }
      }
    }
    this.notify({
      branches: collection === 'branches',
      customers: collection === 'customers',
      bookings: collection === 'bookings',
      activity: updated.size + removed.size,
    });
    this.queueDerived(updated, removed);
  }

  /**
   * Queues changed rows for the derived database. Changes arriving while a write is in flight
   * are merged (the latest state of each pair wins) and written together afterwards, so a bulk
   * load writes each pair a few times, not once per change bulk.
   */
  private queueDerived(updated: ReadonlyMap<string, PairActivity>, removed: ReadonlyMap<string, { branch_id: string; customer_id: string }>): void {
    if (updated.size === 0 && removed.size === 0) return;
    for (const [key, a] of updated) {
      this.pendingRemoved.delete(key);
      this.pendingUpdated.set(key, a);
    }
    for (const [key, r] of removed) {
      this.pendingUpdated.delete(key);
      this.pendingRemoved.set(key, r);
    }
    if (this.drainQueued) return;
    this.drainQueued = true;
    void this.enqueue(() => {
      this.drainQueued = false;
      const rows = [...this.pendingUpdated.values()];
      const gone = [...this.pendingRemoved.values()];
      this.pendingUpdated.clear();
      this.pendingRemoved.clear();
      return this.derived.applyChange(rows, gone);
    });
  }

  private upsertBooking(doc: BookingDoc, previous: PreviousPair | undefined): ActivityChange {
    const branch = this.index.branch(doc.branch_id);
    if (branch === undefined) {
      this.waiting.set(doc.id, doc);
      return this.index.removeBooking(doc.id, previous);
    }
    return this.index.upsertFact(bookingFact(doc, branch.timezone), previous);
  }

  // ---------------------------------------------------------------- derived persistence

  private notify(change: DataChange): void {
    for (const listener of this.listeners) listener(change);
  }

  /** Runs derived writes one after another, in the order the changes happened. */
  private enqueue(write: () => Promise<void>): Promise<void> {
    this.writes = this.writes.then(write).catch((error: unknown) => {
      this.writeError ??= error;
      console.error('Saving derived activity failed', error);
    });
    return this.writes;
  }

  /** After a full recompute: writes only rows whose figures differ from what is stored. */
  private async persistFull(onProgress?: (p: LoadProgress) => void): Promise<void> {
    await this.enqueue(async () => {
      const stored = new Map<string, PairActivity>();
      for (const row of await this.derived.loadAll()) stored.set(pairKey(row.branch_id, row.customer_id), row);
      const changed: PairActivity[] = [];
      for (const a of this.index.activities()) {
        const key = pairKey(a.branch_id, a.customer_id);
        const before = stored.get(key);
        stored.delete(key);
        if (before === undefined || !sameActivity(before, a)) changed.push(a);
      }
      const gone = [...stored.values()].map((r) => ({ branch_id: r.branch_id, customer_id: r.customer_id }));
      const chunk = 5000;
      onProgress?.({ stage: 'saving', done: 0, total: changed.length });
      await this.derived.applyChange([], gone);
      for (let i = 0; i < changed.length; i += chunk) {
        await this.derived.applyChange(changed.slice(i, i + chunk), []);
        onProgress?.({ stage: 'saving', done: Math.min(changed.length, i + chunk), total: changed.length });
      }
    });
    await this.flush();
  }
}

/** Yields to the event loop so the page can paint progress before a long synchronous step. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Today's local day number at a branch (or in the browser's zone before a branch is set up). */
export function todayAt(timeZone: string, nowMs: number): number {
  return zoneClock(timeZone).localDay(nowMs);
}
