/**
 * The HTTP application: health, enrolment, replication (pull, push, live stream, walk-in
 * lookup), HQ metrics and the web renderer. Every error answers `{error, details?}`.
 */
import { fileURLToPath } from 'node:url';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Logger as PinoLogger } from 'pino';
import { SCHEMA_VERSION } from '../../shared/domain/schemas';
import { deviceById } from '../store/auth';
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
import { orgMoneyRoutes } from './routes/org-money';
import { consentRoutes } from './routes/consent';
import { outboxAuditRoutes } from './routes/outbox-audit';
import { reminderRoutes } from './routes/reminders';
import { retentionRoutes } from './routes/retention';
import { DEFAULT_REMINDERS_CONFIG, type RemindersConfig } from '../reminders/config';
import { StreamHub } from './stream-hub';
import { redactUrl } from './stream-ticket';
import { BODY_LIMITS, installInputLimits } from './input-limits';
import { installInputSchemas } from './input-schemas';
import { installErrorReplies } from './error-replies';

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

  installErrorReplies(app);
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
  orgMoneyRoutes(app, store);
  await webRoutes(app, options.webRoot ?? DEFAULT_WEB_ROOT);
  return { app, hub, beginShutdown: () => gate.close() };
}
