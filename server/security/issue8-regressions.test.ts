/**
 * Issue 8, items 1, 3 and 4, reproduced against a real server process (PGlite, and PostgreSQL
 * when DATABASE_URL is set) exactly as the outside tester did, with real device tokens. Each
 * test failed on the code before server/authz existed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deriveCustomerId } from '../../shared/domain/contact';
import type { CustomerDoc } from '../../shared/domain/schemas';
import { eraseCustomer } from '../../shared/privacy/erase';
import type { PullResponse, WireDoc } from '../../shared/sync/protocol';
import { bookingDoc, communicationDoc } from '../test-support/docs';
import { freshCustomer, freshId, recently, soon } from './attack-docs';
import { consentWhoAttacks } from './consent-who-attacks';
import { openTarget, pushDoc, TARGET_NAMES, type Actor, type Answer, type Target } from './harness';

type Doc = WireDoc<Record<string, unknown>>;
const SLOW = 120_000;

describe.each(TARGET_NAMES)('issue 8 attacks against a real server on %s', { timeout: SLOW }, (name) => {
  let t: Target;
  beforeAll(async () => {
    t = await openTarget(name);
  }, SLOW);
  afterAll(async () => {
    await t?.close();
  }, SLOW);

  const ids = async (who: Actor, collection: string): Promise<string[]> =>
    ((await who.get(`/api/sync/${collection}/pull?limit=2000`)).body as PullResponse<Doc>).documents.map((d) => d.id as string);
  const master = async (collection: string, id: string): Promise<Doc | undefined> =>
    ((await t.actors.hq.get(`/api/sync/${collection}/pull?limit=2000`)).body as PullResponse<Doc>).documents.find((d) => d.id === id);
  const push = (who: Actor, collection: string, next: Doc, assumed?: Doc): Promise<Answer> => pushDoc(who, collection, next, assumed ?? null);
  const details = (a: Answer) => (a.body as { details: { document?: string; field?: string }[] }).details;

  it('1: a booking at A for a customer known only at B is refused whole, and A reads nothing of B\'s customer', async () => {
    const booking = bookingDoc({ id: freshId('bk'), customer_id: 'cu-b2', branch_id: 'br-a', start_at: soon() });
    const res = await push(t.actors.fdA, 'bookings', booking as unknown as Doc);
    expect(res.status).toBe(403);
    expect(details(res)).toEqual([expect.objectContaining({ document: booking.id, field: 'customer_id' })]);
    expect(await master('bookings', booking.id)).toBeUndefined();
    expect(await ids(t.actors.fdA, 'customers')).not.toContain('cu-b2');
    expect((await t.actors.fdA.get('/api/privacy/customers/cu-b2/export')).status).toBe(404);
    // the documented path works: a walk-in lookup by exact phone links B's customer to A
    const found = await t.actors.fdA.post('/api/sync/customers/lookup', { phone: '+12125550123' });
    expect((found.body as { customers: { id: string }[] }).customers.map((c) => c.id)).toEqual(['cu-b1']);
    expect((await push(t.actors.fdA, 'bookings', bookingDoc({ id: freshId('bk'), customer_id: 'cu-b1', branch_id: 'br-a', start_at: soon() }) as unknown as Doc)).status).toBe(200);
  });

  it('1: a booking for a customer id that does not exist is refused (409) and never counted', async () => {
    const before = (await t.actors.hq.get('/api/metrics')).body as { all: { customers: number } };
    const booking = bookingDoc({ id: freshId('bk'), customer_id: 'cu-000999', branch_id: 'br-a', start_at: soon() });
    const res = await push(t.actors.fdA, 'bookings', booking as unknown as Doc);
    expect(res.status).toBe(409);
    expect(details(res)).toEqual([expect.objectContaining({ document: booking.id, field: 'customer_id' })]);
    expect(await master('bookings', booking.id)).toBeUndefined();
    const after = (await t.actors.hq.get('/api/metrics')).body as { all: { customers: number } };
    expect(after.all.customers).toBe(before.all.customers);
  });

  it('3: a front desk cannot erase or delete a customer by pushing; a manager cannot delete one outside its branch', async () => {
    const cu = (await master('customers', 'cu-a1')) as unknown as WireDoc<CustomerDoc>;
    const erased = await push(t.actors.fdA, 'customers', eraseCustomer(cu, recently()) as unknown as Doc, cu as unknown as Doc);
    expect(erased.status).toBe(403);
    expect(details(erased)).toEqual([expect.objectContaining({ document: 'cu-a1', field: 'erased_at' })]);
    expect((await master('customers', 'cu-a1'))?.erased_at).toBe('');
    // cu-b1 is served by B and (after the lookup above) by A: A's front desk may not delete it
    const shared = (await master('customers', 'cu-b1')) as Doc;
    expect((await push(t.actors.fdA, 'customers', { ...shared, _deleted: true }, shared)).status).toBe(403);
    const other = (await master('customers', 'cu-b2')) as Doc;
    expect((await push(t.actors.mgA, 'customers', { ...other, _deleted: true }, other)).status).toBe(403);
    expect((await master('customers', 'cu-b1'))?._deleted).toBe(false);
    expect((await master('customers', 'cu-b2'))?._deleted).toBe(false);
    // the manager of a linked branch may
    const mine = freshCustomer('br-a');
    expect((await push(t.actors.mgA, 'customers', mine)).status).toBe(200);
    expect((await push(t.actors.mgA, 'customers', { ...mine, _deleted: true }, mine)).status).toBe(200);
  });

  it('4: messages reach only customers in scope, with consent or a transactional purpose, and the outbox delivers only those', async () => {
    const toB = communicationDoc({ id: freshId('cm'), customer_id: 'cu-b2', branch_id: 'br-a', status: 'queued', purpose: 'appointment reminder', at: recently() });
    const refusedB = await push(t.actors.fdA, 'communications', toB as unknown as Doc);
    expect(refusedB.status).toBe(403);
    expect(details(refusedB)).toEqual([expect.objectContaining({ document: toB.id, field: 'customer_id' })]);
    // any text under a made-up purpose is not deliverable; marketing needs a manager
    const arbitrary = communicationDoc({ id: freshId('cm'), customer_id: 'cu-a1', branch_id: 'br-a', status: 'queued', purpose: 'follow-up', message: 'Buy now', at: recently() });
    expect((await push(t.actors.fdA, 'communications', arbitrary as unknown as Doc)).status).toBe(403);
    const marketing = { ...arbitrary, id: freshId('cm'), purpose: 'marketing' };
    expect((await push(t.actors.fdA, 'communications', marketing as unknown as Doc)).status).toBe(403);
    // a manager's marketing message to a customer without SMS consent is stored cancelled
    const noConsent = freshCustomer('br-a', { opted_in_marketing: false, consent: { sms: { granted: false, at: recently() }, email: { granted: false, at: '' }, push: { granted: false, at: '' } } });
    expect((await push(t.actors.mgA, 'customers', noConsent)).status).toBe(200);
    const unwanted = communicationDoc({ id: freshId('cm'), customer_id: noConsent.id as string, branch_id: 'br-a', status: 'queued', purpose: 'marketing', message: 'Offer', at: recently() });
    const cancelled = await push(t.actors.mgA, 'communications', unwanted as unknown as Doc);
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toEqual([expect.objectContaining({ id: unwanted.id, status: 'cancelled', error: 'cancelled: no marketing consent for sms' })]);
    // a transactional reminder to an own customer with a phone is delivered, exactly once
    const reminder = communicationDoc({ id: freshId('cm'), customer_id: 'cu-a1', branch_id: 'br-a', status: 'queued', purpose: 'appointment reminder', message: 'See you tomorrow', at: recently() });
    expect((await push(t.actors.fdA, 'communications', reminder as unknown as Doc)).status).toBe(200);
    for (let i = 0; i < 150 && (await master('communications', reminder.id))?.status !== 'sent'; i += 1) await new Promise((r) => setTimeout(r, 100));
    expect((await master('communications', reminder.id))?.status).toBe('sent');
    const sentIds = t.hook.requests.map((r) => (r.body as { id: string }).id);
    expect(sentIds).toEqual([reminder.id]);
    expect(t.hook.requests[0]?.body).toMatchObject({ to: '+639171234567', text: 'See you tomorrow' });
  });

  it('6: knowing or computing a customer id confers no access (every desk holds the secret)', async () => {
    const secret = t.actors.fdA.session.org.customer_id_secret;
    const phone = '+12125559876';
    const id = deriveCustomerId(secret, phone, '') as string;
    const atB = freshCustomer('br-b', { id, phone, name: 'Only at B', notes: 'private note' });
    expect((await push(t.actors.mgB, 'customers', atB)).status).toBe(200);
    // a computed id with any other contact than the customer's current one: refused, nothing linked
    const guess = freshCustomer('br-a', { id, phone: '+12125550000', name: 'Hijack' });
    expect((await push(t.actors.fdA, 'customers', guess)).status).toBe(403);
    expect(await ids(t.actors.fdA, 'customers')).not.toContain(id);
    expect((await push(t.actors.fdA, 'bookings', bookingDoc({ id: freshId('bk'), customer_id: id, branch_id: 'br-a', start_at: soon() }) as unknown as Doc)).status).toBe(403);
    // the customer's current phone is what a walk-in lookup needs too: linked, nothing written
    const same = freshCustomer('br-a', { id, phone, name: 'Overwrite' });
    const linked = await push(t.actors.fdA, 'customers', same, { ...same, name: 'Overwrite' });
    expect(linked.status).toBe(200);
    expect(linked.body).toEqual([expect.objectContaining({ id, name: 'Only at B', notes: 'private note' })]);
    expect((await master('customers', id))?.name).toBe('Only at B');
  });

  // on the same server process: consent changes record who and when
  describe('consent who and when', () => consentWhoAttacks(() => t));
});
