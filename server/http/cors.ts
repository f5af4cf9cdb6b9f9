/**
 * CORS for the API: desks call the server from another origin (the Electron app's `app://`
 * origin, or the dev server). Authentication is a bearer token, never a cookie, so any origin may
 * call; a request without a valid token gets nothing.
 */
import type { FastifyInstance } from 'fastify';
import { SCHEMA_HEADER } from '../../shared/sync/protocol';

export const CORS_HEADERS: Record<string, string> = {
  'access-control-allow-origin': '*',
  'access-control-expose-headers': 'retry-after',
};

export function corsRoutes(app: FastifyInstance): void {
  app.addHook('onRequest', async (request, reply) => {
    if (!request.url.startsWith('/api/') && request.url !== '/health') return;
    reply.headers(CORS_HEADERS);
    if (request.method === 'OPTIONS') {
      return reply
        .code(204)
        .headers({
          'access-control-allow-methods': 'GET, POST, OPTIONS',
          'access-control-allow-headers': `authorization, content-type, ${SCHEMA_HEADER}`,
          'access-control-max-age': '86400',
        })
        .send();
    }
    return undefined;
  });
}
