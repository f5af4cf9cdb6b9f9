import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { BookingDoc, CustomerDoc } from '../domain/schemas';
import { BOOKING_STATUSES, type BookingStatus } from '../domain/types';
import { scheduledBookingFixture } from '../domain/test-fixtures';
import { validateDocument } from '../domain/validate';
import { decidePush } from './decide-push';
import { documentsEqual } from './equal';
import { conflictHandler, mergeDocument } from './merge';
import type { SyncCollection, WireDoc } from './protocol';
import { canMoveStatus } from './rules';
import { eraseCustomer } from '../privacy/erase';
import type { CommunicationDoc } from '../domain/schemas';
import { applyAmendments, buildAmendment, CorrectionRefused, isFinished, withAmendment } from '../schedule/corrections';

/** Rank of a status along the only direction bookings move: scheduled 0, checked_in 1, terminal 2. */
function statusRank(status: BookingStatus): number {
  if (status === 'scheduled') return 0;
  if (status === 'checked_in') return 1;
  return 2;
}

type Customer = WireDoc<CustomerDoc>;
type Booking = WireDoc<BookingDoc>;

function customer(overrides: Partial<Customer> = {}): Customer {
  return {
    id: 'cu-1',
    name: 'Aroha Reyes',
    phone: '+639171234567',
    email: 'aroha@example.com',
    birthday: '',
    opted_in_marketing: true,
    preferred_contact: 'sms',
    consent: {
      sms: { granted: true, at: '2026-01-01T00:00:00Z' },
      email: { granted: true, at: '2026-01-01T00:00:00Z' },
      push: { granted: false, at: '' },
    },
    tags: ['regular'],
    notes: '',
    preferences: '',
    preferred_staff: '',
    allergies: '',
    home_branch_id: 'br-a',
    registered_branch_id: 'br-a',
    referred_by: '',
    follow_up_date: '',
    created_at: '2026-01-01T00:00:00Z',
    updated_at: '2026-01-01T00:00:00Z',
    erased_at: '',
    _deleted: false,
    ...overrides,
  };
}

function booking(overrides: Partial<Booking> = {}): Booking {
  return { ...scheduledBookingFixture({ start_at: '2026-03-01T10:00:00Z', created_at: '2026-02-01T00:00:00Z', updated_at: '2026-02-01T00:00:00Z' }), _deleted: false, ...overrides };
}

const merge = <T>(collection: SyncCollection, assumed: WireDoc<T> | undefined, real: WireDoc<T>, local: WireDoc<T>) =>
  mergeDocument(collection, { assumedMasterState: assumed, realMasterState: real, newDocumentState: local });

