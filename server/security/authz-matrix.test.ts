/**
 * The authorisation table (server/authz/policy.ts) attacked row by row against a real server
 * process: every role × every resource × every operation, inside its scope (branch A, its own)
 * and outside (branch B). The expectation comes from the same table the server enforces, and
 * every refused write is checked to have stored nothing. An entry of the table without an attack
 * here fails the suite, so table, PROTOCOL.md and tests cannot drift.
 */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eraseCustomer } from '../../shared/privacy/erase';
import type { BookingDoc } from '../../shared/domain/schemas';
import { buildAmendment, withAmendment } from '../../shared/schedule/corrections';
import { isPushCollection, type PullResponse, type PushCollection, type Role, type WireDoc } from '../../shared/sync/protocol';
import { policyEntries, ruleOf, type Operation, type Resource } from '../authz/policy';
import { REPO } from '../test-support/spawn';
import { edited, freshCustomer, freshDoc, freshId, recently } from './attack-docs';
import { openTarget, pushDoc, TARGET_NAMES, type Actor, type Answer, type Target } from './harness';

type Doc = WireDoc<Record<string, unknown>>;
const SLOW = 240_000;
const BRANCHES = ['br-a', 'br-b'] as const;

/** Whether `role` (of branch `own`) may do every one of `ops` on a document of branch `where`. */
function allowed(role: Role, own: string, resource: Resource, ops: readonly Operation[], where: string): boolean {
  return ops.every((op) => {
    const rule = ruleOf(role, resource, op);
    if (rule === 'deny') return false;
    if (rule === 'all') return true;
    return own !== '' && where === own;
  });
}

/** The policy table as Markdown, exactly as server/PROTOCOL.md must print it. */
function policyMarkdown(): string {
  const lines = ['| Resource | Operation | front_desk | manager | hq |', '| --- | --- | --- | --- | --- |'];
  for (const { resource, operation, rules } of policyEntries()) {
    lines.push(`| ${resource} | ${operation} | ${rules.front_desk} | ${rules.manager} | ${rules.hq} |`);
  }
  return lines.join('\n');
}

