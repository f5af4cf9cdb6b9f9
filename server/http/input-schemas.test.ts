/**
 * The typed edge (input-schemas.ts) against a real server over HTTP: each part of a request is
 * checked by its route's schema, after the device, and a refusal names the part, the field, the
 * value and what it must be.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../../shared/domain/schemas';
import { SCHEMA_HEADER, MAX_PUSH_ROWS, type EnrolResponse, type ErrorBody } from '../../shared/sync/protocol';
import { DEFAULT_INSIGHT_RULES } from '../../shared/insights/business-rules';
import { importDataset } from '../services/import';
import { MAX_TREND_DAYS } from '../services/trend';
import { TARGETS, type TestDatabase } from '../test-support/databases';
import { twoBranches } from '../test-support/dataset';
import { client, enrolDevice, startTestServer, type TestServer } from '../test-support/http';

describe.each(TARGETS)('typed request edges on $name', (target) => {
  let db: TestDatabase;
  let server: TestServer;
  let desk: EnrolResponse;
  let hq: EnrolResponse;

  beforeAll(async () => {
    db = await target.open();
    await importDataset(db.store, twoBranches(), 0);
    server = await startTestServer(db.store);
    desk = await enrolDevice(db.store, server, 'br-a', 'front_desk');
    hq = await enrolDevice(db.store, server, '', 'hq');
  });
  afterAll(async () => {
    await server?.close();
    await db?.close();
  });

  async function send(method: string, path: string, token: string, body?: string): Promise<{ status: number; body: ErrorBody }> {
    const headers: Record<string, string> = { authorization: `Bearer ${token}`, [SCHEMA_HEADER]: String(SCHEMA_VERSION) };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(`${server.url}${path}`, { method, headers, ...(body === undefined ? {} : { body }) });
    return { status: res.status, body: (await res.json()) as ErrorBody };
  }

  it('names the query parameter, its value and what it must be', async () => {
    expect(await send('GET', '/api/sync/bookings/pull?limit=0', desk.token)).toEqual({
      status: 400,
      body: { error: 'limit "0" must be a whole number from 1 (at most 2000 are sent)', details: [{ field: 'limit', message: 'must be a whole number from 1 (at most 2000 are sent)' }] },
    });
    // Digits only: no sign, exponent or spaces, and one value per parameter.
    for (const stamp of ['-1', '1e3', '%205', '1.5', '1&stamp=2']) {
      const res = await send('GET', `/api/sync/bookings/pull?stamp=${stamp}`, desk.token);
      expect(res.status, stamp).toBe(400);
      expect(res.body.details, stamp).toEqual([{ field: 'stamp', message: 'must be a whole number' }]);
    }
    expect((await send('GET', '/api/metrics?as_of=2026-02-30', hq.token)).body).toEqual({
      error: 'as_of "2026-02-30" must be a date YYYY-MM-DD',
      details: [{ field: 'as_of', message: 'must be a date YYYY-MM-DD' }],
    });
    expect((await send('GET', `/api/metrics/trend?days=${MAX_TREND_DAYS + 1}`, hq.token)).body.error).toBe(`days "${MAX_TREND_DAYS + 1}" must be a whole number from 1 to ${MAX_TREND_DAYS}`);
    expect((await send('GET', '/api/metrics/trend?from=2026-02-30&to=2026-03-01', hq.token)).body.details).toEqual([{ field: 'from', message: 'must be a date YYYY-MM-DD' }]);
    expect((await send('GET', '/api/outbox/audit?from=yesterday', hq.token)).body.error).toBe('from "yesterday" must be an ISO 8601 instant (e.g. 2026-03-01T00:00:00Z)');
  });

  it('takes an empty parameter as absent, and checks rules between parameters in the handler', async () => {
    expect((await send('GET', '/api/sync/bookings/pull?stamp=&id=&limit=', desk.token)).status).toBe(200);
    expect(await send('GET', '/api/sync/bookings/count?id=bk-1', desk.token)).toEqual({
      status: 400,
      body: { error: '"id" needs "stamp"', details: [{ field: 'stamp', message: 'is required with id' }] },
    });
    expect((await send('GET', '/api/metrics/trend?days=', hq.token)).status).toBe(200);
  });

  it('answers 404 for a path parameter that names nothing', async () => {
    expect(await send('GET', '/api/sync/pets/pull', desk.token)).toEqual({ status: 404, body: { error: 'unknown collection "pets"' } });
  });

  it('checks the device before any input', async () => {
    for (const path of ['/api/sync/pets/pull?limit=0', '/api/metrics?as_of=x', '/api/outbox/audit?limit=x', '/api/privacy/customers/x/export']) {
      expect((await send('GET', path, 'bdt_nobody')).status, path).toBe(401);
    }
    // A front desk may not read the outbox's audit: 403, whatever it asks.
    expect((await send('GET', '/api/outbox/audit?limit=x', desk.token)).status).toBe(403);
    expect((await send('PUT', '/api/insights/rules', desk.token, '"nonsense"')).status).toBe(403);
  });

  it('names the body field, and never converts a body value', async () => {
    const rules = (over: Record<string, unknown>) => JSON.stringify({ ...DEFAULT_INSIGHT_RULES, ...over });
    expect(await send('PUT', '/api/insights/rules', hq.token, rules({ high_value_pct: '20' }))).toEqual({
      status: 400,
      body: { error: 'invalid request body: high_value_pct must be a whole percentage from 1 to 100', details: [{ field: 'high_value_pct', message: 'must be a whole percentage from 1 to 100' }] },
    });
    const short = await send('PUT', '/api/insights/rules', hq.token, rules({ rfm: { ...DEFAULT_INSIGHT_RULES.rfm, frequency: [1, 2, 3] } }));
    expect(short.body.details).toEqual([{ field: 'rfm.frequency', message: 'must be four whole numbers ≥ 0' }]);
    expect((await send('PUT', '/api/insights/rules', hq.token, rules({ rfm: undefined }))).body.error).toBe(
      'invalid request body: rfm is required (the RFM cut-offs {recency_days, frequency, monetary})',
    );
    expect((await send('POST', '/api/sync/customers/lookup', desk.token, '{"phone": 5}')).body.details).toEqual([{ field: 'phone', message: 'must be a phone number (text of at most 64 characters)' }]);
  });

  it('refuses a push body that is not rows of objects, and answers 413 past the row limit', async () => {
    const a = client(server.url, desk.token);
    expect(await a.post('/api/sync/bookings/push', { rows: [] })).toEqual({
      status: 400,
      body: { error: `the request body must be a JSON array of at most ${MAX_PUSH_ROWS} {assumedMasterState, newDocumentState} rows`, details: [{ field: '', message: `must be a JSON array of at most ${MAX_PUSH_ROWS} {assumedMasterState, newDocumentState} rows` }] },
    });
    expect((await a.post('/api/sync/bookings/push', [{ newDocumentState: {} }, { newDocumentState: 'x' }])).body).toEqual({
      error: 'invalid request body: 1.newDocumentState must be the document (an object)',
      details: [{ field: '1.newDocumentState', message: 'must be the document (an object)' }],
    });
    const many = await a.post('/api/sync/bookings/push', Array.from({ length: MAX_PUSH_ROWS + 1 }, () => ({ newDocumentState: {} })));
    expect(many).toEqual({ status: 413, body: { error: `the request body must be a JSON array of at most ${MAX_PUSH_ROWS} {assumedMasterState, newDocumentState} rows (got ${MAX_PUSH_ROWS + 1})` } });
  });
});
