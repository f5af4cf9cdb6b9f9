/**
 * Limits applied before any work is done for a request:
 * - every request with a body (POST, PUT, PATCH, DELETE) is authenticated in `onRequest`, i.e.
 *   before a byte of its body is read or parsed; a refused request is answered at once with
 *   `connection: close`, so the body a stranger announced is never received;
 * - body size limits per route (`BODY_LIMITS`), checked by Fastify against Content-Length before
 *   reading and while reading a chunked body;
 * - JSON bodies nested deeper than `MAX_JSON_DEPTH` are refused (400) before `JSON.parse`.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { MAX_PUSH_BYTES } from '../../shared/sync/protocol';
import { ApiError } from '../store/errors';
import type { Store } from '../store/store';
import { requireDevice } from './guards';

/** Body limits (bytes) per route; `default` for every route not listed. */
export const BODY_LIMITS = {
  /** A push batch: the desk splits its batches to stay below this (shared MAX_PUSH_BYTES). */
  push: MAX_PUSH_BYTES,
  /** `{"code": "…"}`. */
  enrol: 1024,
  default: 64 * 1024,
} as const;

/** Deepest nesting of arrays and objects a JSON body may have (documents need 5). */
const MAX_JSON_DEPTH = 32;

/** Routes that take a body without a device token (the SMS gateway authenticates with its shared secret). */
const PUBLIC_BODY_ROUTES = new Set(['/api/enroll', '/api/reminders/sms']);
const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The nesting depth of a JSON text if it exceeds `max`, else null (brackets inside strings do not count). */
export function excessiveDepth(text: string, max: number): number | null {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i += 1; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x5b || c === 0x7b) {
      depth += 1;
      if (depth > max) return depth;
    } else if (c === 0x5d || c === 0x7d) {
      depth -= 1;
    }
  }
  return null;
}

function needsDevice(request: FastifyRequest): boolean {
  const route = request.routeOptions.url;
  return BODY_METHODS.has(request.method) && route !== undefined && route.startsWith('/api/') && !PUBLIC_BODY_ROUTES.has(route);
}

export function installInputLimits(app: FastifyInstance, store: Store): void {
  // Fastify's own parser (which refuses `__proto__` and `constructor.prototype` keys), after a depth check.
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    if (excessiveDepth(body as string, MAX_JSON_DEPTH) !== null) {
      done(new ApiError(400, `the request body is nested deeper than ${MAX_JSON_DEPTH} levels of arrays and objects`), undefined);
      return;
    }
    parseJson(request, body as string, done);
  });
  app.addHook('onRequest', async (request, reply) => {
    if (!needsDevice(request)) return;
    try {
      await requireDevice(store, request);
    } catch (error) {
      // The announced body is never read: close the connection after answering.
      reply.header('connection', 'close');
      throw error;
    }
  });
}
