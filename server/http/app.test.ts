import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp';
import { TARGETS, type TestDatabase } from '../test-support/databases';
import { startTestServer, type TestServer } from '../test-support/http';

const [pglite] = TARGETS;

describe('HTTP app: health, web renderer, errors', () => {
  let db: TestDatabase;
  let built: TestServer;
  let bare: TestServer;
  let webRoot: string;

  beforeAll(async () => {
    webRoot = await mkdtemp(join(tmpdir(), 'bd-web-'));
    await mkdir(join(webRoot, 'assets'));
    await writeFile(join(webRoot, 'index.html'), '<!doctype html><title>Branchdesk</title><div id="root"></div>');
    await writeFile(join(webRoot, 'assets', 'index-abc123.js'), 'console.log("app")');
    db = await (pglite as (typeof TARGETS)[number]).open();
    built = await startTestServer(db.store, { webRoot });
    bare = await startTestServer(db.store, { webRoot: join(webRoot, 'missing') });
  });
  afterAll(async () => {
    await built?.close();
    await bare?.close();
    await db?.close();
    await rm(webRoot, { recursive: true, force: true });
  });

  it('answers /health', async () => {
    const res = await fetch(`${built.url}/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', database: 'pglite' });
  });

  it('serves the web build with the CSP header, long-cached hashed assets and an SPA fallback', async () => {
    const index = await fetch(`${built.url}/`);
    expect(index.status).toBe(200);
    expect(index.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(index.headers.get('cache-control')).toBe('no-cache');
    expect(await index.text()).toContain('<div id="root">');
    const asset = await fetch(`${built.url}/assets/index-abc123.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(asset.headers.get('content-type')).toMatch(/javascript/);
    const route = await fetch(`${built.url}/hq/branches`, { headers: { accept: 'text/html' } });
    expect(route.status).toBe(200);
    expect(route.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await route.text()).toContain('<div id="root">');
    const missingAsset = await fetch(`${built.url}/assets/nope-123.js`);
    expect(missingAsset.status).toBe(404);
    const missingApi = await fetch(`${built.url}/api/nothing`);
    expect(missingApi.status).toBe(404);
    expect(await missingApi.json()).toEqual({ error: 'no route GET /api/nothing' });
    const traversal = await fetch(`${built.url}/assets/..%2f..%2fetc%2fpasswd`);
    expect(await traversal.text()).not.toContain('root:');
  });

  it('explains how to build the web app when out/web is missing', async () => {
    const res = await fetch(`${bare.url}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await res.text()).toContain('npm run build:web');
    expect((await fetch(`${bare.url}/api/nothing`)).status).toBe(404);
  });

  it('lets desks on other origins call the API (bearer tokens, no cookies)', async () => {
    const preflight = await fetch(`${built.url}/api/sync/bookings/push`, {
      method: 'OPTIONS',
      headers: { origin: 'app://branchdesk', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, x-branchdesk-schema' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    expect(preflight.headers.get('access-control-allow-headers')).toContain('x-branchdesk-schema');
    const denied = await fetch(`${built.url}/api/session`, { headers: { origin: 'app://branchdesk' } });
    expect(denied.status).toBe(401);
    expect(denied.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('answers 503 with CORS headers once shutdown begins (preflights still 204)', async () => {
    const closing = await startTestServer(db.store, { webRoot });
    try {
      closing.beginShutdown();
      const preflight = await fetch(`${closing.url}/api/sync/stream`, {
        method: 'OPTIONS',
        headers: { origin: 'app://branchdesk', 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' },
      });
      // browsers accept only a 2xx preflight: it is answered as usual, the request itself gets the 503
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
      const stream = await fetch(`${closing.url}/api/sync/stream`, { headers: { origin: 'app://branchdesk', authorization: 'Bearer x' } });
      expect(stream.status).toBe(503);
      expect(stream.headers.get('access-control-allow-origin')).toBe('*');
      expect(stream.headers.get('retry-after')).toBe('1');
      const health = await fetch(`${closing.url}/health`);
      expect(health.status).toBe(503);
      expect(await health.json()).toEqual({ error: 'the server is shutting down' });
    } finally {
      await closing.close();
    }
  });

  it('limits request bodies', async () => {
    const res = await fetch(`${built.url}/api/enroll`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code: 'x'.repeat(2 * 1024 * 1024) }) });
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({ error: 'the request body is too large' });
  });
});
