/**
 * The server's data directory holds the organisation secrets and token hashes: it is 0700 and
 * every file in it 0600, whoever creates them. PGlite (Emscripten's file system) creates its own
 * files with 0666 less the umask, so the process umask is set to 077 before it opens, and
 * anything already there (a directory from an older version) is tightened on every open.
 */
import { chmod, lstat, readdir } from 'node:fs/promises';
import { join } from 'node:path';

export const DIR_MODE = 0o700;
export const FILE_MODE = 0o600;

/** From now on this process creates files 0600 and directories 0700. */
export function restrictUmask(): void {
  process.umask(0o077);
}

/** chmod the directory tree to 0700 / 0600 (symlinks are left alone, not followed). */
export async function tightenTree(dir: string): Promise<void> {
  const info = await lstat(dir);
  if (info.isSymbolicLink()) return;
  if (info.isDirectory()) {
    if ((info.mode & 0o777) !== DIR_MODE) await chmod(dir, DIR_MODE);
    for (const name of await readdir(dir)) await tightenTree(join(dir, name));
  } else if ((info.mode & 0o777 & ~FILE_MODE) !== 0) {
    await chmod(dir, info.mode & FILE_MODE);
  }
}
