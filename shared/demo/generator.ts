import { formatDay, parseDay } from '../time/calendar';
import { BranchState } from './branch-state';
import { makeBranch, type DemoBranch } from './branches';
import { BOOKINGS_CSV_HEADER, BRANCHES_CSV_HEADER, CUSTOMERS_CSV_HEADER } from './csv';
import { CsvByteWriter } from './csv-bytes';
import { CsvBookingSink } from './csv-sink';
import { ARCHETYPE_PICK, ARCHETYPE_SPECS, visitScaleFor, type ArchetypeSpec } from './archetypes';
import { HistoryBuilder } from './history';
import { ObjectSink, type BookingSink } from './sink';
import { makeIdentity } from './identity';
import { demoOptionsProblems, type DemoOptions } from './options';
import { Sfc32, Weighted } from './prng';
import { customerId, FUTURE_DAYS, type CustomerHistory, type GeneratedCustomer } from './types';
import { DayTexts, timeText, ZoneDays } from './zone-days';

/** Stream tag, so customer streams never coincide with the branch streams of the same seed. */
const CUSTOMER_STREAM = 0xc057;

export const CSV_FILES = ['branches.csv', 'customers.csv', 'bookings.csv'] as const;
export type CsvFileName = (typeof CSV_FILES)[number];

/** A piece of one of the three CSV files, UTF-8 (files come in order: header first). */
export interface CsvChunk {
  file: CsvFileName;
  bytes: Uint8Array;
  /** Rows in this chunk, not counting the header. */
  rows: number;
}

/**
 * The demo/scale data generator. Deterministic: the same options give the same branches,
 * customers and bookings, in the same order, on every platform. Streaming: `customers()` yields
 * one customer with their history at a time, `csvChunks()` yields CSV bytes; memory is one
 * customer plus per-branch tables either way.
 */
export class DemoGenerator {
  readonly options: Readonly<DemoOptions>;
  readonly branches: readonly DemoBranch[];
  /** Today's day number. */
  readonly today: number;
  /** First day that may hold a booking. */
  readonly firstDay: number;
  private readonly states: BranchState[];
  private readonly branchPick: Weighted;
  private readonly dayTexts: DayTexts;
  private readonly k0: number;
  private readonly perCustomer: number | null;

  constructor(options: DemoOptions) {
    const problems = demoOptionsProblems(options);
    if (problems.length > 0) throw new RangeError(`invalid demo options: ${problems.join('; ')}`);
    this.options = Object.freeze({ ...options });
    this.today = parseDay(options.today) as number;
    this.firstDay = this.today - options.historyDays + 1;
    // Registrations may precede the first booking by up to 10 days; bookings reach 14 days ahead.
    const tableFirst = this.firstDay - 16;
    const tableLast = this.today + FUTURE_DAYS + 1;
    this.dayTexts = new DayTexts(tableFirst, tableLast);
    const zones = new Map<string, ZoneDays>();
    this.states = [];
    const branches: DemoBranch[] = [];
    for (let i = 0; i < options.branches; i += 1) {
      const { branch, city } = makeBranch(options.seed, i);
      let zone = zones.get(branch.timezone);
      if (zone === undefined) {
        // One table per zone; it checks the widest business day of any branch (08:00–20:00).
        zone = new ZoneDays(branch.timezone, tableFirst, tableLast, 8 * 60, 20 * 60);
        zones.set(branch.timezone, zone);
      }
      branches.push(branch);
      this.states.push(new BranchState(i, branch, city, zone));
    }
    for (const s of this.states) {
      s.siblings = this.states.filter((o) => o !== s && o.city === s.city).map((o) => o.index);
    }
    this.branches = branches;
    this.branchPick = new Weighted(branches.map((b) => b.busyness));
    this.perCustomer = options.targetBookings === null ? null : options.targetBookings / options.customers;
    this.k0 = visitScaleFor(this.perCustomer);
  }

  /** Every customer with their bookings, in id order. Each call starts a fresh, identical pass. */
  *customers(): Generator<CustomerHistory, void, undefined> {
    const sink = new ObjectSink(this.dayTexts);
    for (const customer of this.pass(sink)) yield { customer, bookings: sink.bookings };
  }

