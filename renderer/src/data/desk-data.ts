import type { Subscription } from 'rxjs';
import type { RxChangeEventBulk, RxCollection } from 'rxdb';
import type { BookingDoc, BranchDoc, CustomerDoc } from '../../../shared/domain/schemas';
import type { Branch } from '../../../shared/domain/types';
import type { PairActivity } from '../../../shared/engine/activity';
import { ActivityIndex, bookingFact, pairKey, type ActivityChange, type PreviousPair } from '../../../shared/engine/activity-index';
import { formatDay } from '../../../shared/time/calendar';
import { compareCodePoints } from '../../../shared/util/compare';
import { zoneClock } from '../../../shared/time/zone';
import { sameVisits, type PairVisits } from '../../../shared/engine/pair-visits';
import { bucketOf, CUSTOMER_BUCKETS, customerBucketOf, sameMark, type CustomerMark, type DerivedDb } from './derived-db';
import { applyMoneyDisplay, rulesOf, type DeskSettings } from './desk-settings';
import type { Replica } from './replica';
import { collectionMark, countLive, scanCollection } from './scan';
import { OutlookIndex, type OutlookModelState } from './outlook';
import { CustomerSearchIndex } from './search-index';
import { withoutMeta } from './validation';

export type LoadStage = 'branches' | 'customers' | 'visits' | 'bookings' | 'computing' | 'saving' | 'done';

/**
 * How far the start-up got: `opening` (nothing shown yet), `customers` (branches and the
 * customers of the desk's bookings around today, with their statuses, are in memory: Today is
 * usable; every other customer being read), `bookings` (every customer and every status from
 * the stored visit facts; bookings being read in the background), `done` (everything, from the
 * bookings themselves).
 */
export type DeskStage = 'opening' | 'customers' | 'bookings' | 'done';

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

