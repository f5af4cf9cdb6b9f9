// @ts-check
// Runs a TypeScript entry point of this repository as compiled JavaScript (no TypeScript loader at
// each start): `scripts/cli.mjs` (`npm run cli`) and `scripts/server.mjs` (`npm run server`) use it.
// Each bundle lives in the gitignored `.cache/` and is rebuilt with esbuild when any of its source
// files changed (by path, size and modification time, as recorded from esbuild's metafile at the
// last build), so a fresh clone builds it at the first start. Nothing is printed on stdout: a
// command's output stays byte for byte what it prints.
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const cacheDir = join(root, '.cache');

/** @typedef {{ path: string, size: number, mtimeMs: number }} Input */
/** @typedef {{ dir: string, inputs: Input[] }} Stamp */

/** @param {string} path */
function fingerprint(path) {
  const s = statSync(path, { throwIfNoEntry: false });
  return s === undefined ? null : { size: s.size, mtimeMs: s.mtimeMs };
}

/**
 * The current build's folder when it exists and every file it was built from is unchanged.
 * @param {string} stampFile
 */
function currentBuild(stampFile) {
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
 * Builds into a new folder, then points `.cache/<name>.json` at it (a rename, atomic: a process
 * starting meanwhile runs the old build or the new one, never half of one). Each build sits
 * directly in `.cache/` (`.cache/<name>-b-<time>-<pid>/`), as deep as the bundled sources sit in
 * the repository (`server/http/`), so `new URL('../../out/web', import.meta.url)` in the bundle
 * names the repository's out/web, as it does from the source.
 * @param {string} name @param {string} entry @param {string} stampFile @param {string[]} launchers
 */
async function build(name, entry, stampFile, launchers) {
  const esbuild = await import('esbuild');
  const prefix = `${name}-b-`;
  const folder = `${prefix}${Date.now()}-${process.pid}`;
  const dir = join(cacheDir, folder);
  try {
    const result = await esbuild.build({
      absWorkingDir: root,
      entryPoints: { main: entry },
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
    const inputs = ['package.json', ...launchers, ...Object.keys(result.metafile.inputs)].map((path) => {
      const now = fingerprint(join(root, path));
      if (now === null) throw new Error(`input ${path} vanished during the build`);
      return { path, ...now };
    });
    const tmp = `${stampFile}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify({ dir: folder, inputs }));
    renameSync(tmp, stampFile);
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  // Older builds go, except the newest other one (a process started just before may still load
  // its chunks) and any whose builder is still running (processes started together on a stale
  // cache each build, then run, their own: removing one under its process fails its imports).
  const others = readdirSync(cacheDir).filter((d) => d.startsWith(prefix) && d !== folder).sort(byAge);
  for (const old of others.slice(0, -1)) {
    if (!running(builderPid(old))) rmSync(join(cacheDir, old), { recursive: true, force: true });
  }
  return dir;
}

/** @param {string} folder `<name>-b-<time>-<pid>` */
function builderPid(folder) {
  return Number(folder.slice(folder.lastIndexOf('-') + 1));
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

/** @param {string} folder */
function builtAt(folder) {
  const parts = folder.split('-');
  return Number(parts[parts.length - 2]);
}

/** @param {string} a @param {string} b */
function byAge(a, b) {
  return builtAt(a) - builtAt(b);
}

/**
 * Runs `entry` (a path from the repository's root) compiled, building it first when needed.
 * `launcher` is the calling script's path from the root: a change to it, or to this file, rebuilds.
 * @param {{ name: string, entry: string, launcher: string, what: string }} options
 */
export async function runCompiled({ name, entry, launcher, what }) {
  const stampFile = join(cacheDir, `${name}.json`);
  let dir = currentBuild(stampFile);
  if (dir === null) {
    mkdirSync(cacheDir, { recursive: true });
    try {
      dir = await build(name, entry, stampFile, [launcher, 'scripts/compiled.mjs']);
    } catch (error) {
      process.stderr.write(`error: building the ${what} failed: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    }
  }
  await import(pathToFileURL(join(dir, 'main.js')).href);
}
