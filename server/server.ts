/**
 * Starts the sync server: storage (PGlite in a locked data directory, or PostgreSQL), the HTTP
 * app, the midnight roller and, for PGlite, the local admin listener; stops it gracefully.
 */
import pino, { type Logger as PinoLogger } from 'pino';
import { acquireDataDir, pgliteDir, type DataDirLock } from './db/data-dir';
import { buildApp } from './http/app';
import { startAdmin, type AdminListener } from './cli/admin-listener';
import type { Clock } from './store/context';
import { refitIfStale } from './services/retention';
import { Roller } from './services/roller';
import { Store } from './store/store';
import type { FastifyInstance } from 'fastify';
import { DEFAULT_OUTBOX_OPTIONS, type OutboxConfig } from './outbox/config';
import { OutboxWorker } from './outbox/worker';
import { runDailyTriggers } from './triggers/daily';
import { runRetention } from './privacy/retention-job';
import { DEFAULT_REMINDERS_CONFIG, type RemindersConfig } from './reminders/config';
import { ReminderScheduler } from './reminders/scheduler';

export interface ServerOptions {
  port: number;
  host: string;
  /** PGlite data directory (ignored when databaseUrl is set). */
  dataDir?: string;
  databaseUrl?: string;
  logLevel?: string;
  logger?: PinoLogger;
  webRoot?: string;
  clock?: Clock;
  heartbeatMs?: number;
  /** Proxies whose X-Forwarded-For is believed (addresses, CIDR ranges); none by default. */
  trustProxy?: readonly string[];
  /** Outbox providers and options (`outboxConfigFromEnv`); none = messages stay queued. */
  outbox?: OutboxConfig;
  /** Appointment reminders: poll interval, public URL for reply links, inbound SMS secret. */
  reminders?: RemindersConfig;
}

export interface RunningServer {
  url: string;
  port: number;
  store: Store;
  app: FastifyInstance;
  stop(): Promise<void>;
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const logger = options.logger ?? pino({ level: options.logLevel ?? 'info', base: { pid: process.pid } });
  let lock: DataDirLock | null = null;
  let admin: AdminListener | null = null;
  let store: Store | null = null;
  const cleanups: (() => Promise<void>)[] = [];
  try {
    let storePromise: Promise<Store>;
    if (options.databaseUrl) {
      storePromise = Store.open({ databaseUrl: options.databaseUrl, log: logger, ...(options.clock ? { clock: options.clock } : {}) });
    } else {
      if (!options.dataDir) throw new Error('a data directory (--data-dir) or DATABASE_URL is required');
      lock = await acquireDataDir(options.dataDir, 'server');
      cleanups.push(() => (lock as DataDirLock).release());
      storePromise = Store.open({ pgliteDir: pgliteDir(options.dataDir), log: logger, ...(options.clock ? { clock: options.clock } : {}) });
      storePromise.catch(() => {});
      admin = await startAdmin(storePromise, logger);
      cleanups.unshift(() => (admin as AdminListener).close());
      await lock.publishAdmin(admin.port, admin.secret);
    }
    store = await storePromise;
    cleanups.unshift(() => (store as Store).close());
    cleanups.splice(cleanups.length - 1, 0);
    const outbox = new OutboxWorker(store, options.outbox?.providers ?? new Map(), options.outbox?.options ?? DEFAULT_OUTBOX_OPTIONS);
    const openedStore = store;
    // At start-up and after every local midnight: automated triggers, then the retention rule.
    const roller = new Roller(store, async () => {
      await runDailyTriggers(openedStore);
      await runRetention(openedStore);
      // The business's retention model, fitted again for the new day (docs/DESIGN.md §7).
      await refitIfStale(openedStore);
    });
    const { app, hub, beginShutdown } = await buildApp({
      store,
      logger,
      ...(options.webRoot ? { webRoot: options.webRoot } : {}),
      ...(options.heartbeatMs ? { heartbeatMs: options.heartbeatMs } : {}),
      ...(options.trustProxy && options.trustProxy.length > 0 ? { trustProxy: options.trustProxy } : {}),
      reminders: options.reminders ?? DEFAULT_REMINDERS_CONFIG,
    });
    const reminders = new ReminderScheduler(store, options.reminders ?? DEFAULT_REMINDERS_CONFIG);
    roller.start();
    await outbox.start();
    cleanups.unshift(() => outbox.stop());
    await reminders.start();
    cleanups.unshift(() => reminders.stop());
    await app.listen({ port: options.port, host: options.host });
    const address = app.server.address();
    const port = typeof address === 'object' && address !== null ? address.port : options.port;
    const url = `http://${options.host === '0.0.0.0' || options.host === '::' ? '127.0.0.1' : options.host}:${port}`;
    logger.info({ url, database: store.db.kind, dataDir: options.databaseUrl ? undefined : options.dataDir }, 'Branchdesk server listening');
    const providers = [...(options.outbox?.providers.values() ?? [])].map((p) => `${p.channel}: ${p.name}`);
    logger.info({ providers }, providers.length > 0 ? 'outbox delivering' : 'outbox: no provider configured, messages stay queued (see server/README.md)');

    let stopping: Promise<void> | null = null;
    const opened = store;
    return {
      url,
      port,
      store: opened,
      app,
      stop() {
        stopping ??= (async () => {
          logger.info({}, 'shutting down: closing live streams, finishing requests');
          beginShutdown();
          await hub.close();
          await app.close();
          await roller.stop();
          await reminders.stop();
          await outbox.stop();
          if (admin !== null) await admin.close();
          await opened.close();
          if (lock !== null) await lock.release();
          logger.info({}, 'stopped');
        })();
        return stopping;
      },
    };
  } catch (error) {
    for (const cleanup of cleanups) await cleanup().catch(() => {});
    throw error;
  }
}
