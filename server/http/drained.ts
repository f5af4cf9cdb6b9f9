import type { ServerResponse } from 'node:http';

/**
 * Resolves when a backed-up response drains or closes, leaving no listener behind (one `close`
 * listener per backed-up batch used to pile up: MaxListenersExceededWarning, a leak).
 */
export function drained(res: Pick<ServerResponse, 'once' | 'off'>): Promise<void> {
  return new Promise<void>((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.once('drain', done);
    res.once('close', done);
  });
}
