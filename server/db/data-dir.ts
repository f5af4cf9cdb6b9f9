/**
 * A PGlite data directory may be opened by one process only. `DIR/branchdesk.lock` (created
 * exclusively) records who holds it: a running server also records its local admin port and a
 * random admin secret, so CLI commands forward to it instead of opening the files themselves.
 * A lock whose process is gone is stale and taken over.
 */
import { mkdir, open, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { DIR_MODE, restrictUmask, tightenTree } from './private-files';

export const LOCK_FILE = 'branchdesk.lock';

export interface LockState {
  pid: number;
  kind: 'server' | 'cli';
  /** 127.0.0.1 port of a server's admin listener (servers only, once listening). */
  adminPort?: number;
  adminSecret?: string;
}

export class DataDirBusyError extends Error {
  constructor(readonly state: LockState, dir: string) {
    super(
      state.kind === 'server'
        ? `a server (pid ${state.pid}) is already running on ${dir}`
        : `another command (pid ${state.pid}) is using ${dir}; try again when it has finished`,
    );
    this.name = 'DataDirBusyError';
  }
}

/** Where PGlite keeps its files inside a data directory. */
export function pgliteDir(dataDir: string): string {
  return join(resolve(dataDir), 'pgdata');
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

type Inspection = { state: LockState; alive: boolean } | 'missing' | 'unreadable';

async function inspectLock(dir: string): Promise<Inspection> {
  let text: string;
  try {
    text = await readFile(join(dir, LOCK_FILE), 'utf8');
  } catch {
    return 'missing';
  }
  try {
    const state = JSON.parse(text) as LockState;
    if (typeof state.pid !== 'number') return 'unreadable';
    return { state, alive: alive(state.pid) };
  } catch {
    return 'unreadable';
  }
}

/** The live holder of a data directory, or null when nobody (alive) holds it. */
export async function readLock(dataDir: string): Promise<LockState | null> {
  const found = await inspectLock(resolve(dataDir));
  return typeof found === 'object' && found.alive ? found.state : null;
}

export interface DataDirLock {
  readonly dir: string;
  /** Records the admin listener of a server holding the lock. */
  publishAdmin(port: number, secret: string): Promise<void>;
  release(): Promise<void>;
}

export async function acquireDataDir(dataDir: string, kind: LockState['kind']): Promise<DataDirLock> {
  const dir = resolve(dataDir);
  // Private files (secrets, token hashes): 0700 / 0600, PGlite's own files included.
  restrictUmask();
  await mkdir(dir, { recursive: true, mode: DIR_MODE });
  await tightenTree(dir);
  const path = join(dir, LOCK_FILE);
  for (let attempt = 0; attempt < 20; attempt += 1) {
    try {
      const handle = await open(path, 'wx', 0o600);
      await handle.writeFile(JSON.stringify({ pid: process.pid, kind } satisfies LockState));
      await handle.close();
      let released = false;
      return {
        dir,
        async publishAdmin(port, secret) {
          const tmp = `${path}.${process.pid}.tmp`;
          await writeFile(tmp, JSON.stringify({ pid: process.pid, kind, adminPort: port, adminSecret: secret } satisfies LockState), { mode: 0o600 });
          await rename(tmp, path);
        },
        async release() {
          if (released) return;
          released = true;
          const current = await readLock(dir);
          if (current === null || current.pid === process.pid) await rm(path, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const found = await inspectLock(dir);
      if (found === 'unreadable') {
        // Being written by a process that just created it: look again shortly.
        await new Promise((r) => setTimeout(r, 100));
        continue;
      }
      if (typeof found === 'object') {
        if (found.alive) throw new DataDirBusyError(found.state, dir);
        await rm(path, { force: true });
      }
    }
  }
  throw new Error(`could not lock ${dir}`);
}
