/**
 * The local admin listener of a server running on a PGlite directory (127.0.0.1 only, random
 * secret in the data directory's lock file): CLI commands that need the database are forwarded
 * here, because PGlite cannot be opened by a second process.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Logger as PinoLogger } from 'pino';
import { ADMIN_SECRET_HEADER, type AdminResult } from './admin-client';
import { run } from './run';
import { runWithServerStore } from './store-target';
import type { Store } from '../store/store';

const FORWARDED = new Set(['import', 'import-customers', 'import-batches', 'import-undo', 'enroll', 'verify', 'devices', 'revoke']);

class Buffered {
  text = '';
  write(chunk: string): boolean {
    this.text += chunk;
    return true;
  }
}

export interface AdminListener {
  port: number;
  secret: string;
  close(): Promise<void>;
}

export async function startAdmin(store: Promise<Store>, logger: PinoLogger): Promise<AdminListener> {
  const secret = randomBytes(32).toString('base64url');
  const expected = Buffer.from(secret);
  const app: FastifyInstance = Fastify({ loggerInstance: logger.child({ component: 'admin' }) as FastifyBaseLogger, bodyLimit: 64 * 1024, logController: new LogController({ disableRequestLogging: true }) });
  app.post('/admin/cli', async (request, reply) => {
    const given = Buffer.from(String(request.headers[ADMIN_SECRET_HEADER] ?? ''));
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return reply.code(401).send({ error: 'bad admin secret' });
    const body = request.body as { command?: unknown; argv?: unknown } | undefined;
    const command = typeof body?.command === 'string' ? body.command : '';
    const argv = Array.isArray(body?.argv) && body.argv.every((a) => typeof a === 'string') ? (body.argv as string[]) : null;
    if (!FORWARDED.has(command) || argv === null) return reply.code(400).send({ error: 'expected {command, argv} of a database command' });
    const out = new Buffered();
    const err = new Buffered();
    const exitCode = await runWithServerStore(await store, () => run([command, ...argv], out, err));
    request.log.info({ command, exitCode }, 'admin command');
    const message = err.text.replace(/^error: /, '').replace(/\n$/, '');
    return { exitCode, stdout: out.text, message } satisfies AdminResult;
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return { port, secret, close: () => app.close() };
}
