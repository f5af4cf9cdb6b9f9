import { describe, expect, it } from 'vitest';
import type { StreamMessage } from '../../../shared/sync/protocol';
import { SyncHttpError, SyncNetworkError } from './errors';
import { StreamReader, type StreamState } from './stream-reader';

/** A text/event-stream response whose chunks the test writes and ends. */
function sseResponse(): { response: Response; write(text: string): void; close(): void } {
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const stream = new ReadableStream<Uint8Array>({ start: (c) => (controller = c) });
  const encoder = new TextEncoder();
  return {
    response: new Response(stream, { headers: { 'content-type': 'text/event-stream' } }),
    write: (text) => controller.enqueue(encoder.encode(text)),
    close: () => controller.close(),
  };
}

function deferred<T>(): { promise: Promise<T>; resolve(value: T): void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe('StreamReader', () => {
  it('dispatches resync and changes, and reconnects with growing back-off after the stream drops', async () => {
    const messages: StreamMessage[] = [];
    const states: StreamState[] = [];
    const sleeps: number[] = [];
    const connections: ReturnType<typeof sseResponse>[] = [];
    const opened = [deferred<true>(), deferred<true>(), deferred<true>()];
    const stopped = deferred<true>();
    const secondResync = deferred<true>();
    let calls = 0;
    const reader = new StreamReader({
      openStream: async () => {
        calls += 1;
        if (calls === 2) throw new SyncNetworkError('refused');
        const c = sseResponse();
        connections.push(c);
        opened[connections.length - 1]?.resolve(true);
        return c.response;
      },
      onMessage: (m) => {
        messages.push(m);
        if (messages.filter((x) => x.type === 'resync').length === 2) secondResync.resolve(true);
      },
      onState: (s) => {
        states.push(s);
        if (s.phase === 'stopped') stopped.resolve(true);
      },
      onFatal: () => undefined,
      backoff: { baseMs: 1000, maxMs: 30_000, random: () => 0 },
      sleep: async (ms) => {
        sleeps.push(ms);
      },
    });
    reader.start();
    await opened[0]?.promise;
    const first = connections[0];
    first?.write('data: {"type":"resync"}\n\n: ping\n\ndata: {"type":"change","collection":"bookings",');
    first?.write('"documents":[{"id":"bk-1","_deleted":false}],"checkpoint":{"stamp":4,"id":"bk-1"}}\n\n');
    first?.close();
    await opened[1]?.promise;
    // first drop after a healthy connection: attempt 0 → 500 ms; refused connection: attempt 1 → 1000 ms
    expect(sleeps).toEqual([500, 1000]);
    expect(messages).toEqual([
      { type: 'resync' },
      { type: 'change', collection: 'bookings', documents: [{ id: 'bk-1', _deleted: false }], checkpoint: { stamp: 4, id: 'bk-1' } },
    ]);
    expect(states.map((s) => s.phase)).toEqual(['connecting', 'open', 'waiting', 'connecting', 'waiting', 'connecting']);
    expect(sleeps).toEqual([500, 1000]);
    connections[1]?.write('data: {"type":"resync"}\n\n');
    await secondResync.promise;
    await reader.stop();
    await stopped.promise;
    expect(messages.filter((m) => m.type === 'resync')).toHaveLength(2);
    expect(reader.isRunning).toBe(false);
  });

  it('stops for good on 401 and 426 and reports it', async () => {
    for (const status of [401, 426]) {
      const fatal = deferred<SyncHttpError>();
      const reader = new StreamReader({
        openStream: async () => {
          throw new SyncHttpError(status, { error: 'no' });
        },
        onMessage: () => undefined,
        onState: () => undefined,
        onFatal: (e) => fatal.resolve(e),
        sleep: async () => undefined,
      });
      reader.start();
      expect((await fatal.promise).status).toBe(status);
      expect(reader.isRunning).toBe(false);
    }
  });

  it('treats a silent connection as dead and a garbled message as a reason to reconnect', async () => {
    const errors: unknown[] = [];
    const connections: ReturnType<typeof sseResponse>[] = [];
    const third = deferred<true>();
    const reader = new StreamReader({
      openStream: async () => {
        const c = sseResponse();
        connections.push(c);
        if (connections.length === 1) c.write('data: {"type":"resync"}\n\n');
        if (connections.length === 2) c.write('data: not json\n\n');
        if (connections.length === 3) third.resolve(true);
        return c.response;
      },
      onMessage: () => undefined,
      onState: (s) => {
        if (s.phase === 'waiting') errors.push(s.error);
      },
      onFatal: () => undefined,
      idleTimeoutMs: 20,
      sleep: async () => undefined,
    });
    reader.start();
    await third.promise;
    await reader.stop();
    expect(String(errors[0])).toMatch(/silent/);
    expect(String(errors[1])).toMatch(/not JSON/);
  });
});
