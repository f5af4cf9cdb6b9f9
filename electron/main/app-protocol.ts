import { protocol } from 'electron';
import { readFile as fsReadFile } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp';
import { APP_HOST, APP_SCHEME } from './app-origin';
import { mimeTypeFor } from './mime-types';

/**
 * Declares `app:` privileged before the app is ready: standard (real origin, relative URLs,
 * IndexedDB and localStorage work), secure (a secure context), fetch-capable, V8 code cache.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ]);
}

/** Headers of every file the protocol serves: the same CSP as the built index.html, as a header. */
const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

/** Node's readFile never returns SharedArrayBuffer-backed bytes; the cast only narrows the type. */
const readFile = async (path: string): Promise<Uint8Array<ArrayBuffer>> => (await fsReadFile(path)) as Uint8Array<ArrayBuffer>;

function plain(status: number, message: string): Response {
  return new Response(message, { status, headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' } });
}

function isMissing(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'ENOENT' || code === 'EISDIR' || code === 'ENOTDIR';
}

/** The file under `root` that `pathname` names, or null when it would escape `root`. */
function resolveInside(root: string, pathname: string): string | null {
  const wanted = pathname === '/' || pathname === '' ? 'index.html' : pathname.replace(/^\/+/, '');
  if (wanted.includes('\0')) return null;
  const file = resolve(root, wanted);
  const rel = relative(root, file);
  if (rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) return null;
  return file;
}

/**
 * Handles `app://branchdesk/<path>` by serving the file at `<root>/<path>` (`/` is index.html),
 * with its MIME type and the security headers. Refuses paths escaping `root` (403), other hosts
 * (404) and methods other than GET/HEAD (405). An unknown path without an extension is a client
 * route and gets index.html; a missing file with an extension is a 404.
 */
function createAppRequestHandler(root: string): (request: Request) => Promise<Response> {
  const rootDir = resolve(root);
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Method not allowed');
    const url = new URL(request.url);
    if (url.host !== APP_HOST) return plain(404, 'Not found');
    let pathname: string;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      return plain(400, 'Bad request: malformed path');
    }
    const file = resolveInside(rootDir, pathname);
    if (file === null) return plain(403, 'Forbidden');
    let body: Uint8Array<ArrayBuffer>;
    let servedFile = file;
    try {
      body = await readFile(file);
    } catch (error) {
      if (!isMissing(error)) return plain(500, 'Could not read the file');
      if (extname(file) !== '') return plain(404, 'Not found');
      servedFile = resolve(rootDir, 'index.html');
      try {
        body = await readFile(servedFile);
      } catch {
        return plain(404, 'Not found');
      }
    }
    const headers = { ...SECURITY_HEADERS, 'Content-Type': mimeTypeFor(servedFile), 'Cache-Control': 'no-cache' };
    return new Response(request.method === 'HEAD' ? null : body, { status: 200, headers });
  };
}

/** Serves the built renderer (`out/renderer`) on `app://branchdesk/`. Call once the app is ready. */
export function serveAppProtocol(root: string): void {
  protocol.handle(APP_SCHEME, createAppRequestHandler(root));
}