  /**
   * branches.csv, customers.csv and bookings.csv (docs/DESIGN.md §3) as UTF-8 chunks of about
   * `chunkBytes`, each file's header in its first chunk; byte for byte what the `*CsvLine`
   * helpers give for `customers()`. Customer and booking chunks interleave; consume lazily
   * (one chunk at a time) to keep memory flat.
   */
  *csvChunks(chunkBytes = 1 << 18): Generator<CsvChunk, void, undefined> {
    const branches = new CsvByteWriter();
    branches.line(BRANCHES_CSV_HEADER);
    for (const b of this.branches) branches.branch(b);
    yield { file: 'branches.csv', bytes: branches.take(), rows: this.branches.length };
    const customers = new CsvByteWriter(chunkBytes + 4096);
    customers.line(CUSTOMERS_CSV_HEADER);
    const sink = new CsvBookingSink(this.states, this.dayTexts, chunkBytes + 4096);
    sink.out.utf8(BOOKINGS_CSV_HEADER);
    sink.out.byte(10);
    let customerRows = 0;
    let bookingsTaken = 0;
    for (const customer of this.pass(sink)) {
      customers.customer(customer);
      customerRows += 1;
      if (customers.length >= chunkBytes) {
        yield { file: 'customers.csv', bytes: customers.take(), rows: customerRows };
        customerRows = 0;
      }
      if (sink.out.length >= chunkBytes) {
        const rows = sink.rows - bookingsTaken;
        bookingsTaken = sink.rows;
        yield { file: 'bookings.csv', bytes: sink.out.take(), rows };
      }
    }
    yield { file: 'customers.csv', bytes: customers.take(), rows: customerRows };
    yield { file: 'bookings.csv', bytes: sink.out.take(), rows: sink.rows - bookingsTaken };
  }

  /** "Now" (today at `nowMinute`, branch-local) as epoch milliseconds, for a branch index. */
  nowMs(branchIndex: number): number {
    const state = this.states[branchIndex];
    if (state === undefined) throw new RangeError(`no branch ${branchIndex}`);
    return state.zone.instant(this.today, this.options.nowMinute);
  }

  /** One pass over the customers; their bookings go to the sink before each customer is yielded. */
  private *pass(sink: BookingSink): Generator<GeneratedCustomer, void, undefined> {
    const o = this.options;
    const rng = new Sfc32(o.seed, CUSTOMER_STREAM, 0);
    const builder = new HistoryBuilder(
      {
        states: this.states,
        branchPick: this.branchPick,
        today: this.today,
        firstDay: this.firstDay,
        historyDays: o.historyDays,
        nowMinute: o.nowMinute,
        dayTexts: this.dayTexts,
      },
      rng,
      sink,
    );
    const n = o.customers;
    let produced = 0;
    let gain = 1;
    for (let i = 0; i < n; i += 1) {
      rng.reseed(o.seed, CUSTOMER_STREAM, i);
      const before = builder.bookingSeq;
      const customer = this.customer(rng, builder, i, this.k0 * gain);
      produced += builder.bookingSeq - before;
      if (this.perCustomer !== null) {
        // Steer towards the booking target: visit counts grow while behind, shrink while ahead.
        const behind = this.perCustomer * (i + 1) - produced;
        const g = 1 + behind / (this.perCustomer * 40 + 1);
        gain = g < 0.33 ? 0.33 : g > 3 ? 3 : g;
      }
      yield customer;
    }
  }

  private customer(rng: Sfc32, builder: HistoryBuilder, i: number, k: number): GeneratedCustomer {
    const T = this.today;
    const primary = this.states[this.branchPick.sample(rng)] as BranchState;
    const spec = ARCHETYPE_SPECS[ARCHETYPE_PICK.sample(rng)] as ArchetypeSpec;
    const id = customerId(i);
    const person = makeIdentity(rng, i, primary, T);
    const hasHome = spec.name === 'new' || rng.chance(0.93);
    const followUp = spec.name === 'lapsing' && rng.chance(0.2) ? formatDay(T + rng.range(0, 6)) : '';
    const count = builder.build(id, primary, spec, k);

    // Registered before the first booking, at the desk of that booking's branch, never after "now".
    const reg = builder.firstBranch;
    const open = reg.branch.opens_at;
    const span = reg.branch.closes_at - open;
    let day: number;
    let minute: number;
    if (builder.firstDay <= T) {
      const lead = rng.chance(0.4) ? 0 : rng.range(1, 10);
      day = builder.firstDay - lead;
      minute = lead === 0 ? builder.firstMinute - rng.range(5, 60) : open + rng.int(span);
    } else {
      day = T - rng.range(count === 0 ? 0 : 1, 20);
      minute = open + rng.int(span);
    }
    if (day === T && minute >= this.options.nowMinute) {
      day -= 1;
      minute = open + rng.int(span);
    }

    return {
      id,
      ...person,
      home_branch_id: hasHome ? primary.branch.id : '',
      created_at: this.dayTexts.text(day) + timeText(minute) + reg.zone.offsetSuffix(day),
      country: primary.branch.country,
      registered_branch_id: reg.branch.id,
      follow_up_date: followUp,
      archetype: spec.name,
    };
  }
}