export interface FirstBookings {
  branchId: string;
  asOfDay: number;
  /** Bookings with `start_at` from the day before `asOfDay` up to (not including) two days after. */
  docs: BookingDoc[];
}

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
  /** Every pair's predicted outlook (chance of return, value, cadence), next to `activity`. */
  readonly outlook = new OutlookIndex();
  private index: ActivityIndex;
  /** The server's model parameters (reference data), when a paired desk has received them. */
  private serverModel: OutlookModelState | null = null;
  private fitQueued = false;
  /** Counts the fits started: only the latest one's result is taken. */
  private fitGeneration = 0;
  /** Pairs changed since the desk's own model was last fitted. */
  private changedSinceFit = 0;
  private closed = false;
  private outlookWaiters: ((state: OutlookModelState) => void)[] = [];
  private settingsValue: DeskSettings;
  /** Bookings whose branch is not (yet) in the replica: applied when the branch arrives. */
  private readonly waiting = new Map<string, BookingDoc>();
  private readonly listeners = new Set<Listener>();
  private readonly subscriptions: Subscription[] = [];
  private buffered: { collection: 'branches' | 'customers' | 'bookings'; bulk: RxChangeEventBulk<unknown> }[] | null = null;
  private stageValue: DeskStage = 'opening';
  /** Visit facts as stored when the desk opened (compared with the bookings' own once read). */
  private storedVisits: PairVisits[] = [];
  private writes: Promise<void> = Promise.resolve();
  /** Derived rows waiting for the next write (see `queueDerived`). */
  private readonly pendingUpdated = new Map<string, PairVisits>();
  private readonly pendingRemoved = new Map<string, { branch_id: string; customer_id: string }>();
  private drainQueued = false;
  private bookingTotal = 0;
  private customerTotal = 0;
  private firstBookingsValue: FirstBookings | null = null;
  private customersRead: () => void = () => undefined;
  /** Resolves once every customer is in memory (`stage` past `customers`). */
  readonly customersLoaded: Promise<void> = new Promise((resolve) => (this.customersRead = resolve));
  private seenBranches = 0;
  private seenCustomers = 0;
  private writeError: unknown = null;
  /**
   * The newest customer write (RxDB's `_meta.lwt`, id) reflected in `customers`: the mark of the
   * stored customer copy the desk writes (see `DerivedDb.saveCustomerCopy`); null when the
   * storage cannot tell (no copy is used or written).
   */
  private customerMark: { lwt: number; id: string } | null = null;
  /** Customer buckets changed since the copy was last written (all of them after a rebuild). */
  private readonly dirtyBuckets = new Set<number>();
  private copyTimer: ReturnType<typeof setTimeout> | null = null;
  private copyWriting: Promise<void> | null = null;
  private lastCopyWrite = 0;

  constructor(
    readonly db: Replica,
    readonly derived: DerivedDb,
    settings: DeskSettings,
    asOfDay: number,
  ) {
    this.settingsValue = settings;
    applyMoneyDisplay(settings);
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

  get stage(): DeskStage {
    return this.stageValue;
  }

  /**
   * The desk branch's bookings from the day before the start-up's date to the day after, as
   * read by `openFirst` (Today shows them while its live query starts); `null` without a branch
   * and once any booking was written since.
   */
  get firstBookings(): FirstBookings | null {
    return this.firstBookingsValue;
  }

  /** The branch this desk serves (undefined before onboarding). */
  get currentBranch(): BranchDoc | undefined {
    return this.branches.get(this.settingsValue.branchId);
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** `open` then `loadBookings`: the whole replica in memory, every pair from its bookings. */
  async load(onProgress: (p: LoadProgress) => void = () => undefined): Promise<void> {
    await this.open(onProgress);
    await this.loadBookings(onProgress);
  }

  /** `openFirst` then `loadCustomers`: every customer and every status from the stored facts. */
  async open(onProgress: (p: LoadProgress) => void = () => undefined): Promise<void> {
    await this.openFirst(onProgress);
    await this.loadCustomers(onProgress);
  }

  /**
   * First part of the start-up, what Today needs: branches, then the desk branch's bookings
   * around today by the `[branch_id+start_at]` index and only their customers (documents,
   * search entries and statuses from their stored visit facts). Changes written meanwhile are
   * buffered.
   */
  async openFirst(onProgress: (p: LoadProgress) => void = () => undefined): Promise<void> {
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
    this.bookingTotal = bookingTotal;
    this.customerTotal = customerTotal;
    onProgress({ stage: 'branches', done: 0, total: branchTotal });
    this.seenBranches = await scanCollection(this.db.branches, (docs) => {
      for (const doc of docs) {
        this.branches.set(doc.id, doc);
        this.index.putBranch(branchOf(doc));
      }
    });

    const branch = this.currentBranch;
    if (branch !== undefined) {
      const asOf = this.index.asOf;
      const around = await this.db.bookings
        .find({ selector: { branch_id: branch.id, start_at: { $gte: formatDay(asOf - 1), $lt: formatDay(asOf + 2) } }, sort: [{ start_at: 'asc' }] })
        .exec();
      this.firstBookingsValue = { branchId: branch.id, asOfDay: asOf, docs: around.map((d) => d.toJSON() as BookingDoc) };
      const ids = [...new Set(around.map((b) => b.customer_id))];
      const [docs, visits] = await Promise.all([
        ids.length === 0 ? [] : this.db.customers.storageInstance.findDocumentsById(ids, false),
        this.derived.getMany(ids.map((id) => ({ branch_id: branch.id, customer_id: id }))),
      ]);
      const customers = docs.map((d) => withoutMeta(d) as CustomerDoc);
      for (const doc of customers) {
        this.customers.set(doc.id, doc);
        this.search.put(doc);
      }
      this.index.loadCustomers(customers);
      this.index.seedVisits(visits.filter((v): v is PairVisits => v !== undefined));
      this.index.recomputeAll();
    }
    for (const { collection, bulk } of this.buffered) if (collection !== 'bookings') this.apply(collection, bulk, false);
    this.stageValue = 'customers';
    this.notify({ branches: true, customers: true, bookings: true, activity: this.index.size });
  }

  /**
   * Second part: every customer (documents and search index) and every pair's activity as of
   * `asOfDay` computed in memory from the stored visit facts (date-independent, so a new day
   * costs a recomputation, no writes). Bookings are not read: Today asks RxDB for its day by
   * index.
   */
  async loadCustomers(onProgress: (p: LoadProgress) => void = () => undefined): Promise<void> {
    if (this.stageValue !== 'customers') throw new Error('DeskData.loadCustomers() before openFirst()');
    const customerTotal = this.customerTotal;
    let done = 0;
    onProgress({ stage: 'customers', done, total: customerTotal });
    // The stored visit facts are read while the customers are: two IndexedDB databases.
    const visits = this.derived.loadAll();
    const take = (docs: CustomerDoc[]): void => {
      for (const doc of docs) {
        this.customers.set(doc.id, doc);
        this.search.put(doc);
      }
      this.index.loadCustomers(docs);
      done += docs.length;
      onProgress({ stage: 'customers', done, total: customerTotal });
    };
    // The stored copy of every customer (a few records) when it is the replica's as it stands;
    // otherwise every customer record, and the copy is rebuilt from them.
    const [mark, copy] = await Promise.all([
      collectionMark(this.db.customers as RxCollection<unknown>),
      this.derived.loadCustomerCopy(nextTask).catch((error: unknown) => {
        console.warn('The stored customer copy cannot be used; reading every customer', error);
        return null;
      }),
    ]);
    if (mark !== null && copy !== null && sameMark(copy.mark, mark)) {
      // In pages, as the records are read: measured, one long task kept Today from showing
      // until every customer was in memory.
      for (let i = 0; i < copy.docs.length; i += COPY_PAGE) {
        take(copy.docs.slice(i, i + COPY_PAGE));
        await nextTask();
      }
      this.seenCustomers = copy.docs.length;
    } else {
      this.seenCustomers = await scanCollection(this.db.customers, take, { pipelined: true });
      if (mark !== null) for (let b = 0; b < CUSTOMER_BUCKETS; b += 1) this.dirtyBuckets.add(b);
    }
    if (mark !== null) this.advanceMark(mark.lwt, mark.id);
    else {
      this.customerMark = null;
      this.dirtyBuckets.clear();
    }
    performance.mark('desk:customers-read');
    onProgress({ stage: 'visits', done: 0, total: 1 });
    this.storedVisits = await visits;
    this.index.seedVisits(this.storedVisits);
    this.index.recomputeAll();
    performance.mark('desk:statuses');

    // Branch and customer changes made while opening are applied now (and again, to the full
    // index, after the bookings); bookings wait for the bookings.
    for (const { collection, bulk } of this.buffered ?? []) if (collection !== 'bookings') this.apply(collection, bulk, false);
    this.stageValue = 'bookings';
    this.customersRead();
    this.notify({ branches: true, customers: true, bookings: true, activity: this.index.size });
    // A rebuilt copy is written after a pause, not while the first screens render.
    this.lastCopyWrite = performance.now();
    this.scheduleCopy();
  }

  /**
   * Second part, in the background while the screens are in use: reads every booking into a
   * new index, computes every pair from its bookings and swaps it in, then stores the visit
   * facts that differ from the stored ones (none, unless the bookings changed without them —
   * a crash between the two writes, a branch's new zone).
   */
  async loadBookings(onProgress: (p: LoadProgress) => void = () => undefined): Promise<void> {
    if (this.stageValue !== 'bookings') throw new Error('DeskData.loadBookings() before open()');
    const full = new ActivityIndex(this.index.asOf, rulesOf(this.settingsValue));
    for (const doc of this.branches.values()) full.putBranch(branchOf(doc));
    let done = 0;
    const total = (): number => Math.max(this.bookingTotal, done);
    onProgress({ stage: 'bookings', done, total: total() });
    const seenBookings = await scanCollection(
      this.db.bookings,
      (docs) => {
        const facts = [];
        for (const doc of docs) {
          const branch = full.branch(doc.branch_id);
          if (branch === undefined) this.waiting.set(doc.id, withoutMeta(doc) as BookingDoc);
          else facts.push(bookingFact(doc, branch.timezone));
        }
        full.loadFacts(facts);
        done += docs.length;
        onProgress({ stage: 'bookings', done, total: total() });
      },
      { raw: true },
    );
    await this.derived.saveCounts([this.seenBranches, this.seenCustomers, seenBookings]);

    onProgress({ stage: 'computing', done: 0, total: 1 });
    await nextTask();
    // Branches, customers, the date and the rules as they are now (changes while reading).
    for (const doc of this.branches.values()) full.putBranch(branchOf(doc));
    const arrived = [];
    for (const [id, booking] of this.waiting) {
      const branch = full.branch(booking.branch_id);
      if (branch === undefined) continue;
      this.waiting.delete(id);
      arrived.push(bookingFact(booking, branch.timezone));
    }
    full.loadFacts(arrived);
    full.loadCustomers([...this.customers.values()]);
    full.setBaseRules(rulesOf(this.settingsValue));
    full.setAsOf(this.index.asOf);
    this.index = full;
    onProgress({ stage: 'computing', done: 1, total: 1 });

    const pending = this.buffered ?? [];
    this.buffered = null;
    this.stageValue = 'done';
    for (const { collection, bulk } of pending) this.apply(collection, bulk, false);
    this.notify({ branches: false, customers: false, bookings: true, activity: this.index.size });
    await this.persistVisits(onProgress);
    this.storedVisits = [];
    onProgress({ stage: 'done', done: 1, total: 1 });
    this.refreshOutlook();
  }

  /**
   * Resolves with the outlook model once it is ready or failed (after the bookings are read
   * and, without server parameters, the desk's own fit has run in idle time).
   */
  outlookSettled(): Promise<OutlookModelState> {
    const state = this.outlook.state;
    if (state.kind !== 'pending') return Promise.resolve(state);
    return new Promise((resolve) => this.outlookWaiters.push(resolve));
  }

  /**
   * The server's retention parameters (reference data synced to the desk), or null to go back
   * to fitting on the desk's own bookings.
   */
  setServerModel(state: OutlookModelState | null): void {
    this.serverModel = state;
    this.refreshOutlook();
  }

  /**
   * Recomputes every outlook: with the server's parameters at once; otherwise the desk fits its
   * own model in idle time, in a Web Worker where there is one (the fit over every pair is 10–60 ms
   * on the demo business, about 1 s for 100,000 pairs: never on the main thread in the app).
   */
  private refreshOutlook(): void {
    if (this.stageValue !== 'done' || this.closed) return;
    if (this.serverModel !== null) {
      this.outlook.useModel(this.serverModel, this.index);
      this.outlookChanged();
      return;
    }
    if (this.fitQueued) return;
    this.fitQueued = true;
    // A short wait first: a bulk load's change events come in bursts, fitted once after them.
    setTimeout(
      () =>
        whenIdle(() => {
          this.fitQueued = false;
          if (this.closed || this.serverModel !== null) return;
          this.changedSinceFit = 0;
          const generation = ++this.fitGeneration;
          const asOf = formatDay(this.index.asOf);
          void this.outlook.fitAsync(this.index).then((result) => {
            // A newer fit, the server's parameters or closing the desk supersede this one.
            if (this.closed || this.serverModel !== null || generation !== this.fitGeneration) return;
            const before = this.outlook.state;
            const after = this.outlook.applyFit(result, asOf, this.index);
            // A fit failing again for the same reason changes nothing on screen.
            if (before.kind === 'failed' && after.kind === 'failed' && before.reason === after.reason) return;
            this.outlookChanged();
          });
        }),
      FIT_DELAY_MS,
    );
  }

  private outlookChanged(): void {
    const state = this.outlook.state;
    if (state.kind !== 'pending') {
      const waiters = this.outlookWaiters;
      this.outlookWaiters = [];
      for (const resolve of waiters) resolve(state);
    }
    this.notify({ branches: false, customers: false, bookings: false, activity: Math.max(1, this.outlook.size) });
  }

  /** Moves the as-of date (a new local day): recomputes every pair, writes what changed. */
  async setAsOfDay(day: number): Promise<void> {
    if (day === this.index.asOf) return;
    // Visit facts do not depend on the date: nothing is written.
    const change = this.index.setAsOf(day);
    this.notify({ branches: false, customers: false, bookings: false, activity: change.updated.length + change.removed.length });
    // A new day: every outlook moves (T grows) — at once with the model in hand, so no figure
    // stays on yesterday's date — and the desk's own model is then fitted again as of it.
    if (this.stageValue === 'done' && this.outlook.state.kind === 'ready') this.outlook.recomputeAll(this.index);
    this.refreshOutlook();
    await Promise.resolve();
  }

  /** New desk settings: business-wide rules changes recompute everything. */
  async setSettings(settings: DeskSettings): Promise<void> {
    const before = this.settingsValue;
    this.settingsValue = settings;
    applyMoneyDisplay(settings);
    if (JSON.stringify(rulesOf(before)) === JSON.stringify(rulesOf(settings))) {
      this.notify({ branches: true, customers: false, bookings: false, activity: 0 });
      return;
    }
    // Visit facts do not depend on the rules either.
    const change = this.index.setBaseRules(rulesOf(settings));
    this.notify({ branches: true, customers: false, bookings: false, activity: change.updated.length + change.removed.length });
    await Promise.resolve();
  }

  /**
   * Resolves when every derived write so far is stored (the customer copy's too, written at
   * once); rejects with the first failure of the visit facts' writes.
   */
  async flush(): Promise<void> {
    await this.writes;
    for (;;) {
      if (this.copyTimer !== null) {
        clearTimeout(this.copyTimer);
        this.copyTimer = null;
        this.writeCopy();
      }
      if (this.copyWriting === null) break;
      await this.copyWriting;
    }
    if (this.writeError !== null) throw this.writeError;
  }

  close(): void {
    this.closed = true;
    if (this.copyTimer !== null) clearTimeout(this.copyTimer);
    this.copyTimer = null;
    for (const s of this.subscriptions) s.unsubscribe();
    this.subscriptions.length = 0;
    this.listeners.clear();
  }

  /**
   * A new index over the same bookings, customers, branches and rules, every pair computed as of
   * another day (the rule-based status as of a past date, for the backtest). Nothing is stored.
   */
  indexAsOf(day: number): ActivityIndex {
    const past = new ActivityIndex(day, rulesOf(this.settingsValue));
    for (const doc of this.branches.values()) past.putBranch(branchOf(doc));
    past.loadCustomers([...this.customers.values()]);
    for (const h of this.index.histories()) past.loadFacts(h.bookings);
    past.recomputeAll();
    return past;
  }

  /** The activity of a customer at a branch, if the pair exists. */
  activityOf(branchId: string, customerId: string): PairActivity | undefined {
    return this.index.get(branchId, customerId);
  }

  // ---------------------------------------------------------------- change streams

  private follow<T>(collection: RxCollection<T>, name: 'branches' | 'customers' | 'bookings'): void {
    this.subscriptions.push(
      collection.eventBulks$.subscribe((bulk: RxChangeEventBulk<unknown>) => {
        // A booking written since the start-up read them: Today waits for its live query.
        if (name === 'bookings') this.firstBookingsValue = null;
        if (this.buffered === null) {
          this.apply(name, bulk, true);
          return;
        }
        this.buffered.push({ collection: name, bulk });
        // While the bookings are read the screens are in use: a customer or branch change shows
        // at once (and is applied to the full index again when it is swapped in).
        if ((this.stageValue === 'customers' || this.stageValue === 'bookings') && name !== 'bookings') this.apply(name, bulk, false);
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
        this.customerWritten(id, data);
        if (deleted) {
          this.customers.delete(id);
          this.search.remove(id);
          collect(this.index.removeCustomer(id));
        } else {
          const doc = withoutMeta(data) as CustomerDoc;
          const before = this.customers.get(id);
          this.customers.set(id, doc);
          this.search.put(doc);
          // Replayed events may repeat what the maps already hold but not the index.
          if (!live || before === undefined || before.home_branch_id !== doc.home_branch_id || before.created_at !== doc.created_at) {
            collect(this.index.upsertCustomer(doc));
          }
        }
      } else if (!deleted) {
        const doc = withoutMeta(data) as BranchDoc;
        this.branches.set(id, doc);
        collect(this.index.putBranch(branchOf(doc)));
        // While the bookings are read, bookings waiting for a branch go to the full index (below).
        if (this.stageValue !== 'done') continue;
        for (const [bookingId, booking] of this.waiting) {
          if (booking.branch_id !== id) continue;
          this.waiting.delete(bookingId);
          collect(this.upsertBooking(booking, undefined));
        }
      }
    }
    if (this.stageValue === 'done') {
      for (const a of updated.values()) this.outlook.updatePair(this.index, a.branch_id, a.customer_id);
      for (const r of removed.values()) this.outlook.removePair(r.branch_id, r.customer_id);
      // The desk's own model is fitted again once the data moved a lot since (an import, the
      // demo, a first sync) or when it had too little to fit before.
      this.changedSinceFit += updated.size + removed.size;
      if (this.serverModel === null && (this.outlook.state.kind !== 'ready' || this.changedSinceFit > Math.max(50, this.index.size / 20))) {
        this.refreshOutlook();
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
    // Until the bookings are read the index holds stored facts, not bookings: nothing to write
    // (the full index's facts are compared with the stored ones when it is swapped in).
    if (this.stageValue !== 'done') return;
    if (updated.size === 0 && removed.size === 0) return;
    for (const [key, a] of updated) {
      const visits = this.index.visitsOf(a.branch_id, a.customer_id);
      if (visits === undefined) continue;
      this.pendingRemoved.delete(key);
      this.pendingUpdated.set(key, visits);
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

  // ---------------------------------------------------------------- the stored customer copy

  /** A customer event (applied or about to be): its bucket is rewritten, the mark moves on. */
  private customerWritten(id: string, data: Record<string, unknown> | undefined): void {
    if (this.customerMark === null && this.stageValue !== 'customers' && this.stageValue !== 'opening') return;
    this.dirtyBuckets.add(customerBucketOf(id));
    const lwt = (data?._meta as { lwt?: unknown } | undefined)?.lwt;
    // Without its write time the desk cannot tell where the collection stands: no copy.
    if (typeof lwt !== 'number') this.customerMark = null;
    else this.advanceMark(lwt, id);
    this.scheduleCopy();
  }

  private advanceMark(lwt: number, id: string): void {
    const m = this.customerMark;
    if (m === null || lwt > m.lwt || (lwt === m.lwt && compareCodePoints(id, m.id) > 0)) this.customerMark = { lwt, id };
  }

  /** Writes the changed buckets at most every `COPY_INTERVAL_MS`, once every customer is in memory. */
  private scheduleCopy(): void {
    if (this.closed || this.customerMark === null || this.dirtyBuckets.size === 0) return;
    if (this.stageValue !== 'bookings' && this.stageValue !== 'done') return;
    if (this.copyTimer !== null || this.copyWriting !== null) return;
    const wait = Math.max(0, this.lastCopyWrite + COPY_INTERVAL_MS - performance.now());
    this.copyTimer = setTimeout(() => {
      this.copyTimer = null;
      this.writeCopy();
    }, wait);
  }

  private writeCopy(): void {
    const m = this.customerMark;
    if (m === null || this.dirtyBuckets.size === 0) return;
    const mark: CustomerMark = { lwt: m.lwt, id: m.id, count: this.customers.size };
    const buckets = new Map<number, CustomerDoc[]>();
    for (const b of this.dirtyBuckets) buckets.set(b, []);
    const replace = this.dirtyBuckets.size === CUSTOMER_BUCKETS;
    this.dirtyBuckets.clear();
    for (const doc of this.customers.values()) buckets.get(customerBucketOf(doc.id))?.push(doc);
    this.copyWriting = this.derived
      .saveCustomerCopy(buckets, mark, replace)
      .catch((error: unknown) => {
        // The stored mark stays behind the replica's: the next start reads every customer.
        console.error('Saving the customer copy failed', error);
      })
      .finally(() => {
        this.copyWriting = null;
        this.lastCopyWrite = performance.now();
        this.scheduleCopy();
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

  /** After the bookings are read: writes only visit facts that differ from the stored ones. */
  private async persistVisits(onProgress?: (p: LoadProgress) => void): Promise<void> {
    const stored = new Map<string, PairVisits>();
    for (const row of this.storedVisits) stored.set(pairKey(row.branch_id, row.customer_id), row);
    const changed: PairVisits[] = [];
    for (const v of this.index.visits()) {
      const key = pairKey(v.branch_id, v.customer_id);
      const before = stored.get(key);
      stored.delete(key);
      if (before === undefined || !sameVisits(before, v)) changed.push(v);
    }
    const gone = [...stored.values()].map((r) => ({ branch_id: r.branch_id, customer_id: r.customer_id }));
    // In bucket order, so each chunk below rewrites its own stored buckets (derived-db.ts).
    const order = (v: PairVisits): string => `${v.branch_id}\u0000${String(bucketOf(v.customer_id)).padStart(3, '0')}`;
    changed.sort((a, b) => compareCodePoints(order(a), order(b)));
    await this.enqueue(async () => {
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

/** Customers taken into memory from the stored copy between two pauses. */
const COPY_PAGE = 5000;

/** Shortest time between two writes of the customer copy (a sync's bursts are written together). */
const COPY_INTERVAL_MS = 2000;

/** How long the desk waits after the reason to fit (start-up done, a burst of changes) before fitting. */
const FIT_DELAY_MS = 300;

/** Runs `task` when the page is idle (a timeout where there is no idle callback, e.g. in Node). */
function whenIdle(task: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(task, { timeout: 2000 });
  else setTimeout(task, 0);
}
