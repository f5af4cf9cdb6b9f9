import { createServer } from 'node:net';

/**
 * A TCP port free on 127.0.0.1 right now, for a test that must know its server's port before the
 * server starts (a URL signed into the server's configuration). The operating system picks it, so
 * concurrent suites and other programs on the machine never collide on a fixed number.
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      probe.close(() => (port > 0 ? resolve(port) : reject(new Error('no free port was given'))));
    });
  });
}
