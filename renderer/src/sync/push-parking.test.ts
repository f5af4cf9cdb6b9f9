import { describe, expect, it } from 'vitest';
import type { PushRow, WireDoc } from '../../../shared/sync/protocol';
import type { AnyDoc } from './api';
import { SyncHttpError, SyncNetworkError } from './errors';
import { pushWithParking } from './push-parking';
import { RefusedStore } from './refused-store';

const doc = (id: string, extra: Record<string, unknown> = {}): WireDoc<AnyDoc> => ({ id, v: 1, _deleted: false, ...extra }) as unknown as WireDoc<AnyDoc>;
const row = (id: string, extra: Record<string, unknown> = {}, base: WireDoc<AnyDoc> | null = null): PushRow<AnyDoc> => ({ assumedMasterState: base, newDocumentState: doc(id, extra) });

/** A server that refuses documents whose `bad` is set; it names them only when `names` is true. */
function server(names: boolean) {
  const sent: string[][] = [];
  const stored = new Map<string, unknown>();
  const push = async (rows: PushRow<AnyDoc>[]): Promise<WireDoc<AnyDoc>[]> => {
    sent.push(rows.map((r) => r.newDocumentState.id));
    const bad = rows.find((r) => (r.newDocumentState as unknown as { bad?: boolean }).bad === true);
    if (bad !== undefined) throw new SyncHttpError(400, { error: 'invalid', details: names ? [{ document: bad.newDocumentState.id, field: 'bad', message: 'is not allowed' }] : [] });
    for (const r of rows) stored.set(r.newDocumentState.id, r);
    return [];
  };
  return { push, sent, stored };
}

describe('pushWithParking', () => {
  it('parks the documents a refusal names and sends the rest', async () => {
    const s = server(true);
    const refused = new RefusedStore(null);
    await pushWithParking({ collection: 'bookings', rows: [row('a'), row('b', { bad: true }), row('c'), row('d', { bad: true })], push: s.push, refused, now: () => 1 });
    expect([...s.stored.keys()].sort()).toEqual(['a', 'c']);
    expect(refused.list().map((r) => [r.id, r.field, r.message])).toEqual([
      ['b', 'bad', 'is not allowed'],
      ['d', 'bad', 'is not allowed'],
    ]);
  });

  it('splits a batch refused without naming a document until each refused one stands alone', async () => {
    const s = server(false);
    const refused = new RefusedStore(null);
    const rows = ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((id) => row(id, id === 'e' ? { bad: true } : {}));
    await pushWithParking({ collection: 'bookings', rows, push: s.push, refused, now: () => 1 });
    expect([...s.stored.keys()].sort()).toEqual(['a', 'b', 'c', 'd', 'f', 'g']);
    expect(refused.list().map((r) => r.id)).toEqual(['e']);
    expect(refused.get('bookings', 'e')?.message).toBe('invalid');
  });

  it('does not resend a parked document until it changed; a fix goes from the server version it started from', async () => {
    const s = server(true);
    const refused = new RefusedStore(null);
    const base = doc('x', { v: 0 });
    await pushWithParking({ collection: 'bookings', rows: [row('x', { bad: true }, base)], push: s.push, refused, now: () => 1 });
    expect(refused.get('bookings', 'x')?.base).toEqual(base);
    s.sent.length = 0;
    // RxDB now assumes the refused state is the master's: the unchanged document is not sent again
    await pushWithParking({ collection: 'bookings', rows: [row('x', { bad: true }, doc('x', { bad: true }))], push: s.push, refused, now: () => 2 });
    expect(s.sent).toEqual([]);
    await pushWithParking({ collection: 'bookings', rows: [row('x', { v: 2 }, doc('x', { bad: true }))], push: s.push, refused, now: () => 3 });
    expect((s.stored.get('x') as PushRow<AnyDoc>).assumedMasterState).toEqual(base);
    expect(refused.list()).toEqual([]);
  });

  it('a 409 (waiting for a related record) sends the rest of the batch, then lets RxDB retry the batch', async () => {
    const refused = new RefusedStore(null);
    const stored: string[] = [];
    const push = async (rows: PushRow<AnyDoc>[]): Promise<WireDoc<AnyDoc>[]> => {
      if (rows.some((r) => r.newDocumentState.id === 'w')) throw new SyncHttpError(409, { error: 'unknown customer', details: [{ document: 'w', field: 'customer_id', message: 'not on the server yet' }] });
      stored.push(...rows.map((r) => r.newDocumentState.id));
      return [];
    };
    await expect(pushWithParking({ collection: 'bookings', rows: [row('a'), row('w'), row('b')], push, refused, now: () => 1 })).rejects.toBeInstanceOf(SyncHttpError);
    expect(stored).toEqual(['a', 'b']);
    expect(refused.list()).toEqual([]);
  });

  it('leaves other errors to RxDB (retried as a whole)', async () => {
    const refused = new RefusedStore(null);
    const push = async (): Promise<WireDoc<AnyDoc>[]> => {
      throw new SyncNetworkError('offline');
    };
    await expect(pushWithParking({ collection: 'bookings', rows: [row('a')], push, refused, now: () => 1 })).rejects.toBeInstanceOf(SyncNetworkError);
    const server500 = async (): Promise<WireDoc<AnyDoc>[]> => {
      throw new SyncHttpError(500, { error: 'boom' });
    };
    await expect(pushWithParking({ collection: 'bookings', rows: [row('a')], push: server500, refused, now: () => 1 })).rejects.toBeInstanceOf(SyncHttpError);
    expect(refused.list()).toEqual([]);
  });
});