describe.each(TARGET_NAMES)('authorisation table against a real server on %s', { timeout: SLOW }, (name) => {
  let t: Target;
  const linked: Record<string, string> = {};

  beforeAll(async () => {
    t = await openTarget(name);
    // one customer linked to each branch (registered there by its manager), for references
    for (const b of BRANCHES) {
      const c = freshCustomer(b);
      expect((await manager(b).post('/api/sync/customers/push', [{ newDocumentState: c }])).status).toBe(200);
      linked[b] = c.id as string;
    }
  }, SLOW);
  afterAll(async () => {
    await t?.close();
  }, SLOW);

  const manager = (branch: string): Actor => (branch === 'br-a' ? t.actors.mgA : t.actors.mgB);
  const attackers = (): Actor[] => [t.actors.fdA, t.actors.mgA, t.actors.hq];

  async function master(collection: string, id: string): Promise<Doc | undefined> {
    // HQ reads every branch's documents, except passcode hashes (members): their managers do
    const readers = ruleOf('hq', collection as Resource, 'read') === 'all' ? [t.actors.hq] : [t.actors.mgA, t.actors.mgB];
    for (const who of readers) {
      const res = await who.get(`/api/sync/${collection}/pull?limit=2000`);
      expect(res.status).toBe(200);
      const found = (res.body as PullResponse<Doc>).documents.find((d) => d.id === id);
      if (found !== undefined) return found;
    }
    return undefined;
  }

  /** A document of `collection` that exists at `branch` (created there by its manager). */
  async function existing(collection: PushCollection, branch: string): Promise<Doc> {
    // branches are created by the server's import only: the branch itself is the existing document
    if (collection === 'branches') return (await master('branches', branch)) as Doc;
    if (collection === 'branch_settings') {
      const current = await master('branch_settings', branch);
      if (current !== undefined && !current._deleted) return current;
    }
    const doc = freshDoc(collection, branch, linked[branch] as string);
    const res = await manager(branch).post(`/api/sync/${collection}/push`, [{ newDocumentState: doc }]);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return (await master(collection, doc.id as string)) as Doc;
  }

  const push = (who: Actor, collection: PushCollection, next: Doc, assumed?: Doc): Promise<Answer> => pushDoc(who, collection, next, assumed ?? null);

  /** Runs one attack; returns the answer and the operations the policy must allow for it. */
  async function attack(who: Actor, resource: Resource, op: Operation, where: string): Promise<{ answer: Answer; ops: Operation[]; stored: () => Promise<boolean>; scope?: string } | null> {
    if (isPushCollection(resource)) {
      const collection = resource;
      if (op === 'create') {
        const doc = freshDoc(collection, where, linked[where] as string);
        if (collection === 'branch_settings') {
          const was = await master('branch_settings', where);
          const next = edited(collection, was ?? doc);
          const answer = await push(who, collection, next, was);
          return { answer, ops: [was === undefined ? 'create' : 'update'], stored: async () => (await master(collection, where))?.offer === next.offer };
        }
        const answer = await push(who, collection, doc);
        return { answer, ops: ['create'], stored: async () => (await master(collection, doc.id as string)) !== undefined };
      }
      if (op === 'update' || op === 'delete' || op === 'erase') {
        const before = await existing(collection, where);
        const next = op === 'update' ? edited(collection, before) : op === 'delete' ? { ...before, _deleted: true } : (eraseCustomer(before as never, recently()) as unknown as Doc);
        const answer = await push(who, collection, next, before);
        const ops: Operation[] = op === 'update' ? ['update'] : ['update', op];
        return { answer, ops, stored: async () => JSON.stringify(await master(collection, before.id as string)) !== JSON.stringify(before) };
      }
      if (op === 'correct') {
        // a finished visit at `where`, corrected (price and outcome, with a reason) by `who`
        const before = await existing('bookings', where);
        const finished = { ...before, status: 'no_show' };
        expect((await push(manager(where), 'bookings', finished, before)).status).toBe(200);
        const stored = (await master('bookings', before.id as string)) as Doc;
        const b = stored as unknown as BookingDoc;
        const amendment = buildAmendment(b, { status: 'completed', price: b.price + 500, reason: 'served after all' }, { device: 'attacker', role: who.role }, recently(), freshId('am'));
        const next = { ...withAmendment(b, amendment, recently()), _deleted: false } as unknown as Doc;
        const answer = await push(who, 'bookings', next, stored);
        return { answer, ops: ['update', 'correct'], stored: async () => ((await master('bookings', before.id as string))?.amendments as unknown[]).length > 0 };
      }
      if (op === 'series') {
        // an occurrence of a series at `where`, moved into another series by `who`
        const before = await existing('bookings', where);
        const next = { ...before, series: { id: freshId('sr'), index: 1, count: 2 } };
        const answer = await push(who, 'bookings', next, before);
        return { answer, ops: ['update', 'series'], stored: async () => (await master('bookings', before.id as string))?.series !== null };
      }
      if (op === 'pay') {
        // a visit at `where`, completed with how it was paid (cash) by `who`
        const before = await existing('bookings', where);
        const price = before.price as number;
        const payment = { subtotal: price, discount: null, tip: 100, tenders: [{ method: 'cash', amount: price + 100 }], paid_at: recently() };
        const answer = await push(who, 'bookings', { ...before, status: 'completed', payment }, before);
        return { answer, ops: ['update', 'pay'], stored: async () => (await master('bookings', before.id as string))?.payment !== null };
      }
      if (op === 'send') {
        const doc: Doc = { ...freshDoc('campaigns', where, ''), status: 'queued', sent_at: recently(), audience_size: 1 };
        const answer = await push(who, 'campaigns', doc);
        return { answer, ops: ['create', 'send'], stored: async () => (await master('campaigns', doc.id as string)) !== undefined };
      }
      if (op === 'queue_marketing' || op === 'queue_transactional') {
        const doc: Doc = {
          ...freshDoc('communications', where, linked[where] as string),
          status: 'queued',
          purpose: op === 'queue_marketing' ? 'marketing' : 'appointment reminder',
          message: 'Attack message',
        };
        const answer = await push(who, 'communications', doc);
        return { answer, ops: ['create', op], stored: async () => (await master('communications', doc.id as string)) !== undefined };
      }
      if (op === 'lookup') {
        const c = freshCustomer(where);
        expect((await push(manager(where), 'customers', c)).status).toBe(200);
        const answer = await who.post('/api/sync/customers/lookup', { phone: c.phone });
        if (answer.status === 200) expect((answer.body as { customers: Doc[] }).customers.map((d) => d.id)).toEqual([c.id]);
        // a lookup links the match to the asking branch: any branch device may, whichever branch served the customer
        return { answer, ops: ['lookup'], stored: async () => false, scope: who.branch };
      }
      if (op === 'export') {
        const c = await existing('customers', where);
        const answer = await who.get(`/api/privacy/customers/${c.id as string}/export`);
        return { answer, ops: ['export'], stored: async () => false };
      }
      if (op === 'consent_history') {
        const c = await existing('customers', where);
        const answer = await who.get(`/api/customers/${c.id as string}/consent`);
        if (answer.status === 200) expect((answer.body as { customer_id: string }).customer_id).toBe(c.id);
        return { answer, ops: ['consent_history'], stored: async () => false };
      }
    }
    if (op === 'read') {
      if (resource === 'metrics') {
        const answer = await who.get('/api/metrics');
        if (answer.status === 200) {
          const keys = Object.keys((answer.body as { branches: Record<string, unknown> }).branches);
          expect(keys).toEqual(ruleOf(who.role, 'metrics', 'read') === 'all' ? [...BRANCHES] : [who.branch]);
        }
        // a device asks for the metrics of its scope: there is no other branch to ask for
        return { answer, ops: ['read'], stored: async () => false, scope: who.branch };
      }
      if (resource === 'outbox_audit') {
        const answer = await who.get(`/api/outbox/audit?branch_id=${where}`);
        if (answer.status === 200) for (const e of (answer.body as { entries: { branch_id: string }[] }).entries) expect(e.branch_id).toBe(where);
        return { answer, ops: ['read'], stored: async () => false };
      }
      if (resource === 'reminder_settings' || resource === 'reminder_report') {
        const answer = await who.get(`/api/reminders/${resource === 'reminder_settings' ? 'settings' : 'report'}?branch_id=${where}`);
        if (answer.status === 200) expect((answer.body as { branch_id: string }).branch_id).toBe(where);
        return { answer, ops: ['read'], stored: async () => false };
      }
      if (resource === 'customer_lists') {
        const answer = await who.get(`/api/metrics/customers?branch_id=${where}&status=active`);
        if (answer.status === 200) expect((answer.body as { branch_id: string }).branch_id).toBe(where);
        return { answer, ops: ['read'], stored: async () => false };
      }
      if (resource === 'revenue') {
        const answer = await who.get('/api/metrics/revenue?from=2026-01-01&to=2026-03-31');
        if (answer.status === 200) {
          const keys = Object.keys((answer.body as { branches: Record<string, unknown> }).branches).sort();
          expect(keys).toEqual(ruleOf(who.role, 'revenue', 'read') === 'all' ? [...BRANCHES] : [who.branch]);
        }
        // a device asks for the revenue of its scope: there is no other branch to ask for
        return { answer, ops: ['read'], stored: async () => false, scope: who.branch };
      }
      if (resource === 'insight_rules') return { answer: await who.get('/api/insights/rules'), ops: ['read'], stored: async () => false, scope: who.branch };
      if (resource === 'org_money') return { answer: await who.get('/api/org/money'), ops: ['read'], stored: async () => false, scope: who.branch };
      if (resource === 'retention_model') {
        const answer = await who.get('/api/retention/model');
        if (answer.status === 200) expect(answer.body).toHaveProperty('model');
        // reference data of the whole business: there is no other branch to ask for
        return { answer, ops: ['read'], stored: async () => false, scope: who.branch };
      }
      if (resource === 'retention_outlook') {
        const answer = await who.get('/api/retention/outlook');
        if (answer.status === 200) {
          const branches = (answer.body as { branches: Record<string, unknown> | null }).branches;
          // the harness's two-branch business is too small to fit: no figures, for anyone
          expect(branches).toBeNull();
        }
        return { answer, ops: ['read'], stored: async () => false, scope: who.branch };
      }
      const seeded = resource === 'branches' ? { id: where } : await existing(resource as PushCollection, where);
      const answer = await who.get(`/api/sync/${resource}/pull?limit=2000`);
      // a role the table denies every document of the collection (hq: members) is refused outright
      if (ruleOf(who.role, resource, 'read') === 'deny' && answer.status === 403) return { answer, ops: ['read'], stored: async () => false };
      expect(answer.status).toBe(200);
      const docs = (answer.body as PullResponse<Doc>).documents;
      const count = await who.get(`/api/sync/${resource}/count`);
      expect(count.body).toEqual({ count: docs.length });
      const rule = ruleOf(who.role, resource, 'read');
      if (rule === 'branch') for (const d of docs) expect(d.branch_id, `${resource} ${String(d.id)}`).toBe(who.branch);
      // "answer" 200 when the seeded document is visible, 403 when it is not (what the table predicts)
      return { answer: { status: docs.some((d) => d.id === seeded.id) ? 200 : 403, body: null }, ops: ['read'], stored: async () => false };
    }
    if (resource === 'retention_model' && op === 'write') {
      // no device may replace the parameters every desk predicts with, by any method
      const before = JSON.stringify((await t.actors.hq.get('/api/retention/model')).body);
      const forged = { ok: true, as_of: '2026-03-01', fitted_at: '2026-03-01T00:00:00.000Z', fit_ms: 1, model: { bgnbd: { r: 1, alpha: 1, a: 1, b: 1 }, gamma_gamma: { p: 1, q: 2, gamma: 1 }, pairs: 1, spend_pairs: 1 } };
      const answers = [await who.put('/api/retention/model', forged), await who.post('/api/retention/model', forged)];
      const answer = answers.find((a) => a.status < 400) ?? answers[0] ?? { status: 404, body: null };
      return { answer, ops: ['write'], stored: async () => JSON.stringify((await t.actors.hq.get('/api/retention/model')).body) !== before, scope: who.branch };
    }
    if (resource === 'insight_rules' && op === 'write') {
      const current = (await t.actors.hq.get('/api/insights/rules')).body as { rules: unknown };
      return { answer: await who.put('/api/insights/rules', current.rules), ops: ['write'], stored: async () => false, scope: who.branch };
    }
    if (resource === 'org_money' && op === 'write') {
      // a distinct VIP boundary per attempt, so "stored" can tell whether this very write landed
      const current = (await t.actors.hq.get('/api/org/money')).body as { currency: string; spending: { vipAbove: number; highFrom: number; mediumFrom: number } };
      const vipAbove = current.spending.vipAbove + 1 + Math.floor(Math.random() * 1000);
      const answer = await who.put('/api/org/money', { currency: current.currency, spending: { ...current.spending, vipAbove } });
      return { answer, ops: ['write'], stored: async () => ((await t.actors.hq.get('/api/org/money')).body as typeof current).spending.vipAbove === vipAbove, scope: who.branch };
    }
    if (resource === 'reminder_settings' && op === 'write') {
      // a distinct template per attempt, so "stored" can tell whether this very write landed
      const template = `Hi {first_name}, see you {date} at {time} (${freshId('t')})`;
      const answer = await who.put(`/api/reminders/settings?branch_id=${where}`, { template });
      return {
        answer,
        ops: ['write'],
        stored: async () => ((await manager(where).get(`/api/reminders/settings?branch_id=${where}`)).body as { template: string }).template === template,
      };
    }
    return null;
  }

  for (const entry of policyEntries()) {
    it(`${entry.resource} ${entry.operation}: every role, inside and outside its scope`, async () => {
      for (const who of attackers()) {
        for (const where of BRANCHES) {
          const result = await attack(who, entry.resource, entry.operation, where);
          if (result === null) throw new Error(`no attack written for ${entry.resource} ${entry.operation}: add one (the table and the suite must match)`);
          const ok = allowed(who.role, who.branch, entry.resource, result.ops, result.scope ?? where);
          const label = `${who.name} ${entry.operation} ${entry.resource} at ${where}: ${JSON.stringify(result.answer.body)}`;
          if (ok) {
            expect(result.answer.status, label).toBe(200);
          } else {
            expect([403, 404], label).toContain(result.answer.status);
            expect(await result.stored(), `${label} stored something`).toBe(false);
          }
        }
      }
    });
  }

  it('erase over HTTP: manager of a linked branch and hq only', async () => {
    for (const who of attackers()) {
      for (const where of BRANCHES) {
        const c = await existing('customers', where);
        const answer = await who.post(`/api/privacy/customers/${c.id as string}/erase`, {});
        const ok = allowed(who.role, who.branch, 'customers', ['erase'], where);
        expect(answer.status, `${who.name} erase at ${where}`).toBe(ok ? 200 : answer.status === 404 ? 404 : 403);
        if (!ok) expect((await master('customers', c.id as string))?.erased_at).toBe('');
      }
    }
  });

  it('server/PROTOCOL.md prints exactly this table', async () => {
    const protocol = await readFile(`${REPO}/server/PROTOCOL.md`, 'utf8');
    expect(protocol).toContain(policyMarkdown());
  });
});
