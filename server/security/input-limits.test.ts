/**
 * Issue 8, found 5 and 6 (deep JSON): input limits apply before any work, against a real server
 * process on PGlite and PostgreSQL. A stranger's request is answered before its body is read;
 * bodies above a route's limit are refused without being read; deeply nested JSON is a 400.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../../shared/domain/schemas';
import { MAX_PUSH_BYTES, SCHEMA_HEADER, type ErrorBody } from '../../shared/sync/protocol';
import { BODY_LIMITS } from '../http/input-limits';
import { customerDoc } from '../test-support/docs';
import { PROCESS_TARGETS, startHarness, type Harness } from './limits-harness';
import { rawRequest } from './raw-http';

/** The nesting server/http/input-limits.ts documents it refuses beyond, before JSON.parse. */
const MAX_JSON_DEPTH = 32;

const SLOW = 120_000;
const SIXTEEN_MB = 16 * 1024 * 1024;

describe.each(PROCESS_TARGETS)('input limits before work on %s', { timeout: SLOW }, (target) => {
  let h: Harness;
  let token: string;

  beforeAll(async () => {
    h = await startHarness(target, { devices: [{ branch: 'br-a', role: 'front_desk' }] });
    token = h.devices[0]?.token as string;
  }, SLOW);
  afterAll(async () => h?.close(), SLOW);

  const pushHead = (auth: string | null, length: number) => ({
    'content-type': 'application/json',
    'content-length': String(length),
    [SCHEMA_HEADER]: String(SCHEMA_VERSION),
    ...(auth === null ? {} : { authorization: `Bearer ${auth}` }),
  });

  it('answers 120 concurrent bogus 16 MB pushes with 401 before any body byte is sent, and closes each connection', async () => {
    const answers = await Promise.all(
      Array.from({ length: 120 }, (_, i) =>
        rawRequest(h.url, { method: 'POST', path: '/api/sync/customers/push', headers: pushHead(i % 2 === 0 ? `bdt_bogus${i}` : null, SIXTEEN_MB), announceOnly: true }),
      ),
    );
    for (const a of answers) {
      expect(a.status).toBe(401);
      expect(a.bodyBytesSent).toBe(0);
      expect(a.closedByServer).toBe(true);
      expect((JSON.parse(a.body) as ErrorBody).error).toMatch(/device token/);
    }
    // The server is still answering normally afterwards.
    const health = await fetch(`${h.url}/health`);
    expect(health.status).toBe(200);
  });

  it('refuses a body above the push limit from a valid device before reading it (413, connection closed)', async () => {
    const a = await rawRequest(h.url, { method: 'POST', path: '/api/sync/customers/push', headers: pushHead(token, MAX_PUSH_BYTES + 1), announceOnly: true });
    expect(a.status).toBe(413);
    expect(a.bodyBytesSent).toBe(0);
    expect(a.closedByServer).toBe(true);
    expect((JSON.parse(a.body) as ErrorBody).error).toBe('the request body is too large');
  });

  it('keeps every other route far below the push limit (enrolment 1 KB, default 64 KB)', async () => {
    const enrol = await rawRequest(h.url, { method: 'POST', path: '/api/enroll', headers: { 'content-type': 'application/json', 'content-length': String(BODY_LIMITS.enrol + 1) }, announceOnly: true });
    expect(enrol.status).toBe(413);
    expect(enrol.bodyBytesSent).toBe(0);
    const lookup = await rawRequest(h.url, {
      method: 'POST',
      path: '/api/sync/customers/lookup',
      headers: pushHead(token, BODY_LIMITS.default + 1),
      announceOnly: true,
    });
    expect(lookup.status).toBe(413);
    // A stranger gets 401 there too, not 413: authentication comes first.
    const stranger = await rawRequest(h.url, { method: 'POST', path: '/api/sync/customers/lookup', headers: pushHead('bdt_nope', BODY_LIMITS.default + 1), announceOnly: true });
    expect(stranger.status).toBe(401);
  });

  it('refuses deeply nested JSON with 400 naming the problem, never 500', async () => {
    const headers = { ...pushHead(token, 0), 'content-type': 'application/json' };
    delete (headers as Record<string, string>)['content-length'];
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const res = await fetch(`${h.url}/api/sync/customers/push`, { method: 'POST', headers, body: deep });
    expect(res.status).toBe(400);
    expect(((await res.json()) as ErrorBody).error).toBe(`the request body is nested deeper than ${MAX_JSON_DEPTH} levels of arrays and objects`);

    // Nesting inside a document field: refused by the shape check, naming document and field.
    let notes: unknown = 'x';
    for (let i = 0; i < MAX_JSON_DEPTH - 4; i += 1) notes = { a: notes };
    const row = { newDocumentState: customerDoc({ id: 'cu-deep', notes: notes as string, registered_branch_id: 'br-a' }) };
    const inDoc = await fetch(`${h.url}/api/sync/customers/push`, { method: 'POST', headers, body: JSON.stringify([row]) });
    expect(inDoc.status).toBe(400);
    const body = (await inDoc.json()) as ErrorBody;
    expect(body.details?.[0]).toMatchObject({ document: 'cu-deep', field: 'notes' });

    // Brackets inside strings do not count as nesting.
    const brackets = customerDoc({ id: 'cu-brackets', notes: '['.repeat(1000), registered_branch_id: 'br-a' });
    const ok = await fetch(`${h.url}/api/sync/customers/push`, { method: 'POST', headers, body: JSON.stringify([{ newDocumentState: brackets }]) });
    expect(ok.status).toBe(200);
  });

  it('refuses prototype-poisoning keys with 400', async () => {
    const headers = { authorization: `Bearer ${token}`, [SCHEMA_HEADER]: String(SCHEMA_VERSION), 'content-type': 'application/json' };
    const res = await fetch(`${h.url}/api/sync/customers/push`, { method: 'POST', headers, body: '[{"newDocumentState":{"__proto__":{"x":1}}}]' });
    expect(res.status).toBe(400);
  });
});
