/**
 * `npm run server -- --port N --data-dir DIR` (DATABASE_URL=postgres://… replaces --data-dir).
 */
import { parseArgs } from 'node:util';
import { DataDirBusyError } from './db/data-dir';
import { startServer } from './server';
import { parseTrustedProxies } from './http/trusted-proxies';
import { outboxConfigFromEnv, OutboxConfigError } from './outbox/config';
import { remindersConfigFromEnv } from './reminders/config';

const USAGE = `usage: npm run server -- [--port 8787] [--host 127.0.0.1] [--data-dir .data/server] [--log-level info] [--web-root out/web] [--trust-proxy ADDRESSES]
  DATABASE_URL=postgres://user@host:5432/db replaces --data-dir (several processes may share it)
  --trust-proxy 10.0.0.5,10.1.0.0/16: take the client address from X-Forwarded-For only when the
    connection comes from one of these proxies (addresses, CIDR ranges, or loopback/linklocal/uniquelocal)`;

function fail(message: string): never {
  process.stderr.write(`error: ${message}\n${USAGE}\n`);
  process.exit(2);
}

let values;
try {
  values = parseArgs({
    args: process.argv.slice(2),
    options: {
      port: { type: 'string', default: '8787' },
      host: { type: 'string', default: '127.0.0.1' },
      'data-dir': { type: 'string', default: '.data/server' },
      'log-level': { type: 'string', default: process.env.LOG_LEVEL ?? 'info' },
      'web-root': { type: 'string' },
      'trust-proxy': { type: 'string' },
      help: { type: 'boolean', default: false },
    },
    strict: true,
    allowPositionals: false,
  }).values;
} catch (error) {
  fail((error as Error).message);
}
if (values.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}
const port = Number(values.port);
if (!/^\d{1,5}$/.test(values.port) || port > 65535) fail(`--port "${values.port}" is not a port number`);
const levels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];
if (!levels.includes(values['log-level'])) fail(`--log-level must be one of ${levels.join(', ')}`);

let trustProxy: string[] | undefined;
if (values['trust-proxy'] !== undefined) {
  const parsed = parseTrustedProxies(values['trust-proxy']);
  if (!parsed.ok) fail(parsed.message);
  trustProxy = parsed.proxies;
}

let outbox;
let reminders;
try {
  outbox = outboxConfigFromEnv(process.env);
  reminders = remindersConfigFromEnv(process.env);
} catch (error) {
  if (error instanceof OutboxConfigError) fail(error.message);
  throw error;
}

try {
  const server = await startServer({
    outbox,
    reminders,
    port,
    host: values.host,
    dataDir: values['data-dir'],
    ...(process.env.DATABASE_URL ? { databaseUrl: process.env.DATABASE_URL } : {}),
    logLevel: values['log-level'],
    ...(values['web-root'] ? { webRoot: values['web-root'] } : {}),
    ...(trustProxy ? { trustProxy } : {}),
  });
  let signals = 0;
  const shutdown = (signal: string) => {
    signals += 1;
    if (signals > 1) {
      process.stderr.write(`received ${signal} again: exiting now\n`);
      process.exit(1);
    }
    server.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`shutdown failed: ${String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
} catch (error) {
  if (error instanceof DataDirBusyError) fail(error.message);
  process.stderr.write(`error: could not start the server: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
}
