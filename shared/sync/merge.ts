/**
 * The deterministic three-way merge of docs/DESIGN.md §4, used as RxDB's conflict handler on the desk
 * and by the server when it applies a push.
 *
 * Inputs are the state the desk last saw from the server (`assumedMasterState`, the base), the
 * server's current state (`realMasterState`) and the desk's state (`newDocumentState`):
 * - a field the desk changed (new ≠ base) is applied over the server's state;
 * - where both changed a field, the server wins, except:
 *   - `tags` merge as a set: union of additions, minus removals by either side;
 *   - marketing consent keeps the most restrictive value: `opted_in_marketing` and each
 *     channel's `consent.X.granted` are AND-ed, so an opt-out is never lost; `at` is the latest
 *     time among the sides that hold the winning value;
 * - a booking's `status` only moves forward (BOOKING_TRANSITIONS): the desk's status is taken
 *   only when the server's status may move to it, so between two terminal states the server wins;
 * - except by a correction (shared/schedule/corrections.ts, docs/DESIGN.md §9): a booking's
 *   `amendments` merge as a set (union by id, append-only), and its status, price, service and
 *   staff are then the amendments folded in their order (time, then id) over the merge above —
 *   a function of the set, so concurrent corrections converge whatever the order of merges;
 * - a booking's `payment` (docs/DESIGN.md §18) is one field: the desk's whole payment where only the
 *   desk changed it, else the server's (never tenders of one side with the discount of the other);
 *   a booking the merge leaves not completed (the server's no-show kept over the desk's completion)
 *   keeps no payment;
 * - identity and scope fields (IMMUTABLE_FIELDS) always keep the server's value;
 * - an erased customer stays erased: an erasure on either side wins the whole document, and
 *   once the server holds an erased document nothing a desk sends can bring data back;
 * - a communication the server's outbox has taken (`attempts` > 0 or `sending`) keeps the
 *   server's delivery fields (status, error, attempts, next attempt) and what was sent
 *   (message, channel, variant): the log shows what really went out.
 * Without a base (both sides created the document, e.g. the same HMAC customer id on two desks)
 * every differing field counts as changed on both sides.
 */
import { LIMITS } from '../domain/schemas';
import type { BookingStatus } from '../domain/types';
import { parseInstant } from '../time/instant';
import { documentsEqual, jsonEqual, stripInternal } from './equal';
import type { SyncCollection, WireDoc } from './protocol';
import { canMoveStatus, IMMUTABLE_FIELDS } from './rules';
import { eraseCustomer } from '../privacy/erase';
import type { Amendment, BookingDoc, CustomerDoc } from '../domain/schemas';
import { applyAmendments, unionAmendments } from '../schedule/corrections';
import { withoutStrayPayment } from '../schedule/payment';

type Fields = Record<string, unknown>;

export interface MergeInput<T> {
  assumedMasterState?: WireDoc<T> | null;
  realMasterState: WireDoc<T>;
  newDocumentState: WireDoc<T>;
}

interface FieldInput {
  base: unknown;
  real: unknown;
  local: unknown;
  hasBase: boolean;
}

type FieldRule = (input: FieldInput) => unknown;

function changedLocally(f: FieldInput): boolean {
  return f.hasBase ? !jsonEqual(f.local, f.base) : !jsonEqual(f.local, f.real);
}

function changedRemotely(f: FieldInput): boolean {
  return f.hasBase ? !jsonEqual(f.real, f.base) : !jsonEqual(f.local, f.real);
}

/** Desk's value where only the desk changed it, otherwise the server's; `both` decides conflicts. */
function threeWay(f: FieldInput, both: (f: FieldInput) => unknown = (x) => x.real): unknown {
  if (!changedLocally(f)) return f.real;
  if (!changedRemotely(f)) return f.local;
  return both(f);
}

function asStrings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** Set merge: the server's tags minus the desk's removals, plus the desk's additions. */
function mergeTags(f: FieldInput): string[] {
  const base = new Set(asStrings(f.base));
  const real = asStrings(f.real);
  const local = asStrings(f.local);
  const localSet = new Set(local);
  const out: string[] = [];
  for (const t of real) if (!(base.has(t) && !localSet.has(t)) && !out.includes(t)) out.push(t);
  for (const t of local) if (!base.has(t) && !out.includes(t)) out.push(t);
  return out.slice(0, LIMITS.tags);
}

function instantMs(value: unknown): number {
  if (typeof value !== 'string' || value === '') return Number.NEGATIVE_INFINITY;
  return parseInstant(value) ?? Number.NEGATIVE_INFINITY;
}

interface Consent {
  granted: boolean;
  at: string;
}

function asConsent(value: unknown): Consent | null {
  if (value === null || typeof value !== 'object') return null;
  const v = value as { granted?: unknown; at?: unknown };
  return typeof v.granted === 'boolean' ? { granted: v.granted, at: typeof v.at === 'string' ? v.at : '' } : null;
}

/** Both sides changed one channel's consent: granted only if both grant; the latest `at` among the winners. */
function restrictiveConsent(f: FieldInput): unknown {
  const real = asConsent(f.real);
  const local = asConsent(f.local);
  if (real === null || local === null) return real === null ? f.local : f.real;
  const granted = real.granted && local.granted;
  const winners = [real, local].filter((c) => c.granted === granted);
  let at = winners[0]?.at ?? '';
  for (const c of winners) if (instantMs(c.at) > instantMs(at)) at = c.at;
  return { granted, at };
}

