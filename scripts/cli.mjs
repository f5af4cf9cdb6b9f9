#!/usr/bin/env node
// @ts-check
// `npm run --silent cli -- …`: runs the CLI as compiled JavaScript (no TypeScript loader at each
// call). The bundle lives in the gitignored `.cache/cli/`; it is rebuilt with esbuild when any
// of its source files changed (by path, size and modification time, as recorded from esbuild's
// metafile at the last build), so a fresh clone builds it on the first call. Nothing is printed
// on stdout: the CLI's output stays byte for byte what the commands print.
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const cacheDir = join(root, '.cache', 'cli');
const stampFile = join(cacheDir, 'current.json');

/** @typedef {{ path: string, size: number, mtimeMs: number }} Input */
/** @typedef {{ dir: string, inputs: Input[] }} Stamp */

/** @param {string} path */
function fingerprint(path) {
  const s = statSync(path, { throwIfNoEntry: false });
  return s === undefined ? null : { size: s.size, mtimeMs: s.mtimeMs };
}

/** The current build's folder when it exists and every file it was built from is unchanged. */
function currentBuild() {
  let stamp;
  try {
    stamp = /** @type {Stamp} */ (JSON.parse(readFileSync(stampFile, 'utf8')));
  } catch {
    return null;
  }
  if (typeof stamp.dir !== 'string' || !Array.isArray(stamp.inputs)) return null;
  const dir = join(cacheDir, stamp.dir);
  if (fingerprint(join(dir, 'main.js')) === null) return null;
  for (const input of stamp.inputs) {
    const now = fingerprint(join(root, input.path));
    if (now === null || now.size !== input.size || now.mtimeMs !== input.mtimeMs) return null;
  }
  return dir;
}

/**
 * Builds into a new folder, then points `current.json` at it (a rename, atomic: a CLI starting
 * meanwhile runs the old build or the new one, never half of one). Each build sits one level
 * below `.cache/cli/`, so in the bundle `new URL('../../out/web', import.meta.url)` (server/http)
 * still names the repository's out/web, as from its source folder two levels down.
 */
async function build() {
  const esbuild = await import('esbuild');
  const name = `b-${Date.now()}-${process.pid}`;
  const dir = join(cacheDir, name);
  try {
    const result = await esbuild.build({
      absWorkingDir: root,
      entryPoints: { main: 'server/cli/main.ts' },
      outdir: dir,
      bundle: true,
      splitting: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'external',
      sourcemap: 'inline',
      metafile: true,
      logLevel: 'silent',
    });
    const inputs = ['package.json', 'scripts/cli.mjs', ...Object.keys(result.metafile.inputs)].map((path) => {
      const now = fingerprint(join(root, path));
      if (now === null) throw new Error(`input ${path} vanished during the build`);
      return { path, ...now };
    });
    const tmp = `${stampFile}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify({ dir: name, inputs }));
    renameSync(tmp, stampFile);
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  // Older builds go, except the newest other one (a CLI started just before may still load its
  // chunks) and any whose builder is still running (CLIs started together on a stale cache each
  // build, then run, their own: removing one under its process fails that process's imports).
  const others = readdirSync(cacheDir).filter((d) => d.startsWith('b-') && d !== name).sort(byAge);
  for (const old of others.slice(0, -1)) {
    if (!running(Number(old.split('-')[2]))) rmSync(join(cacheDir, old), { recursive: true, force: true });
  }
  return dir;
}

/** @param {number} pid */
function running(pid) {
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return /** @type {NodeJS.ErrnoException} */ (error).code === 'EPERM';
  }
}

/** @param {string} a @param {string} b */
function byAge(a, b) {
  return Number(a.split('-')[1]) - Number(b.split('-')[1]);
}

let dir = currentBuild();
if (dir === null) {
  mkdirSync(cacheDir, { recursive: true });
  try {
    dir = await build();
  } catch (error) {
    process.stderr.write(`error: building the CLI failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}

await import(pathToFileURL(join(dir, 'main.js')).href);
