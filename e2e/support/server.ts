/**
 * A real sync server for end-to-end tests: `server/main.ts` (compiled, `scripts/server.mjs`) in its own process on a free port,
 * with PGlite files in a temporary directory, or a fresh PostgreSQL database of its own when
 * DATABASE_URL is set (dropped afterwards). Seeded and enrolled through the real admin CLI.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer } from 'node:net';
import { join } from 'node:path';
import pg from 'pg';

export type ServerTarget = 'pglite' | 'postgres';

/** PGlite always; PostgreSQL too when DATABASE_URL is set. */
export const SERVER_TARGETS: ServerTarget[] = process.env.DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];

const REPO = process.cwd();

function childEnv(extra: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const merged: Record<string, string | undefined> = { ...process.env, LOG_LEVEL: 'info', DATABASE_URL: undefined, ...extra };
  return Object.fromEntries(Object.entries(merged).filter(([, v]) => v !== undefined)) as NodeJS.ProcessEnv;
}

function run(args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--enable-source-maps', 'scripts/cli.mjs', ...args], { cwd: REPO, env });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`cli ${args.join(' ')} exited ${code}: ${err}${out}`))));
  });
}

/** Where the data lives: a PGlite directory, or a PostgreSQL database created for this run. */
export interface Storage {
  target: ServerTarget;
  /** CLI/server arguments and environment for this storage. */
  args: string[];
  env: NodeJS.ProcessEnv;
  databaseUrl?: string;
  /** Runs `npm run cli -- …` (the same entry point) against this storage; resolves with stdout. */
  cli(args: string[]): Promise<string>;
  /** A one-time enrolment code (the CLI prints it as its last line). */
  enrol(branch: string, role: 'front_desk' | 'manager' | 'hq'): Promise<string>;
  dispose(): Promise<void>;
}

export async function createStorage(target: ServerTarget): Promise<Storage> {
  const dir = mkdtempSync(join(tmpdir(), 'branchdesk-e2e-sync-'));
  let databaseUrl: string | undefined;
  let drop = async (): Promise<void> => undefined;
  if (target === 'postgres') {
    const admin = process.env.DATABASE_URL;
    if (admin === undefined) throw new Error('DATABASE_URL is not set');
    const name = `bd_e2e_${randomBytes(5).toString('hex')}`;
    const c = new pg.Client({ connectionString: admin });
    await c.connect();
    await c.query(`CREATE DATABASE ${name}`);
    await c.end();
    const url = new URL(admin);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
    drop = async () => {
      const d = new pg.Client({ connectionString: admin });
      await d.connect();
      await d.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await d.end();
    };
  }
  const args = databaseUrl === undefined ? ['--data-dir', join(dir, 'data')] : [];
  const env = childEnv({ DATABASE_URL: databaseUrl });
  const storage: Storage = {
    target,
    args,
    env,
    ...(databaseUrl === undefined ? {} : { databaseUrl }),
    cli: (cliArgs) => run([...cliArgs, ...args], env),
    async enrol(branch, role) {
      const out = await storage.cli(['enroll', '--role', role, ...(branch === '' ? [] : ['--branch', branch])]);
      const code = out.trim().split('\n').pop() ?? '';
      if (!/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/.test(code)) throw new Error(`enroll printed no code: ${out}`);
      return code;
    },
    async dispose() {
      await drop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return storage;
}

export interface SyncServer {
  url: string;
  logs(): string;
  stop(): Promise<void>;
}

/**
 * Starts `scripts/server.mjs --port 0` (the compiled server/main.ts) on the storage and resolves once it logs its URL. `serverArgs`
 * are for the server only (e.g. a fixed `--port` when PUBLIC_URL must be known beforehand).
 */
export function startSyncServer(storage: Storage, serverArgs: string[] = []): Promise<SyncServer> {
  const child: ChildProcess = spawn(process.execPath, ['--enable-source-maps', 'scripts/server.mjs', '--port', '0', ...storage.args, ...serverArgs], { cwd: REPO, env: storage.env });
  let logs = '';
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const onData = (d: Buffer): void => {
      logs += d.toString();
      const m = /"url":"(http:\/\/[^"]+)"[^\n]*"msg":"Branchdesk server listening"/.exec(logs);
      if (m === null) return;
      child.stdout?.off('data', onData);
      child.stdout?.on('data', (more: Buffer) => (logs += more.toString()));
      resolve({
        url: m[1] as string,
        logs: () => logs,
        async stop() {
          if (child.exitCode === null) child.kill('SIGTERM');
          await exited;
        },
      });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (d: Buffer) => (logs += d.toString()));
    void exited.then((code) => reject(new Error(`sync server exited (${code}) before listening:\n${logs}`)));
  });
}

/** A local port nothing listens on (bound, then released), for "server unreachable" checks. */
export function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}
