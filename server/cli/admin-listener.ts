/**
 * The local admin listener of a server running on a PGlite directory (127.0.0.1 only, random
 * secret in the data directory's lock file): CLI commands that need the database are forwarded
 * here, because PGlite cannot be opened by a second process.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { Type, type Static } from '@sinclair/typebox';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Logger as PinoLogger } from 'pino';
import { ADMIN_SECRET_HEADER, type AdminResult } from './admin-client';
import { run } from './run';
import { runWithServerStore } from './store-target';
import type { Store } from '../store/store';
import { installErrorReplies } from '../http/error-replies';
import { installInputSchemas } from '../http/input-schemas';
import { ApiError } from '../store/errors';

/** The commands that need the database, forwarded by a CLI process to the server holding it. */
const FORWARDED = ['import', 'import-customers', 'import-bookings', 'import-batches', 'import-undo', 'enroll', 'verify', 'devices', 'revoke'] as const;

const AdminBody = Type.Object(
  {
    command: Type.Union(
      FORWARDED.map((name) => Type.Literal(name)),
      { description: `a command that needs the database (${FORWARDED.join(', ')})` },
    ),
    argv: Type.Array(Type.String({ description: 'text' }), { maxItems: 1000, description: 'the command\'s arguments, an array of at most 1000 texts' }),
  },
  { additionalProperties: false, description: 'an object {"command": "…", "argv": ["…"]} with a command that needs the database' },
);

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
  installInputSchemas(app);
  installErrorReplies(app);
  // The secret before the body is read (onRequest): a caller without it learns nothing about the input.
  const secretFirst = async (request: { headers: Record<string, unknown> }): Promise<void> => {
    const given = Buffer.from(String(request.headers[ADMIN_SECRET_HEADER] ?? ''));
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw new ApiError(401, 'bad admin secret');
  };
  app.post<{ Body: Static<typeof AdminBody> }>('/admin/cli', { onRequest: secretFirst, schema: { body: AdminBody } }, async (request) => {
    const { command, argv } = request.body;
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
