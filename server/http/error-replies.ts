/**
 * How every error is answered, `{error, details?}`: an `ApiError` with its status, headers and
 * details; a Fastify refusal (bad JSON, too large, …) with its 4xx status and a plain message;
 * anything else as 500, logged. Used by the HTTP API and the local admin listener.
 */
import type { FastifyError, FastifyInstance } from 'fastify';
import type { ErrorBody } from '../../shared/sync/protocol';
import { ApiError } from '../store/errors';
import { redactUrl } from './stream-ticket';

export function installErrorReplies(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | ApiError, request, reply) => {
    if (error instanceof ApiError) {
      for (const [k, v] of Object.entries(error.headers)) reply.header(k, v);
      const body: ErrorBody = error.details.length > 0 ? { error: error.message, details: error.details } : { error: error.message };
      return reply.code(error.status).send(body);
    }
    const status = typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
    // A body refused for its size was not read: do not wait for the rest of it.
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') reply.header('connection', 'close');
    if (status === 500) {
      request.log.error({ err: error, url: redactUrl(request.url) }, 'request failed');
      return reply.code(500).send({ error: 'internal server error' } satisfies ErrorBody);
    }
    const message =
      error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error instanceof SyntaxError
        ? 'the request body is not valid JSON'
        : error.code === 'FST_ERR_CTP_BODY_TOO_LARGE'
          ? 'the request body is too large'
          : error.message;
    return reply.code(status).send({ error: message } satisfies ErrorBody);
  });
}
