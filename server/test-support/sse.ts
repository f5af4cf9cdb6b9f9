/** Reads a Server-Sent Events stream with fetch (as a desk does) and waits for messages. */
import type { StreamMessage } from '../../shared/sync/protocol';

export interface SseReader {
  status: number;
  /** Resolves with the next message matching `match` (messages already received count). */
  next(match?: (m: StreamMessage) => boolean, timeoutMs?: number): Promise<StreamMessage>;
  /** Resolves when the server ends the stream. */
  ended: Promise<void>;
  comments: () => number;
  /** Every message received so far. */
  history: () => StreamMessage[];
  close(): void;
}

export async function openStream(url: string, headers: Record<string, string> = {}): Promise<SseReader> {
  const controller = new AbortController();
  const res = await fetch(url, { headers, signal: controller.signal });
  const queue: StreamMessage[] = [];
  const history: StreamMessage[] = [];
  const waiters: { match: (m: StreamMessage) => boolean; resolve: (m: StreamMessage) => void }[] = [];
  let comments = 0;
  let endResolve: () => void = () => {};
  const ended = new Promise<void>((resolve) => {
    endResolve = resolve;
  });
  const deliver = (m: StreamMessage) => {
    history.push(m);
    const i = waiters.findIndex((w) => w.match(m));
    if (i >= 0) waiters.splice(i, 1)[0]?.resolve(m);
    else queue.push(m);
  };
  if (res.body !== null && res.status === 200) {
    void (async () => {
      const decoder = new TextDecoder();
      let buffer = '';
      try {
        for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
          buffer += decoder.decode(chunk, { stream: true });
          for (let end = buffer.indexOf('\n\n'); end !== -1; end = buffer.indexOf('\n\n')) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const data = block
              .split('\n')
              .filter((l) => l.startsWith('data: '))
              .map((l) => l.slice(6))
              .join('\n');
            if (block.startsWith(':')) comments += 1;
            if (data !== '') deliver(JSON.parse(data) as StreamMessage);
          }
        }
      } catch {
        // aborted by close()
      }
      endResolve();
    })();
  } else {
    endResolve();
  }
  return {
    status: res.status,
    ended,
    comments: () => comments,
    history: () => [...history],
    next(match = () => true, timeoutMs = 10_000) {
      const i = queue.findIndex(match);
      if (i >= 0) return Promise.resolve(queue.splice(i, 1)[0] as StreamMessage);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('no matching stream message in time')), timeoutMs);
        waiters.push({
          match,
          resolve: (m) => {
            clearTimeout(timer);
            resolve(m);
          },
        });
      });
    },
    close() {
      controller.abort();
    },
  };
}
