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

/**
 * Shutdown answers its own 503s (instead of Fastify's `return503OnClosing`, which skips every
 * hook): a desk on another origin must still read them, or its browser reports a CORS failure
 * instead of "try again in a second". Closed from the moment shutdown begins, before live streams
 * end, so desks reconnecting from a closed stream are told to retry too.
 */
export class ShutdownGate {
  private closedFlag = false;
  close(): void {
    this.closedFlag = true;
  }
  get closed(): boolean {
    return this.closedFlag;
  }
}

export function corsRoutes(app: FastifyInstance, gate: ShutdownGate): void {
  app.addHook('onRequest', async (request, reply) => {
    const api = request.url.startsWith('/api/') || request.url === '/health';
    if (api) reply.headers(CORS_HEADERS);
    // A preflight is answered as usual even while shutting down: browsers only accept a 2xx
    // preflight, and the request that follows gets the 503 below, which the desk can read.
    if (api && request.method === 'OPTIONS') {
      return reply
        .code(204)
        .headers({
          'access-control-allow-methods': 'GET, POST, PUT, OPTIONS',
          'access-control-allow-headers': `authorization, content-type, ${SCHEMA_HEADER}`,
          'access-control-max-age': '86400',
        })
        .send();
    }
    if (gate.closed) {
      return reply.code(503).headers({ 'retry-after': '1', connection: 'close' }).send({ error: 'the server is shutting down' });
    }
    return undefined;
  });
}
