import { BOOKING_STATUSES, type BookingStatus, type Branch } from '../domain/types';
import { DEFAULT_RULES, type RuleSettings } from '../domain/settings';
import { compareCodePoints } from '../util/compare';
import { computePairActivity, pairExists, type BookingFact, type PairActivity } from './activity';
import { branchRules, createdMs, pairSince, type CustomerLink } from './activity-index';

const STATUS_CODE: ReadonlyMap<string, number> = new Map(BOOKING_STATUSES.map((s, i) => [s, i]));

/**
 * The booking facts of a whole data set as columns: one typed-array slot per booking and field
 * instead of one object per booking (a million objects are most of a command's garbage
 * collection). Repeated strings — customer and branch ids, services, staff — are interned once
 * and stored as indexes into `strings`; the status as its index in BOOKING_STATUSES. Row `r` is
 * the `BookingFact` that `factAt(r, …)` fills.
 */
export class BookingColumns {
  /** Number of bookings. */
  length = 0;
  /** The interned strings the `customer`, `branch`, `service` and `staff` columns point into. */
  readonly strings: string[] = [];
  private readonly stringIndex = new Map<string, number>();
  readonly ids: string[] = [];
  customer = new Int32Array(1024);
  branch = new Int32Array(1024);
  service = new Int32Array(1024);
  staff = new Int32Array(1024);
  status = new Uint8Array(1024);
  /** Cents. */
  price = new Float64Array(1024);
  /** Epoch milliseconds of start_at. */
  ms = new Float64Array(1024);
  /** Branch-local day number of start_at. */
  day = new Int32Array(1024);

  /** The index of a string in `strings`, added when new. */
  intern(value: string): number {
    let i = this.stringIndex.get(value);
    if (i === undefined) {
      i = this.strings.length;
      // a flat copy: never a slice that would keep a whole chunk of the file's text alive
      const copy = value.length < 13 ? value : ` ${value}`.slice(1);
      this.strings.push(copy);
      this.stringIndex.set(copy, i);
    }
    return i;
  }

  push(id: string, customerId: string, branchId: string, service: string, staff: string, status: BookingStatus, price: number, ms: number, day: number): void {
    const r = this.length;
    if (r === this.day.length) this.grow();
    this.ids.push(id);
    // bookings come grouped by customer (and so by branch): most rows repeat the row before
    this.customer[r] = r > 0 && this.strings[this.customer[r - 1] as number] === customerId ? (this.customer[r - 1] as number) : this.intern(customerId);
    this.branch[r] = r > 0 && this.strings[this.branch[r - 1] as number] === branchId ? (this.branch[r - 1] as number) : this.intern(branchId);
    this.service[r] = this.intern(service);
    this.staff[r] = this.intern(staff);
    this.status[r] = STATUS_CODE.get(status) as number;
    this.price[r] = price;
    this.ms[r] = ms;
    this.day[r] = day;
    this.length = r + 1;
  }

  /** Fills `into` with booking `r` and returns it (a reused object: read it, do not keep it). */
  factAt(r: number, into: BookingFact): BookingFact {
    const s = this.strings;
    into.id = this.ids[r] as string;
    into.customer_id = s[this.customer[r] as number] as string;
    into.branch_id = s[this.branch[r] as number] as string;
    into.service = s[this.service[r] as number] as string;
    into.staff = s[this.staff[r] as number] as string;
    into.status = BOOKING_STATUSES[this.status[r] as number] as BookingStatus;
    into.price = this.price[r] as number;
    into.ms = this.ms[r] as number;
    into.day = this.day[r] as number;
    return into;
  }

  private grow(): void {
    const n = this.day.length * 2;
    this.customer = grown(this.customer, new Int32Array(n));
    this.branch = grown(this.branch, new Int32Array(n));
    this.service = grown(this.service, new Int32Array(n));
    this.staff = grown(this.staff, new Int32Array(n));
    this.status = grown(this.status, new Uint8Array(n));
    this.price = grown(this.price, new Float64Array(n));
    this.ms = grown(this.ms, new Float64Array(n));
    this.day = grown(this.day, new Int32Array(n));
  }
}

function grown<T extends Int32Array | Uint8Array | Float64Array>(from: T, to: T): T {
  to.set(from);
  return to;
}

function emptyFact(): BookingFact {
  return { id: '', customer_id: '', branch_id: '', service: '', staff: '', status: 'scheduled', price: 0, ms: 0, day: 0 };
}

export interface ColumnInput {
  branches: readonly Branch[];
  customers: Iterable<CustomerLink>;
  bookings: BookingColumns;
}

/** Numbers for distinct ids, in first-seen order, with a rank per number in code-point order. */
class IdNumbers {
  readonly ids: string[] = [];
  private readonly numbers = new Map<string, number>();

  number(id: string): number {
    let n = this.numbers.get(id);
    if (n === undefined) {
      n = this.ids.length;
      this.ids.push(id);
      this.numbers.set(id, n);
    }
    return n;
  }

  /** For each number, its position when the ids are sorted by code points. */
  ranks(): Int32Array {
    const order = Array.from(this.ids.keys());
    order.sort((a, b) => compareCodePoints(this.ids[a] as string, this.ids[b] as string));
    const rank = new Int32Array(order.length);
    for (let k = 0; k < order.length; k += 1) rank[order[k] as number] = k;
    return rank;
  }
}

