/**
 * Issue 8, found 6: a poison string never reaches the database. Unpaired UTF-16 surrogates and
 * NUL characters, in values and keys, are refused by the shared write rules with 400 naming the
 * document and field (never 500), nothing of the batch is stored, and the next valid push is
 * accepted. Against a real server process on PGlite and PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorBody, PullResponse } from '../../shared/sync/protocol';
import { customerDoc } from '../test-support/docs';
import { client } from '../test-support/http';
import { PROCESS_TARGETS, startHarness, type Harness } from './limits-harness';

// The messages shared/domain/string-rules.ts gives a person for each poison string.
const NUL_MESSAGE = 'must not contain a NUL character (U+0000)';
const SURROGATE_MESSAGE = 'contains a broken character (an unpaired UTF-16 surrogate, e.g. half of an emoji)';

const SLOW = 120_000;

describe.each(PROCESS_TARGETS)('broken strings in pushes on %s', { timeout: SLOW }, (target) => {
  let h: Harness;
  let desk: ReturnType<typeof client>;

  beforeAll(async () => {
    h = await startHarness(target, { devices: [{ branch: 'br-a', role: 'front_desk' }] });
    desk = client(h.url, h.devices[0]?.token as string);
  }, SLOW);
  afterAll(async () => h?.close(), SLOW);

  const customer = (id: string, over: Record<string, unknown> = {}) => ({ newDocumentState: { ...customerDoc({ id, registered_branch_id: 'br-a' }), ...over } });

  const cases: [string, Record<string, unknown>, string, string][] = [
    ['half an emoji (lone high surrogate)', { notes: `Loves ${'😀'.slice(0, 1)}` }, 'notes', SURROGATE_MESSAGE],
    ['a lone low surrogate in a tag', { tags: ['vip', '\udc00'] }, 'tags.1', SURROGATE_MESSAGE],
    ['a NUL character', { name: 'Ana\u0000Cruz' }, 'name', NUL_MESSAGE],
    ['a NUL in a nested value', { consent: { sms: { granted: false, at: '\u0000' }, email: { granted: false, at: '' }, push: { granted: false, at: '' } } }, 'consent.sms.at', NUL_MESSAGE],
    ['a field name with a NUL', { 'x\u0000': 'y' }, 'x\u0000', `field name ${NUL_MESSAGE}`],
  ];

  it.each(cases)('refuses %s with 400 naming document and field, storing nothing of the batch', async (_name, over, field, message) => {
    const id = `cu-poison-${field.replace(/\W/g, '')}`;
    const res = await desk.post('/api/sync/customers/push', [customer(`${id}-ok`), customer(id, over)]);
    expect(res.status).toBe(400);
    const body = res.body as ErrorBody;
    expect(body.details).toContainEqual({ document: id, collection: 'customers', field, message });
    expect(body.error).toContain(id);
    const pulled = (await desk.get('/api/sync/customers/pull?limit=1000')).body as PullResponse<{ id: string }>;
    expect(pulled.documents.map((d) => d.id)).not.toContain(`${id}-ok`);
  });

  it('refuses a birthday in the future (the shared date rule, as the desk applies it when writing), accepts a past one', async () => {
    const future = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
    const refused = await desk.post('/api/sync/customers/push', [customer('cu-born-later', { birthday: future })]);
    expect(refused.status).toBe(400);
    expect((refused.body as ErrorBody).details).toContainEqual({ document: 'cu-born-later', collection: 'customers', field: 'birthday', message: 'must be a past date after 1900' });
    const accepted = await desk.post('/api/sync/customers/push', [customer('cu-born-earlier', { birthday: '1990-04-02' })]);
    expect(accepted.status).toBe(200);
  });

  it('accepts whole emoji, and the next valid push after a refusal', async () => {
    const res = await desk.post('/api/sync/customers/push', [customer('cu-emoji', { notes: 'Loves 😀 and 👨‍👩‍👧 and 🇵🇭', name: 'Zoë 中文' })]);
    expect(res.status).toBe(200);
    const pulled = (await desk.get('/api/sync/customers/pull?limit=1000')).body as PullResponse<{ id: string; notes: string }>;
    expect(pulled.documents.find((d) => d.id === 'cu-emoji')?.notes).toBe('Loves 😀 and 👨‍👩‍👧 and 🇵🇭');
  });

  it('never answers 500 for a broken string in the assumed master state either', async () => {
    const doc = customerDoc({ id: 'cu-emoji', registered_branch_id: 'br-a' });
    const res = await desk.post('/api/sync/customers/push', [{ assumedMasterState: { ...doc, notes: '\ud800' }, newDocumentState: { ...doc, notes: 'fine' } }]);
    expect(res.status).toBeLessThan(500);
    expect(h.server.logs()).not.toMatch(/"level":50/);
  });
});
