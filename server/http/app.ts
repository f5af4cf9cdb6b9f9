/**
 * The HTTP application: health, enrolment, replication (pull, push, live stream, walk-in
 * lookup), HQ metrics and the web renderer. Every error answers `{error, details?}`.
 */
import { fileURLToPath } from 'node:url';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyError, type FastifyInstance } from 'fastify';
import type { Logger as PinoLogger } from 'pino';
import { SCHEMA_VERSION } from '../../shared/domain/schemas';
import type { ErrorBody } from '../../shared/sync/protocol';
import { deviceById } from '../store/auth';
import { ApiError } from '../store/errors';
import type { Store } from '../store/store';
import { corsRoutes, ShutdownGate } from './cors';
import { EnrolLimiter } from './enrol-limiter';
import { enrolRoutes } from './routes/enroll';
import { healthRoutes } from './routes/health';
import { metricsRoutes } from './routes/metrics';
import { syncRoutes } from './routes/sync';
import { syncCountRoutes } from './routes/sync-count';
import { webRoutes } from './routes/web';
import { privacyRoutes } from './routes/privacy';
import { insightRoutes } from './routes/insights';
import { consentRoutes } from './routes/consent';
import { outboxAuditRoutes } from './routes/outbox-audit';
import { reminderRoutes } from './routes/reminders';
import { retentionRoutes } from './routes/retention';
import { DEFAULT_REMINDERS_CONFIG, type RemindersConfig } from '../reminders/config';
import { StreamHub } from './stream-hub';
import { redactUrl } from './stream-ticket';
import { BODY_LIMITS, installInputLimits } from './input-limits';
import { installInputSchemas } from './input-schemas';

export const DEFAULT_WEB_ROOT = fileURLToPath(new URL('../../out/web', import.meta.url));

export interface AppOptions {
  store: Store;
  logger: PinoLogger;
  webRoot?: string;
  heartbeatMs?: number;
  streamBatchSize?: number;
  /** The document schema version desks must send (SCHEMA_VERSION; tests simulate a newer server). */
  schemaVersion?: number;
  /**
   * Behind a load balancer: take the client address from X-Forwarded-For, but only when the
   * connection comes from one of these proxies (`true`, every hop trusted, is for in-process tests).
   */
  trustProxy?: readonly string[] | true;
  /** Reply links and inbound SMS of appointment reminders (`remindersConfigFromEnv`). */
  reminders?: RemindersConfig;
}

export interface BuiltApp {
  app: FastifyInstance;
  hub: StreamHub;
  /** Closes the doors: from now on every request is answered 503 (with CORS headers) until the app closes. */
  beginShutdown(): void;
}

export async function buildApp(options: AppOptions): Promise<BuiltApp> {
  const { store } = options;
  const app = Fastify({
    loggerInstance: options.logger as FastifyBaseLogger,
    trustProxy: options.trustProxy === undefined ? false : options.trustProxy === true ? true : [...options.trustProxy],
    bodyLimit: BODY_LIMITS.default,
    logController: new LogController({ disableRequestLogging: true }),
    return503OnClosing: false, // the ShutdownGate answers instead, with CORS headers
  });
  const hub = new StreamHub(store, {
    heartbeatMs: options.heartbeatMs ?? 15_000,
    batchSize: options.streamBatchSize ?? 500,
    stillValid: async (device) => (await deviceById(store, device.id)) !== null,
  });
  await hub.start();

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
  app.addHook('onResponse', async (request, reply) => {
    if (reply.statusCode >= 500) request.log.warn({ url: redactUrl(request.url), status: reply.statusCode }, 'request answered with an error');
  });

  const gate = new ShutdownGate();
  corsRoutes(app, gate);
  installInputLimits(app, store);
  installInputSchemas(app);
  healthRoutes(app, store);
  enrolRoutes(app, store, new EnrolLimiter(store.db, store.clock));
  syncRoutes(app, store, hub, options.schemaVersion ?? SCHEMA_VERSION);
  syncCountRoutes(app, store, options.schemaVersion ?? SCHEMA_VERSION);
  metricsRoutes(app, store);
  retentionRoutes(app, store);
  privacyRoutes(app, store);
  consentRoutes(app, store);
  outboxAuditRoutes(app, store);
  reminderRoutes(app, store, options.reminders ?? DEFAULT_REMINDERS_CONFIG);
  insightRoutes(app, store);
  await webRoutes(app, options.webRoot ?? DEFAULT_WEB_ROOT);
  return { app, hub, beginShutdown: () => gate.close() };
}
