import Fastify from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { servedByServer } from './server-origin';

describe('servedByServer', () => {
  const apps: ReturnType<typeof Fastify>[] = [];
  afterEach(async () => {
    await Promise.all(apps.splice(0).map((a) => a.close()));
  });
  const serve = async (health: (reply: { type: (t: string) => { send: (b: string) => unknown } }) => unknown): Promise<string> => {
    const app = Fastify();
    apps.push(app);
    app.get('/health', async (_req, reply) => health(reply));
    return app.listen({ host: '127.0.0.1', port: 0 });
  };

  it("is true when the page's own origin answers /health as the sync server does", async () => {
    const origin = await serve((r) => r.type('application/json').send(JSON.stringify({ status: 'ok', database: 'pglite' })));
    expect(await servedByServer({ protocol: 'http:', origin }, fetch)).toBe(true);
  });

  it('is false for a page (an SPA fallback), another JSON, a 404, an unreachable origin or the desktop', async () => {
    const page = await serve((r) => r.type('text/html').send('<!doctype html><title>app</title>'));
    expect(await servedByServer({ protocol: 'http:', origin: page }, fetch)).toBe(false);
    const other = await serve((r) => r.type('application/json').send(JSON.stringify({ status: 'ok' })));
    expect(await servedByServer({ protocol: 'http:', origin: other }, fetch)).toBe(false);
    const missing = await serve(() => Promise.reject(Object.assign(new Error('no'), { statusCode: 404 })));
    expect(await servedByServer({ protocol: 'http:', origin: missing }, fetch)).toBe(false);
    expect(await servedByServer({ protocol: 'http:', origin: 'http://127.0.0.1:1' }, fetch)).toBe(false);
    expect(await servedByServer({ protocol: 'app:', origin: 'app://branchdesk' }, fetch)).toBe(false);
  });
});