/** `entries` stably reordered by `key[entry]` (0 ≤ key < keys): a counting sort. */
function sortedBy(entries: Int32Array, key: Int32Array, keys: number): Int32Array {
  const start = new Int32Array(keys + 1);
  for (let i = 0; i < entries.length; i += 1) {
    const k = (key[entries[i] as number] as number) + 1;
    start[k] = (start[k] as number) + 1;
  }
  for (let k = 0; k < keys; k += 1) start[k + 1] = (start[k + 1] as number) + (start[k] as number);
  const out = new Int32Array(entries.length);
  for (let i = 0; i < entries.length; i += 1) {
    const e = entries[i] as number;
    const k = key[e] as number;
    const at = start[k] as number;
    out[at] = e;
    start[k] = at + 1;
  }
  return out;
}

/**
 * Every (customer, branch) pair's activity as of `asOfDay`, sorted by branch id then customer id
 * in code-point order: exactly `buildActivityIndex(…).sorted()` of the same data set (the same
 * rules — `pairExists`, `pairSince`, `branchRules`, `computePairActivity` — fed from columns),
 * without an object per booking or a map of pairs. The bookings are grouped by pair with two
 * counting sorts (customer rank, then branch rank), together with one entry per home branch.
 */
export function activitiesOfColumns(input: ColumnInput, asOfDay: number, baseRules: RuleSettings = DEFAULT_RULES): PairActivity[] {
  const facts = input.bookings;
  const branchNumbers = new IdNumbers();
  const branchOf: Branch[] = [];
  for (const b of input.branches) {
    branchOf[branchNumbers.number(b.id)] = b;
  }
  const customerNumbers = new IdNumbers();
  const homeOf: number[] = [];
  const created: (number | undefined)[] = [];
  for (const c of input.customers) {
    const n = customerNumbers.number(c.id);
    homeOf[n] = c.home_branch_id === '' ? -1 : branchNumbers.number(c.home_branch_id);
    created[n] = createdMs(c);
  }
  // interned string → branch / customer number (-1: not seen yet)
  const branchOfString = new Int32Array(facts.strings.length).fill(-1);
  const customerOfString = new Int32Array(facts.strings.length).fill(-1);
  const rows = facts.length;
  let entries = rows;
  for (const home of homeOf) if (home !== -1) entries += 1;
  const entryBranch = new Int32Array(entries);
  const entryCustomer = new Int32Array(entries);
  for (let r = 0; r < rows; r += 1) {
    const bs = facts.branch[r] as number;
    let b = branchOfString[bs] as number;
    if (b === -1) {
      b = branchNumbers.number(facts.strings[bs] as string);
      branchOfString[bs] = b;
    }
    const cs = facts.customer[r] as number;
    let c = customerOfString[cs] as number;
    if (c === -1) {
      c = customerNumbers.number(facts.strings[cs] as string);
      customerOfString[cs] = c;
    }
    entryBranch[r] = b;
    entryCustomer[r] = c;
  }
  // the entries after the bookings: the customers' home pairs
  for (let c = 0, e = rows; c < homeOf.length; c += 1) {
    const home = homeOf[c] as number;
    if (home === -1) continue;
    entryBranch[e] = home;
    entryCustomer[e] = c;
    e += 1;
  }
  const branchRank = branchNumbers.ranks();
  const customerRank = customerNumbers.ranks();
  const byBranch = new Int32Array(entries);
  const byCustomer = new Int32Array(entries);
  const identity = new Int32Array(entries);
  for (let e = 0; e < entries; e += 1) {
    byBranch[e] = branchRank[entryBranch[e] as number] as number;
    byCustomer[e] = customerRank[entryCustomer[e] as number] as number;
    identity[e] = e;
  }
  const order = sortedBy(sortedBy(identity, byCustomer, customerRank.length), byBranch, branchRank.length);

  const rules = branchNumbers.ids.map((_, b) => {
    const branch = branchOf[b];
    return branch === undefined ? baseRules : branchRules(branch, baseRules);
  });
  const out: PairActivity[] = [];
  const pool: BookingFact[] = [];
  const batch: BookingFact[] = [];
  for (let k = 0; k < entries; ) {
    const first = order[k] as number;
    const b = entryBranch[first] as number;
    const c = entryCustomer[first] as number;
    let home = false;
    let earliest: number | null = null;
    batch.length = 0;
    for (; k < entries; k += 1) {
      const e = order[k] as number;
      if (entryBranch[e] !== b || entryCustomer[e] !== c) break;
      if (e >= rows) {
        home = true;
        continue;
      }
      let fact = pool[batch.length];
      if (fact === undefined) {
        fact = emptyFact();
        pool.push(fact);
      }
      facts.factAt(e, fact);
      if (earliest === null || fact.day < earliest) earliest = fact.day;
      batch.push(fact);
    }
    if (!pairExists(batch.length, home)) continue;
    const branch = branchOf[b];
    // As of a past date the pair does not exist yet (docs/DESIGN.md §2).
    if (pairSince(created[c], branch?.timezone, earliest) > asOfDay) continue;
    out.push(computePairActivity(customerNumbers.ids[c] as string, branchNumbers.ids[b] as string, batch, asOfDay, rules[b] as RuleSettings));
  }
  return out;
}