function mergeConsent(f: FieldInput): unknown {
  const pick = (v: unknown): Fields => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Fields) : {});
  const base = pick(f.base);
  const real = pick(f.real);
  const local = pick(f.local);
  const out: Fields = {};
  for (const channel of unionKeys(real, local)) {
    const value = threeWay(
      { base: base[channel], real: real[channel], local: local[channel], hasBase: f.hasBase && channel in base },
      restrictiveConsent,
    );
    if (value !== undefined) out[channel] = value;
  }
  return out;
}

/** The desk's status only when the server's status may move to it (forward only). */
function forwardStatus(f: FieldInput): unknown {
  if (!changedLocally(f)) return f.real;
  if (typeof f.real !== 'string' || typeof f.local !== 'string') return f.real ?? f.local;
  return canMoveStatus(f.real as BookingStatus, f.local as BookingStatus) ? f.local : f.real;
}

function asAmendments(value: unknown): Amendment[] {
  return Array.isArray(value) ? (value as Amendment[]) : [];
}

/** Fields of a communication owned by the outbox once it took the message. */
const DELIVERY_FIELDS = new Set(['status', 'error', 'attempts', 'next_attempt_at', 'message', 'channel', 'variant']);

function takenByOutbox(real: Fields): boolean {
  return (typeof real.attempts === 'number' && real.attempts > 0) || real.status === 'sending';
}

const FIELD_RULES: Partial<Record<SyncCollection, Record<string, FieldRule>>> = {
  customers: {
    tags: (f) => threeWay(f, mergeTags),
    opted_in_marketing: (f) => threeWay(f, (x) => x.real === true && x.local === true),
    consent: (f) => threeWay(f, mergeConsent),
  },
  bookings: {
    status: forwardStatus,
    // append-only on both sides: never a removal, whatever the base
    amendments: (f) => unionAmendments(asAmendments(f.real), asAmendments(f.local)),
  },
};

function unionKeys(a: Fields, b: Fields): string[] {
  const keys = Object.keys(a);
  for (const k of Object.keys(b)) if (!(k in a)) keys.push(k);
  return keys;
}

function isErased(doc: Fields): boolean {
  return typeof doc.erased_at === 'string' && doc.erased_at !== '';
}

function keepImmutable(collection: SyncCollection, doc: Fields, real: Fields): Fields {
  const out = { ...doc };
  for (const field of IMMUTABLE_FIELDS[collection]) if (field in real) out[field] = real[field];
  return out;
}

/** The merged document (RxDB `WithDeleted`), deterministic in its three inputs. */
export function mergeDocument<T>(collection: SyncCollection, input: MergeInput<T>): WireDoc<T> {
  const real = stripInternal(input.realMasterState as unknown as Fields);
  const local = stripInternal(input.newDocumentState as unknown as Fields);
  const base = input.assumedMasterState ? stripInternal(input.assumedMasterState as unknown as Fields) : undefined;

  if (collection === 'customers') {
    // The erased side wins whole, scrubbed again so that no field edited around the erasure
    // (on a desk that had not seen it yet) carries personal data back.
    if (isErased(real)) return eraseCustomer(real as unknown as WireDoc<CustomerDoc>, '') as unknown as WireDoc<T>;
    if (isErased(local)) return eraseCustomer(keepImmutable(collection, local, real) as unknown as WireDoc<CustomerDoc>, '') as unknown as WireDoc<T>;
  }

  const immutable = new Set(IMMUTABLE_FIELDS[collection]);
  if (collection === 'communications' && takenByOutbox(real)) for (const f of DELIVERY_FIELDS) immutable.add(f);
  const rules = FIELD_RULES[collection] ?? {};
  const out: Fields = {};
  for (const key of unionKeys(real, local)) {
    const f: FieldInput = { base: base?.[key], real: real[key], local: local[key], hasBase: base !== undefined };
    let value: unknown;
    if (immutable.has(key)) value = key in real ? real[key] : local[key];
    else value = (rules[key] ?? ((x: FieldInput) => threeWay(x)))(f);
    if (value !== undefined) out[key] = value;
  }
  out._deleted = out._deleted === true;
  if (collection === 'bookings' && Array.isArray(out.amendments)) return withoutStrayPayment(applyAmendments(out as unknown as WireDoc<BookingDoc>)) as unknown as WireDoc<T>;
  return out as WireDoc<T>;
}

/**
 * RxDB conflict handler (structurally `RxConflictHandler<T>`): `isEqual` ignores key order and
 * RxDB's bookkeeping; `resolve` is the three-way merge.
 */
export function conflictHandler<T>(collection: SyncCollection): {
  isEqual: (a: WireDoc<T>, b: WireDoc<T>, context?: string) => boolean;
  resolve: (input: MergeInput<T>, context?: string) => Promise<WireDoc<T>>;
} {
  return {
    isEqual: (a, b) => documentsEqual(a as unknown as Fields, b as unknown as Fields),
    resolve: (input) => Promise.resolve(mergeDocument(collection, input)),
  };
}
