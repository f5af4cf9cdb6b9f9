/**
 * Where a database command runs:
 * - inside a running server (the admin endpoint runs the command with the server's own store);
 * - DATABASE_URL set: straight on PostgreSQL (several processes may share it);
 * - `--data-dir DIR` with a server running on DIR: forwarded to that server over 127.0.0.1,
 *   authenticated with the admin secret from DIR's lock file (PGlite is single-process);
 * - otherwise: PGlite opened directly, with DIR locked for the duration.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { acquireDataDir, DataDirBusyError, pgliteDir, readLock, type LockState } from '../db/data-dir';
import { Store } from '../store/store';
import { CliError, EXIT_BAD_INPUT } from './errors';
import { forwardToServer } from './admin-client';

const inServer = new AsyncLocalStorage<Store>();

/** Runs `fn` with commands using `store` (the server's admin endpoint). */
export function runWithServerStore<T>(store: Store, fn: () => Promise<T>): Promise<T> {
  return inServer.run(store, fn);
}

export interface TargetOptions {
  command: string;
  /** The command's own arguments, as the running server should receive them (absolute paths). */
  argv: string[];
  dataDir: string | undefined;
}

async function serverState(dataDir: string): Promise<LockState | null> {
  for (let i = 0; i < 50; i += 1) {
    const state = await readLock(dataDir);
    if (state === null || state.kind !== 'server') return state;
    if (state.adminPort !== undefined) return state;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new CliError(`the server on ${dataDir} is starting; try again in a moment`, EXIT_BAD_INPUT);
}

export async function withStore(options: TargetOptions, fn: (store: Store) => Promise<string>): Promise<string> {
  const own = inServer.getStore();
  if (own !== undefined) return fn(own);
  const databaseUrl = process.env.DATABASE_URL;
  if (databaseUrl) {
    const store = await Store.open({ databaseUrl });
    try {
      return await fn(store);
    } finally {
      await store.close();
    }
  }
  if (options.dataDir === undefined || options.dataDir === '') {
    throw new CliError(`${options.command}: --data-dir is required (or set DATABASE_URL)`, EXIT_BAD_INPUT);
  }
  const state = await serverState(options.dataDir);
  if (state !== null && state.kind === 'server') return forwardToServer(state, options.command, options.argv);
  let lock;
  try {
    lock = await acquireDataDir(options.dataDir, 'cli');
  } catch (error) {
    if (error instanceof DataDirBusyError) throw new CliError(error.message, EXIT_BAD_INPUT);
    throw error;
  }
  try {
    const store = await Store.open({ pgliteDir: pgliteDir(options.dataDir) });
    try {
      return await fn(store);
    } finally {
      await store.close();
    }
  } finally {
    await lock.release();
  }
}
