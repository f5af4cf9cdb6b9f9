import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp';

const electron = vi.hoisted(() => ({
  protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
}));
vi.mock('electron', () => electron);

const { registerAppScheme, serveAppProtocol } = await import('./app-protocol');

let base: string;
let root: string;
let handler: (request: Request) => Promise<Response>;

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'branchdesk-protocol-'));
  root = join(base, 'renderer');
  await mkdir(join(root, 'assets'), { recursive: true });
  await writeFile(join(root, 'index.html'), '<!doctype html><title>Branchdesk</title>');
  await writeFile(join(root, 'assets', 'index-abc.js'), 'console.log(1)');
  await writeFile(join(root, 'assets', 'logo.svg'), '<svg/>');
  await symlink('loop.js', join(root, 'assets', 'loop.js')); // reading it fails with ELOOP, not "missing"
  await writeFile(join(base, 'secret.txt'), 'top secret');
  await mkdir(join(base, 'renderer-private'));
  await writeFile(join(base, 'renderer-private', 'key.txt'), 'private key');
  // The handler serveAppProtocol gives Electron for app: (what serves every request of the window).
  serveAppProtocol(root);
  handler = electron.protocol.handle.mock.calls.at(-1)?.[1] as (request: Request) => Promise<Response>;
});

afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

const get = (url: string, method = 'GET') => handler(new Request(url, { method }));

describe('registerAppScheme', () => {
  it('registers app: as standard, secure and fetch-capable', () => {
    registerAppScheme();
    expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true, supportFetchAPI: true }) },
    ]);
  });
  it('serveAppProtocol hands a request handler for app: to protocol.handle', () => {
    expect(electron.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
  });
});

describe('app:// request handler', () => {
  it('serves index.html at / with the CSP header', async () => {
    const response = await get('app://branchdesk/');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain('<title>Branchdesk</title>');
  });
  it('serves assets with their MIME type and the CSP header', async () => {
    const js = await get('app://branchdesk/assets/index-abc.js');
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(js.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await js.text()).toBe('console.log(1)');
    expect((await get('app://branchdesk/assets/logo.svg')).headers.get('content-type')).toBe('image/svg+xml');
  });
  it('answers HEAD without a body', async () => {
    const response = await get('app://branchdesk/index.html', 'HEAD');
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
  });
  it.each([
    'app://branchdesk/..%2fsecret.txt',
    'app://branchdesk/assets/..%2f..%2fsecret.txt',
    'app://branchdesk/%2e%2e%2fsecret.txt',
    'app://branchdesk/..%2frenderer-private%2fkey.txt',
  ])('refuses path traversal: %s', async (url) => {
    const response = await get(url);
    expect([403, 404]).toContain(response.status);
    const body = await response.text();
    expect(body).not.toContain('secret');
    expect(body).not.toContain('private key');
    expect(body).not.toContain('root:');
  });
  it('treats an encoded absolute path as a path inside the root', async () => {
    const response = await get('app://branchdesk/%2fetc%2fpasswd');
    expect(await response.text()).toContain('<title>Branchdesk</title>'); // the client-route fallback, not /etc/passwd
  });
  it('never leaves the root, and serves a path that comes back inside it', async () => {
    expect((await get('app://branchdesk/a%2f..%2f..%2fsecret.txt')).status).toBe(403);
    expect((await get('app://branchdesk/x%00.html')).status).toBe(403);
    const back = await get('app://branchdesk/assets%2f..%2findex.html');
    expect(back.status).toBe(200);
    expect(await back.text()).toContain('<title>Branchdesk</title>');
  });
  it('refuses other hosts, other methods and malformed escapes', async () => {
    expect((await get('app://elsewhere/index.html')).status).toBe(404);
    expect((await get('app://branchdesk/index.html', 'POST')).status).toBe(405);
    expect((await get('app://branchdesk/%E0%A4%A.js')).status).toBe(400);
  });
  it('gives index.html for client routes and 404 for missing files', async () => {
    const route = await get('app://branchdesk/customers/c-1');
    expect(route.status).toBe(200);
    expect(route.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const missing = await get('app://branchdesk/assets/missing.js');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });
  it('answers 500 (not the file) when reading fails for another reason', async () => {
    const response = await get('app://branchdesk/assets/loop.js');
    expect(response.status).toBe(500);
    expect(await response.text()).toBe('Could not read the file');
  });
});