describe('mergeDocument: field rules', () => {
  it('applies fields changed only locally over the server state, keeps server-only changes', () => {
    const base = customer();
    const real = customer({ name: 'Aroha R. Reyes' });
    const local = customer({ notes: 'prefers mornings' });
    expect(merge('customers', base, real, local)).toEqual(customer({ name: 'Aroha R. Reyes', notes: 'prefers mornings' }));
  });

  it('lets the server win where both changed a plain field', () => {
    const merged = merge('customers', customer(), customer({ name: 'Server' }), customer({ name: 'Desk' }));
    expect(merged.name).toBe('Server');
  });

  it('merges tags as a set: union of additions minus removals by either side', () => {
    const base = customer({ tags: ['a', 'b', 'c'] });
    const real = customer({ tags: ['a', 'c', 'x'] }); // server removed b, added x
    const local = customer({ tags: ['b', 'c', 'y'] }); // desk removed a, added y
    expect(merge('customers', base, real, local).tags).toEqual(['c', 'x', 'y']);
  });

  it('never loses an opt-out: opted_in_marketing and per-channel consent keep the most restrictive value', () => {
    const base = customer();
    const real = customer({ opted_in_marketing: true, consent: { ...customer().consent, sms: { granted: true, at: '2026-03-05T00:00:00Z' } } });
    const local = customer({
      opted_in_marketing: false,
      consent: { ...customer().consent, sms: { granted: false, at: '2026-03-02T00:00:00Z' } },
    });
    const merged = merge('customers', base, { ...real, opted_in_marketing: true, preferred_contact: 'email' }, local);
    expect(merged.opted_in_marketing).toBe(false);
    // The opt-out wins; its own time is kept (the latest among the sides holding the winning value).
    expect(merged.consent.sms).toEqual({ granted: false, at: '2026-03-02T00:00:00Z' });
    expect(merged.consent.email).toEqual(customer().consent.email);
  });

  it('keeps the latest time when both sides withdrew consent', () => {
    const base = customer();
    const real = customer({ consent: { ...customer().consent, sms: { granted: false, at: '2026-03-01T00:00:00Z' } } });
    const local = customer({ consent: { ...customer().consent, sms: { granted: false, at: '2026-03-04T08:00:00+08:00' } } });
    expect(merge('customers', base, real, local).consent.sms).toEqual({ granted: false, at: '2026-03-04T08:00:00+08:00' });
  });

  it('accepts a re-grant that is not concurrent with an opt-out (only the desk changed consent)', () => {
    const base = customer({ opted_in_marketing: false });
    const real = customer({ opted_in_marketing: false, notes: 'x' });
    const local = customer({ opted_in_marketing: true });
    expect(merge('customers', base, real, local).opted_in_marketing).toBe(true);
  });

  it('moves booking status forward only; between two terminal states the server wins', () => {
    const base = booking({ status: 'scheduled' });
    expect(merge('bookings', base, booking({ status: 'checked_in' }), booking({ status: 'completed' })).status).toBe('completed');
    expect(merge('bookings', base, booking({ status: 'completed' }), booking({ status: 'checked_in' })).status).toBe('completed');
    expect(merge('bookings', base, booking({ status: 'cancelled' }), booking({ status: 'completed' })).status).toBe('cancelled');
    expect(merge('bookings', base, booking({ status: 'no_show' }), booking({ status: 'scheduled' })).status).toBe('no_show');
    // A careless desk moving backwards on its own is not followed either.
    const done = booking({ status: 'completed' });
    expect(merge('bookings', done, done, booking({ status: 'scheduled' })).status).toBe('completed');
  });

  it('keeps identity and scope fields of the server', () => {
    const merged = merge('bookings', booking(), booking(), booking({ branch_id: 'br-b', customer_id: 'cu-2', notes: 'n' }));
    expect(merged).toMatchObject({ branch_id: 'br-a', customer_id: 'cu-1', notes: 'n' });
  });

  it('merges two independently created documents (same HMAC id) without a base', () => {
    const real = customer({ registered_branch_id: 'br-a', tags: ['a'], notes: 'from A', opted_in_marketing: true });
    const local = customer({ registered_branch_id: 'br-b', tags: ['b'], notes: 'from B', opted_in_marketing: false, name: 'Aroha' });
    const merged = merge('customers', undefined, real, local);
    expect(merged).toMatchObject({ registered_branch_id: 'br-a', tags: ['a', 'b'], notes: 'from A', opted_in_marketing: false });
    expect(merged.name).toBe(real.name);
  });

  it('keeps an erasure on either side', () => {
    const erased = eraseCustomer(customer(), '2026-03-01T00:00:00Z');
    expect(merge('customers', customer(), erased, customer({ name: 'Edited' }))).toEqual(erased);
    expect(merge('customers', customer(), customer({ name: 'Edited' }), erased)).toEqual(erased);
    // A half-erased document (personal data edited in after the erasure) is scrubbed on merge.
    expect(merge('customers', customer(), { ...erased, notes: 'came back' }, customer({ name: 'Edited' }))).toEqual(erased);
  });

  it('keeps what the outbox sent: delivery fields of a message the server took stay the server\'s', () => {
    const base: WireDoc<CommunicationDoc> = {
      id: 'co-1', customer_id: 'cu-1', branch_id: 'br-a', channel: 'sms', purpose: 'campaign', status: 'queued', message: 'Hi Ana', at: '2026-03-01T00:00:00Z',
      campaign_id: 'cp-1', variant: 'A', trigger_key: '', direction: 'outbound', attempts: 0, next_attempt_at: '', error: '', updated_at: '', _deleted: false,
    };
    const sent = { ...base, status: 'sent' as const, attempts: 1, updated_at: '2026-03-01T00:01:00Z' };
    const deskEdit = { ...base, message: 'Hi Ana!!', channel: 'email' as const, status: 'cancelled' as const, purpose: 'promo' };
    expect(merge('communications', base, sent, deskEdit)).toEqual({ ...sent, purpose: 'promo' });
    const sending = { ...base, status: 'sending' as const, attempts: 1 };
    expect(merge('communications', base, sending, deskEdit)).toEqual({ ...sending, purpose: 'promo' });
    // Not taken yet: the desk may still edit or cancel its queued message.
    const touched = { ...base, updated_at: '2026-03-01T00:00:30Z' };
    expect(merge('communications', base, touched, deskEdit)).toEqual({ ...deskEdit, updated_at: '2026-03-01T00:00:30Z' });
  });

  it('conflictHandler.isEqual ignores key order and RxDB bookkeeping; resolve is the merge', async () => {
    const handler = conflictHandler<CustomerDoc>('customers');
    const a = customer();
    const reordered = Object.fromEntries(Object.entries({ ...a, _meta: { lwt: 1 }, _rev: '1-x' }).reverse()) as unknown as Customer;
    expect(handler.isEqual(a, reordered)).toBe(true);
    expect(handler.isEqual(a, customer({ notes: 'x' }))).toBe(false);
    const resolved = await handler.resolve({ assumedMasterState: a, realMasterState: customer({ name: 'S' }), newDocumentState: customer({ notes: 'n' }) });
    expect(resolved).toEqual(customer({ name: 'S', notes: 'n' }));
  });

  it('produces documents that still pass the shared schema', () => {
    const merged = merge('customers', customer(), customer({ tags: ['x'] }), customer({ tags: ['y'], opted_in_marketing: false }));
    const { _deleted, ...doc } = merged;
    expect(_deleted).toBe(false);
    expect(validateDocument('customers', doc)).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// Simulation of two desks and the server running RxDB's protocol over the pure push decision.

interface Desk<T> {
  fork: WireDoc<T>;
  assumed: WireDoc<T> | undefined;
}

interface World<T> {
  collection: SyncCollection;
  server: WireDoc<T>;
  desks: [Desk<T>, Desk<T>];
  /** Every state the server stored, in order. */
  history: WireDoc<T>[];
}

const eq = (a: unknown, b: unknown) => documentsEqual(a as Record<string, unknown>, b as Record<string, unknown>);

/** One upstream round of a desk (RxDB: push, on conflict resolve with the handler and push again). */
function push<T>(world: World<T>, desk: Desk<T>): void {
  for (let round = 0; round < 5 && !(desk.assumed !== undefined && eq(desk.fork, desk.assumed)); round += 1) {
    const sent = desk.fork;
    const decision = decidePush(world.collection, world.server, { assumedMasterState: desk.assumed, newDocumentState: sent });
    if (decision.write !== undefined) {
      world.server = decision.write;
      world.history.push(decision.write);
    }
    if (decision.conflict === undefined) {
      desk.assumed = sent;
      continue;
    }
    desk.fork = mergeDocument(world.collection, {
      assumedMasterState: desk.assumed,
      realMasterState: decision.conflict,
      newDocumentState: sent,
    });
    desk.assumed = decision.conflict;
  }
}

/** Downstream: RxDB skips a pulled document while the desk has unpushed changes to it. */
function pull<T>(world: World<T>, desk: Desk<T>): void {
  if (desk.assumed !== undefined && eq(desk.fork, desk.assumed)) {
    desk.fork = world.server;
    desk.assumed = world.server;
  }
}

function syncUntilQuiet<T>(world: World<T>): void {
  for (let i = 0; i < 10; i += 1) {
    for (const desk of world.desks) {
      push(world, desk);
      pull(world, desk);
    }
  }
}

const TAGS = ['vip', 'regular', 'late', 'student', 'family'];
const CHANNELS = ['sms', 'email', 'push'] as const;
const INSTANTS = ['2026-03-01T09:00:00Z', '2026-03-01T10:00:00+01:00', '2026-03-02T00:00:00Z', '2026-03-03T12:30:00-05:00'];

type CustomerEdit =
  | { kind: 'name'; value: string }
  | { kind: 'notes'; value: string }
  | { kind: 'addTag'; tag: string }
  | { kind: 'removeTag'; tag: string }
  | { kind: 'optIn'; value: boolean }
  | { kind: 'consent'; channel: (typeof CHANNELS)[number]; granted: boolean; at: string }
  | { kind: 'delete' }
  | { kind: 'erase'; at: string };

const customerEdit: fc.Arbitrary<CustomerEdit> = fc.oneof(
  fc.record({ kind: fc.constant('name' as const), value: fc.constantFrom('Ana', 'Ben', 'Zoë', 'Siobhán') }),
  fc.record({ kind: fc.constant('notes' as const), value: fc.constantFrom('', 'likes fades', 'allergic to latex') }),
  fc.record({ kind: fc.constant('addTag' as const), tag: fc.constantFrom(...TAGS) }),
  fc.record({ kind: fc.constant('removeTag' as const), tag: fc.constantFrom(...TAGS) }),
  fc.record({ kind: fc.constant('optIn' as const), value: fc.boolean() }),
  fc.record({
    kind: fc.constant('consent' as const),
    channel: fc.constantFrom(...CHANNELS),
    granted: fc.boolean(),
    at: fc.constantFrom(...INSTANTS),
  }),
  fc.record({ kind: fc.constant('delete' as const) }),
);

function applyCustomerEdit(doc: Customer, edit: CustomerEdit): Customer {
  switch (edit.kind) {
    case 'name':
      return { ...doc, name: edit.value };
    case 'notes':
      return { ...doc, notes: edit.value };
    case 'addTag':
      return doc.tags.includes(edit.tag) ? doc : { ...doc, tags: [...doc.tags, edit.tag] };
    case 'removeTag':
      return { ...doc, tags: doc.tags.filter((t) => t !== edit.tag) };
    case 'optIn':
      return { ...doc, opted_in_marketing: edit.value };
    case 'consent':
      return { ...doc, consent: { ...doc.consent, [edit.channel]: { granted: edit.granted, at: edit.at } } };
    case 'delete':
      return { ...doc, _deleted: true };
    case 'erase':
      return { ...eraseCustomer(doc, edit.at), _deleted: doc._deleted };
  }
}

const withErasure: fc.Arbitrary<CustomerEdit> = fc.oneof(
  { weight: 6, arbitrary: customerEdit },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('erase' as const), at: fc.constantFrom(...INSTANTS) }) },
);

const PERSONAL = ['name', 'phone', 'email', 'birthday', 'notes', 'preferences', 'preferred_staff', 'allergies', 'referred_by', 'follow_up_date'] as const;

const bookingEdit = fc.oneof(
  fc.record({ kind: fc.constant('status' as const), status: fc.constantFrom(...BOOKING_STATUSES) }),
  fc.record({ kind: fc.constant('price' as const), price: fc.integer({ min: 0, max: 20_000 }) }),
  fc.record({ kind: fc.constant('staff' as const), staff: fc.constantFrom('Ana', 'Ben', 'Émile') }),
);
type BookingEdit = typeof bookingEdit extends fc.Arbitrary<infer E> ? E : never;

/** The desk UI offers only forward moves from the status it sees. */
function applyBookingEdit(doc: Booking, edit: BookingEdit): Booking {
  switch (edit.kind) {
    case 'status':
      return canMoveStatus(doc.status, edit.status) ? { ...doc, status: edit.status } : doc;
    case 'price':
      return { ...doc, price: edit.price };
    case 'staff':
      return { ...doc, staff: edit.staff };
  }
}

/** A step: desk 0 or 1 edits, pushes or pulls. */
function stepArb<E>(edit: fc.Arbitrary<E>) {
  return fc.oneof(
    fc.record({ desk: fc.constantFrom(0, 1), op: fc.constant('edit' as const), edit }),
    fc.record({ desk: fc.constantFrom(0, 1), op: fc.constantFrom('push' as const, 'pull' as const) }),
  );
}

function newWorld<T>(collection: SyncCollection, initial: WireDoc<T>): World<T> {
  return {
    collection,
    server: initial,
    desks: [
      { fork: initial, assumed: initial },
      { fork: initial, assumed: initial },
    ],
    history: [initial],
  };
}

function run<T, E>(world: World<T>, steps: { desk: number; op: 'edit' | 'push' | 'pull'; edit?: E }[], apply: (d: WireDoc<T>, e: E) => WireDoc<T>): void {
  for (const step of steps) {
    const desk = world.desks[step.desk] as Desk<T>;
    if (step.op === 'edit' && step.edit !== undefined) desk.fork = apply(desk.fork, step.edit);
    else if (step.op === 'push') push(world, desk);
    else pull(world, desk);
  }
  syncUntilQuiet(world);
}

describe('mergeDocument: properties (two desks and the server, any interleaving)', () => {
  it('customers converge to the same document on both desks and the server', () => {
    fc.assert(
      fc.property(fc.array(stepArb(customerEdit), { maxLength: 40 }), (steps) => {
        const world = newWorld('customers', customer());
        run(world, steps, applyCustomerEdit);
        expect(eq(world.desks[0].fork, world.server)).toBe(true);
        expect(eq(world.desks[1].fork, world.server)).toBe(true);
        const { _deleted: _, ...doc } = world.server;
        expect(validateDocument('customers', doc)).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });

  it('bookings converge and the server status never moves backwards', () => {
    fc.assert(
      fc.property(fc.constantFrom<BookingStatus>('scheduled', 'checked_in'), fc.array(stepArb(bookingEdit), { maxLength: 40 }), (start, steps) => {
        const world = newWorld('bookings', booking({ status: start }));
        run(world, steps, applyBookingEdit);
        expect(eq(world.desks[0].fork, world.server)).toBe(true);
        expect(eq(world.desks[1].fork, world.server)).toBe(true);
        for (let i = 1; i < world.history.length; i += 1) {
          const before = (world.history[i - 1] as Booking).status;
          const after = (world.history[i] as Booking).status;
          expect(canMoveStatus(before, after)).toBe(true);
          expect(statusRank(after)).toBeGreaterThanOrEqual(statusRank(before));
        }
      }),
      { numRuns: 400 },
    );
  });

  it('an opt-out made offline on either desk survives any reconnection order', () => {
    fc.assert(
      fc.property(
        fc.array(customerEdit, { maxLength: 12 }),
        fc.array(customerEdit, { maxLength: 12 }),
        fc.array(fc.record({ desk: fc.constantFrom(0, 1), op: fc.constantFrom('push' as const, 'pull' as const) }), { maxLength: 12 }),
        (editsA, editsB, reconnect) => {
          const initial = customer();
          const world = newWorld('customers', initial);
          for (const e of editsA) world.desks[0].fork = applyCustomerEdit(world.desks[0].fork, e);
          for (const e of editsB) world.desks[1].fork = applyCustomerEdit(world.desks[1].fork, e);
          const offline = world.desks.map((d) => d.fork);
          run(world, reconnect, applyCustomerEdit);
          const final = world.server;
          for (const desk of offline) {
            if (initial.opted_in_marketing && !desk.opted_in_marketing) expect(final.opted_in_marketing).toBe(false);
            for (const ch of CHANNELS) {
              if (initial.consent[ch].granted && !desk.consent[ch].granted) expect(final.consent[ch].granted).toBe(false);
            }
          }
          expect(eq(world.desks[0].fork, final) && eq(world.desks[1].fork, final)).toBe(true);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('an erasure wins every conflict and never comes back, whatever the other desk does', () => {
    fc.assert(
      fc.property(fc.array(stepArb(withErasure), { maxLength: 40 }), (steps) => {
        const world = newWorld('customers', customer());
        run(world, steps, applyCustomerEdit);
        expect(eq(world.desks[0].fork, world.server) && eq(world.desks[1].fork, world.server)).toBe(true);
        const first = world.history.findIndex((d) => (d as Customer).erased_at !== '');
        const erasedOnADesk = steps.some((s) => s.op === 'edit' && s.edit?.kind === 'erase');
        if (!erasedOnADesk) {
          expect(first).toBe(-1);
          return;
        }
        // Every erasure made on a desk reaches the server …
        expect(first).toBeGreaterThanOrEqual(0);
        const erased = world.history[first] as Customer;
        // … and from then on the server never stores anything else: no personal data comes back.
        for (const later of world.history.slice(first)) expect(eq(later, erased)).toBe(true);
        for (const f of PERSONAL) expect(world.server[f]).toBe('');
        expect(world.server.tags).toEqual([]);
        expect(world.server.opted_in_marketing).toBe(false);
        for (const ch of CHANNELS) expect(world.server.consent[ch].granted).toBe(false);
      }),
      { numRuns: 400 },
    );
  });

  it('two desks creating the same customer offline (same derived id) converge with tags united', () => {
    fc.assert(
      fc.property(fc.subarray(TAGS), fc.subarray(TAGS), fc.boolean(), fc.boolean(), (tagsA, tagsB, optA, optB) => {
        const a = customer({ tags: tagsA, opted_in_marketing: optA, registered_branch_id: 'br-a', notes: 'A' });
        const b = customer({ tags: tagsB, opted_in_marketing: optB, registered_branch_id: 'br-b', notes: 'B' });
        const world: World<CustomerDoc> = {
          collection: 'customers',
          server: a,
          desks: [
            { fork: a, assumed: a },
            { fork: b, assumed: undefined },
          ],
          history: [a],
        };
        syncUntilQuiet(world);
        expect(eq(world.desks[1].fork, world.server)).toBe(true);
        expect(new Set(world.server.tags)).toEqual(new Set([...tagsA, ...tagsB]));
        expect(world.server.opted_in_marketing).toBe(optA && optB);
        expect(world.server.registered_branch_id).toBe('br-a');
      }),
      { numRuns: 200 },
    );
  });
});

const correctionEdit = fc.record({
  kind: fc.constant('correct' as const),
  status: fc.option(fc.constantFrom('completed' as const, 'cancelled' as const, 'no_show' as const), { nil: undefined }),
  price: fc.option(fc.integer({ min: 0, max: 20_000 }), { nil: undefined }),
  staff: fc.option(fc.constantFrom('Ana', 'Ben', 'Émile'), { nil: undefined }),
  at: fc.constantFrom(...INSTANTS),
  role: fc.constantFrom('manager' as const, 'desk' as const),
});
type CorrectionEdit = typeof correctionEdit extends fc.Arbitrary<infer E> ? E : never;

describe('corrections of finished visits: properties (two desks and the server, any interleaving)', () => {
  it('concurrent corrections converge, none is lost, and the booking equals its corrections folded in order', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<BookingStatus>('scheduled', 'checked_in', 'completed', 'no_show', 'cancelled'),
        fc.array(stepArb(fc.oneof({ weight: 2, arbitrary: bookingEdit }, { weight: 3, arbitrary: correctionEdit })), { maxLength: 40 }),
        (start, steps) => {
          let made = 0;
          const madeIds: string[] = [];
          const apply = (doc: Booking, edit: BookingEdit | CorrectionEdit): Booking => {
            if (edit.kind !== 'correct') return isFinished(doc) ? doc : applyBookingEdit(doc, edit);
            if (!isFinished(doc)) return doc; // the desk offers corrections on finished visits only
            const id = `am-${String(++made).padStart(3, '0')}`;
            try {
              const { kind: _, at, role, ...input } = edit;
              const amendment = buildAmendment(doc, { ...input, reason: 'fix' }, { device: 'dev', role }, at, id);
              madeIds.push(id);
              return { ...withAmendment(doc, amendment, at), _deleted: doc._deleted };
            } catch (error) {
              if (error instanceof CorrectionRefused) return doc;
              throw error;
            }
          };
          const world = newWorld('bookings', booking({ status: start }));
          run(world, steps, apply);
          const final = world.server;
          expect(eq(world.desks[0].fork, final)).toBe(true);
          expect(eq(world.desks[1].fork, final)).toBe(true);
          const { _deleted: _, ...doc } = final;
          expect(validateDocument('bookings', doc)).toEqual([]);
          // no correction made on either desk is lost
          expect(final.amendments.map((a) => a.id).sort()).toEqual([...madeIds].sort());
          // its corrected fields are what its amendments, folded in order, set
          expect(applyAmendments(final)).toEqual(final);
          // status moves backwards or between finished states only by a correction that says so
          for (let i = 1; i < world.history.length; i += 1) {
            const before = world.history[i - 1] as Booking;
            const after = world.history[i] as Booking;
            if (!canMoveStatus(before.status, after.status)) {
              expect(after.amendments.length).toBeGreaterThan(before.amendments.length);
              // the corrections themselves set the new status (from the old one, they give the new)
              expect(applyAmendments({ ...after, status: before.status }).status).toBe(after.status);
              expect(isFinished(after)).toBe(true);
            }
          }
        },
      ),
      { numRuns: 400 },
    );
  });

  it('merging two desks\' corrections gives the same booking whichever side is the server', () => {
    const base = booking({ status: 'no_show', price: 2500 });
    const a = withAmendment(base, buildAmendment(base, { status: 'completed', price: 3000, reason: 'came late, was served' }, { device: 'dev-a', role: 'manager' }, '2026-03-02T10:00:00Z', 'am-a'), '2026-03-02T10:00:00Z');
    const b = withAmendment(base, buildAmendment(base, { price: 2800, staff: 'Ben', reason: 'discount, Ben did it' }, { device: 'dev-b', role: 'manager' }, '2026-03-02T11:00:00Z', 'am-b'), '2026-03-02T11:00:00Z');
    const ab = mergeDocument('bookings', { assumedMasterState: base, realMasterState: { ...a, _deleted: false }, newDocumentState: { ...b, _deleted: false } });
    const ba = mergeDocument('bookings', { assumedMasterState: base, realMasterState: { ...b, _deleted: false }, newDocumentState: { ...a, _deleted: false } });
    for (const doc of [ab, ba]) {
      expect(doc).toMatchObject({ status: 'completed', price: 2800, staff: 'Ben', service: 'Haircut' });
      expect(doc.amendments.map((x) => x.id)).toEqual(['am-a', 'am-b']);
    }
  });

  it('a plain change cannot undo a correction, and a removed amendment comes back', () => {
    const base = booking({ status: 'no_show' });
    const corrected = withAmendment(base, buildAmendment(base, { status: 'completed', reason: 'mis-click' }, { device: 'dev-a', role: 'manager' }, '2026-03-02T10:00:00Z', 'am-1'), '2026-03-02T10:00:00Z');
    const server = { ...corrected, _deleted: false };
    const sneaky = { ...corrected, status: 'no_show' as const, amendments: [], _deleted: false };
    const merged = mergeDocument('bookings', { assumedMasterState: server, realMasterState: server, newDocumentState: sneaky });
    expect(merged.status).toBe('completed');
    expect(merged.amendments.map((x) => x.id)).toEqual(['am-1']);
  });
});

describe('decidePush', () => {
  it('is idempotent: replaying a push that was applied changes nothing', () => {
    const master = booking();
    const row = { assumedMasterState: master, newDocumentState: booking({ status: 'completed' }) };
    const first = decidePush('bookings', master, row);
    expect(first.write?.status).toBe('completed');
    expect(first.conflict).toBeUndefined();
    expect(decidePush('bookings', first.write, row)).toEqual({});
  });

  it('returns the master as a conflict when the assumed state is stale', () => {
    const master = booking({ price: 3000 });
    const decision = decidePush('bookings', master, { assumedMasterState: booking(), newDocumentState: booking({ notes: 'x' }) });
    expect(decision).toEqual({ conflict: master });
  });

  it('resolves a backwards status move instead of storing it, and tells the desk', () => {
    const master = booking({ status: 'completed' });
    const decision = decidePush('bookings', master, { assumedMasterState: master, newDocumentState: booking({ status: 'scheduled', notes: 'n' }) });
    expect(decision.write).toEqual(booking({ status: 'completed', notes: 'n' }));
    expect(decision.conflict).toEqual(decision.write);
  });
});
