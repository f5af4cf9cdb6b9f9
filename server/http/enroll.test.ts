import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EnrolResponse, ErrorBody, SessionInfo } from '../../shared/sync/protocol';
import { createEnrolmentCode } from '../store/auth';
import { importDataset } from '../services/import';
import { ManualClock, TARGETS, type TestDatabase } from '../test-support/databases';
import { twoBranches } from '../test-support/dataset';
import { client, startTestServer, type TestServer } from '../test-support/http';
import { FREE_FAILURES } from '../security/backoff-bound';

describe.each(TARGETS)('enrolment and device tokens on $name', (target) => {
  let db: TestDatabase;
  let server: TestServer;
  const clock = new ManualClock(Date.parse('2026-03-01T06:00:00Z'));

  const enrol = (code: unknown, ip?: string) =>
    fetch(`${server.url}/api/enroll`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(ip ? { 'x-forwarded-for': ip } : {}) },
      body: JSON.stringify({ code }),
    });

  beforeAll(async () => {
    db = await target.open({ clock: clock.read });
    await importDataset(db.store, twoBranches(), 0);
    server = await startTestServer(db.store);
  });
  afterAll(async () => {
    await server?.close();
    await db?.close();
  });

  it('redeems a code once for a token stored only as a hash', async () => {
    const { code } = await createEnrolmentCode(db.store, 'br-a', 'front_desk');
    expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    // Typed loosely (lower case, no dashes) it still works.
    const res = await enrol(code.toLowerCase().replace(/-/g, ''));
    expect(res.status).toBe(200);
    const body = (await res.json()) as EnrolResponse;
    expect(body).toMatchObject({ role: 'front_desk', branch_id: 'br-a' });
    const stored = await db.store.db.query<{ token_hash: string }>('SELECT token_hash FROM devices WHERE id = $1', [body.device_id]);
    // Only the token's SHA-256 (hex) is stored, never the token.
    expect(stored[0]?.token_hash).toBe(createHash('sha256').update(body.token).digest('hex'));
    const codes = await db.store.db.query<{ code_hash: string }>('SELECT code_hash FROM enrolment_codes');
    expect(codes.every((c) => /^[0-9a-f]{64}$/.test(c.code_hash) && !c.code_hash.includes(code))).toBe(true);
    const session = await client(server.url, body.token).get('/api/session');
    expect(session.body).toMatchObject({ device_id: body.device_id, role: 'front_desk', branch_id: 'br-a' } satisfies Partial<SessionInfo>);

    const reuse = await enrol(code);
    expect(reuse.status).toBe(401);
    expect(((await reuse.json()) as ErrorBody).error).toBe('this enrolment code was already used');
  });

  it('rejects an expired code', async () => {
    const { code } = await createEnrolmentCode(db.store, 'br-b', 'manager', 60_000);
    clock.advance(60_001);
    const res = await enrol(code, '10.0.0.2');
    expect(res.status).toBe(401);
    expect(((await res.json()) as ErrorBody).error).toBe('this enrolment code has expired');
  });

  it('refuses codes for unknown branches and branch roles without a branch', async () => {
    await expect(createEnrolmentCode(db.store, 'br-zz', 'front_desk')).rejects.toThrow(/unknown branch "br-zz"/);
    await expect(createEnrolmentCode(db.store, '', 'manager')).rejects.toThrow(/needs --branch/);
    const { code } = await createEnrolmentCode(db.store, '', 'hq');
    expect((await enrol(code, '10.0.0.3')).status).toBe(200);
  });

  it('slows down repeated failures from one address with 429 and Retry-After', async () => {
    const ip = '10.9.9.9';
    for (let i = 0; i < FREE_FAILURES; i += 1) expect((await enrol('AAAA-BBBB-CCCC-DDDD', ip)).status).toBe(401);
    const { code } = await createEnrolmentCode(db.store, 'br-a', 'front_desk');
    const blocked = await enrol(code, ip);
    expect(blocked.status).toBe(429);
    const wait = Number(blocked.headers.get('retry-after'));
    expect(wait).toBeGreaterThan(0);
    // Another address is not affected; after the wait the blocked one may try again.
    expect((await enrol('AAAA-BBBB-CCCC-DDDD', '10.1.1.1')).status).toBe(401);
    clock.advance(wait * 1000);
    expect((await enrol(code, ip)).status).toBe(200);
    // Failures keep growing the lock-out.
    for (let i = 0; i < FREE_FAILURES; i += 1) await enrol('AAAA-BBBB-CCCC-DDDD', '10.7.7.7');
    const first = Number((await enrol('x', '10.7.7.7')).headers.get('retry-after'));
    clock.advance(first * 1000);
    expect((await enrol('AAAA-BBBB-CCCC-DDDD', '10.7.7.7')).status).toBe(401);
    const second = Number((await enrol('x', '10.7.7.7')).headers.get('retry-after'));
    expect(second).toBeGreaterThan(first);
  });

  it('validates the enrolment body', async () => {
    const res = await fetch(`${server.url}/api/enroll`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ details: [{ field: 'code' }] });
  });
});
