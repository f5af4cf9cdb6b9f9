import { describe, expect, it } from 'vitest';
import { formatWait, isFatal, problemKind, problemMessage, SyncHttpError, SyncNetworkError, SyncProtocolError } from './errors';

describe('sync errors', () => {
  it('classifies HTTP statuses', () => {
    expect(new SyncHttpError(401, null).kind).toBe('revoked');
    expect(new SyncHttpError(426, null).kind).toBe('outdated');
    expect(new SyncHttpError(429, null, 30).kind).toBe('rate-limited');
    expect(new SyncHttpError(403, null).kind).toBe('forbidden');
    expect(new SyncHttpError(400, null).kind).toBe('rejected');
    expect(new SyncHttpError(413, null).kind).toBe('rejected');
    expect(new SyncHttpError(503, null).kind).toBe('server');
    expect(problemKind(new SyncNetworkError('x'))).toBe('unreachable');
    expect(problemKind(new SyncProtocolError('x'))).toBe('protocol');
    expect(isFatal('revoked')).toBe(true);
    expect(isFatal('outdated')).toBe(true);
    expect(isFatal('rejected')).toBe(false);
  });

  it('names the document and the field the server refused', () => {
    const error = new SyncHttpError(400, {
      error: 'invalid push',
      details: [{ document: 'bk-9', collection: 'bookings', field: 'start_at', message: 'must be within 5 years of today' }],
    });
    expect(problemMessage(error)).toBe('The server refused a change — booking bk-9: start_at must be within 5 years of today');
    // A detail without a document names only the field.
    expect(problemMessage(new SyncHttpError(400, { error: 'bad', details: [{ field: 'code', message: 'is required' }] }))).toBe('The server refused a change — code is required');
  });

  it('retries a push naming a record the server does not have yet (409), saying which', () => {
    const error = new SyncHttpError(409, {
      error: 'push refused',
      details: [{ document: 'bk-2', collection: 'bookings', field: 'customer_id', message: 'customer "cu-9" is not on the server' }],
    });
    expect(error.kind).toBe('server');
    expect(isFatal(error.kind)).toBe(false);
    expect(problemMessage(error)).toBe('Waiting for a related record to reach the server first — booking bk-2: customer_id customer "cu-9" is not on the server; retrying.');
  });

  it('tells an outdated or revoked desk what to do, and how long to wait after 429', () => {
    expect(problemMessage(new SyncHttpError(426, { error: 'old' }))).toMatch(/update the app/);
    expect(problemMessage(new SyncHttpError(401, { error: 'unknown token' }))).toMatch(/unpaired or its access was revoked/);
    expect(problemMessage(new SyncHttpError(429, { error: 'slow down' }, 42))).toBe('Too many attempts: try again in 42 seconds.');
    expect(formatWait(1)).toBe('1 second');
    expect(formatWait(600)).toBe('10 minutes');
  });
});
