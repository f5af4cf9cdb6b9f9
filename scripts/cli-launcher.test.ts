import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readdir, rm, symlink, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * scripts/cli.mjs and scripts/server.mjs (both through scripts/compiled.mjs) in a scratch project
 * (the real launcher files, the real esbuild from this repository's node_modules): a build on the
 * first call, reused while nothing changed, rebuilt when a source file changes, only the command's
 * own output printed, and paths relative to a bundled module as from its source.
 */
const REPO = fileURLToPath(new URL('..', import.meta.url));
let dir = '';

function launch(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return launchScript('cli.mjs', ...args);
}

function launchScript(script: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [join(dir, 'scripts', script), ...args], { cwd: dir }, (error, stdout, stderr) => {
      resolve({ code: error === null ? 0 : Number(error.code ?? 1), stdout, stderr });
    });
  });
}

async function builds(name = 'cli'): Promise<string[]> {
  return (await readdir(join(dir, '.cache'))).filter((d) => d.startsWith(`${name}-b-`));
}

async function writeMain(greeting: string): Promise<void> {
  await writeFile(join(dir, 'server', 'cli', 'main.ts'), `import { greet } from './greet';\nprocess.stdout.write(greet(${JSON.stringify(greeting)}, process.argv.slice(2)));\n`);
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'bd-cli-launcher-'));
  await mkdir(join(dir, 'scripts'));
  await mkdir(join(dir, 'server', 'cli'), { recursive: true });
  for (const script of ['cli.mjs', 'server.mjs', 'compiled.mjs']) await copyFile(join(REPO, 'scripts', script), join(dir, 'scripts', script));
  await symlink(join(REPO, 'node_modules'), join(dir, 'node_modules'), 'dir');
  await writeFile(join(dir, 'package.json'), '{"type":"module"}\n');
  await writeFile(join(dir, 'server', 'cli', 'greet.ts'), 'export const greet = (word: string, args: string[]): string => `${word} ${args.join(",")}\\n`;\n');
  await writeMain('hello');
});

afterAll(async () => {
  if (dir !== '') await rm(dir, { recursive: true, force: true });
});

describe('scripts/cli.mjs', () => {
  it('builds on the first call and prints only the command output', async () => {
    const first = await launch('a', 'b');
    expect(first).toEqual({ code: 0, stdout: 'hello a,b\n', stderr: '' });
    expect(await builds()).toHaveLength(1);
  });

  it('reuses the build while no source changed', async () => {
    const before = await builds();
    expect((await launch('c')).stdout).toBe('hello c\n');
    expect(await builds()).toEqual(before);
  });

  it('rebuilds when an imported file changes, even to an older modification time', async () => {
    const before = await builds();
    await writeFile(join(dir, 'server', 'cli', 'greet.ts'), 'export const greet = (word: string, args: string[]): string => `${word}! ${args.join(" ")}\\n`;\n');
    const past = new Date('2001-01-01T00:00:00Z');
    await utimes(join(dir, 'server', 'cli', 'greet.ts'), past, past);
    expect(await launch('x', 'y')).toEqual({ code: 0, stdout: 'hello! x y\n', stderr: '' });
    const after = await builds();
    expect(after).not.toEqual(before);
    await writeMain('hi');
    expect((await launch('z')).stdout).toBe('hi! z\n');
    // The newest build and the one before it are kept, older ones removed.
    expect((await builds()).length).toBeLessThanOrEqual(2);
  });

  it('CLIs started together on a stale build all run (none loses its build to another)', async () => {
    await writeMain('together');
    const runs = await Promise.all(Array.from({ length: 5 }, (_, i) => launch(String(i))));
    expect(runs).toEqual(Array.from({ length: 5 }, (_, i) => ({ code: 0, stdout: `together! ${i}\n`, stderr: '' })));
    // The next build prunes the ones whose builders have exited.
    await writeMain('after');
    expect((await launch('w')).stdout).toBe('after! w\n');
    expect((await builds()).length).toBeLessThanOrEqual(2);
  });

  it('a source that does not compile: exit 1, the reason on stderr, nothing on stdout', async () => {
    await writeFile(join(dir, 'server', 'cli', 'greet.ts'), 'export const greet = (word: string => ;\n');
    const broken = await launch('q');
    expect(broken.code).toBe(1);
    expect(broken.stdout).toBe('');
    expect(broken.stderr).toMatch(/^error: building the CLI failed: /);
  });
});

describe('scripts/server.mjs', () => {
  it('runs server/main.ts compiled, with its own build next to the CLI\'s, and a path two folders up from a bundled module is the repository\'s', async () => {
    await writeFile(
      join(dir, 'server', 'main.ts'),
      "import { fileURLToPath } from 'node:url';\nprocess.stdout.write(`web ${fileURLToPath(new URL('../../out/web', import.meta.url))} ${process.argv.slice(2).join(' ')}\\n`);\n",
    );
    const cliBuilds = await builds('cli');
    const first = await launchScript('server.mjs', '--port', '0');
    expect(first).toEqual({ code: 0, stdout: `web ${join(dir, 'out', 'web')} --port 0\n`, stderr: '' });
    expect(await builds('server')).toHaveLength(1);
    expect(await builds('cli')).toEqual(cliBuilds);
    // Reused while nothing changed.
    const before = await builds('server');
    expect((await launchScript('server.mjs')).code).toBe(0);
    expect(await builds('server')).toEqual(before);
  });
});
