/**
 * Serves the built web renderer (`npm run build:web` → out/web) at `/` for HQ in a browser: the
 * renderer's CSP as a header, hashed assets cached for a year, index.html never cached, and an
 * SPA fallback for client-side routes. Without a build, `/` explains how to make one.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { CONTENT_SECURITY_POLICY } from '../../../shared/csp';

const NO_BUILD = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Branchdesk server</title></head>
<body><h1>Branchdesk server</h1>
<p>The sync server is running, but the web app has not been built.</p>
<p>Run <code>npm run build:web</code> and reload this page to open the HQ dashboard.</p></body></html>
`;

function securityHeaders(reply: FastifyReply): void {
  reply.header('content-security-policy', CONTENT_SECURITY_POLICY);
  reply.header('x-content-type-options', 'nosniff');
  reply.header('referrer-policy', 'no-referrer');
}

export async function webRoutes(app: FastifyInstance, webRoot: string): Promise<void> {
  const built = existsSync(join(webRoot, 'index.html'));
  if (!built) {
    app.get('/', async (_request, reply) => {
      securityHeaders(reply);
      return reply.type('text/html; charset=utf-8').send(NO_BUILD);
    });
    app.setNotFoundHandler(async (request, reply) => reply.code(404).send({ error: `no route ${request.method} ${request.url.split('?')[0]}` }));
    return;
  }
  await app.register(fastifyStatic, {
    root: webRoot,
    prefix: '/',
    wildcard: true,
    cacheControl: false,
    setHeaders(res, path) {
      res.header('content-security-policy', CONTENT_SECURITY_POLICY);
      res.header('x-content-type-options', 'nosniff');
      res.header('referrer-policy', 'no-referrer');
      const hashed = /[\\/]assets[\\/]/.test(path);
      res.header('cache-control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  app.setNotFoundHandler(async (request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    const isApi = path.startsWith('/api/') || path === '/api' || path.startsWith('/admin') || path === '/health';
    const wantsPage = request.method === 'GET' && !isApi && !/\.[a-z0-9]+$/i.test(path);
    if (!wantsPage) return reply.code(404).send({ error: `no route ${request.method} ${path}` });
    securityHeaders(reply);
    reply.header('cache-control', 'no-cache');
    return reply.sendFile('index.html');
  });
}
