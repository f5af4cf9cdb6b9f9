/**
 * `npm start`: build with electron-vite, then open the desktop app with Electron. The Electron
 * binary is normally fetched by electron's install script, which package.json's `allowScripts`
 * denies (it needs GitHub and would break `npm install` without it), so it is fetched here the
 * first time instead; when that is impossible the user is told why and pointed to `start:web`.
 * Decisions live here (tested with fakes); scripts/start.mjs only supplies the real effects.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export type Env = Readonly<Record<string, string | undefined>>;

export interface RunOptions {
  cwd: string;
  env: Env;
}

export interface Captured {
  code: number;
  output: string;
}

/** The effects `start` needs: running programs, looking at files, printing. */
export interface StartDependencies {
  /** The project root (where package.json is). */
  root: string;
  /** The Node.js executable running this script. */
  node: string;
  env: Env;
  /** Runs a program with the terminal attached; resolves to its exit code. */
  run(command: string, args: readonly string[], options: RunOptions): Promise<number>;
  /** Runs a program collecting its output (not shown); resolves to its exit code and output. */
  capture(command: string, args: readonly string[], options: RunOptions): Promise<Captured>;
  exists(path: string): boolean;
  /** A file's text, or null when it cannot be read. */
  readText(path: string): string | null;
  log(message: string): void;
  error(message: string): void;
}

/** Where electron's own index.js says the binary is (path.txt under node_modules/electron), or null. */
function electronBinaryPath(root: string, env: Env, readText: (path: string) => string | null): string | null {
  const electronDir = join(root, 'node_modules', 'electron');
  const relative = readText(join(electronDir, 'path.txt'));
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override !== undefined && override !== '') return join(override, relative ?? 'electron');
  return relative === null || relative === '' ? null : join(electronDir, 'dist', relative);
}

/** The most telling line of a failed install's output (the error, not the stack trace). */
function failureReason(output: string, code: number): string {
  const lines = output
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('at '));
  const errorLine = lines.find((line) => /error|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|EACCES|status code/i.test(line));
  return errorLine ?? lines.at(-1) ?? `the download exited with code ${code}`;
}

export function cannotOpenMessage(reason: string): string {
  return [
    '',
    `Branchdesk: the Electron desktop binary could not be downloaded (${reason}).`,
    'The desktop window cannot open without it. The same app runs in your browser:',
    '',
    '    npm run start:web',
    '',
    'then open the address it prints (add ?demo=1 for demo data). To retry the desktop app later,',
    'run `npm start` again once github.com is reachable (or set ELECTRON_MIRROR to a mirror).',
    '',
  ].join('\n');
}

/** Builds, makes sure the Electron binary exists, launches it on the project; resolves to the exit code. */
export async function start(args: readonly string[], deps: StartDependencies): Promise<number> {
  const { root, node, env } = deps;
  deps.log('Branchdesk: building (electron-vite build)…');
  const built = await deps.run(node, [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], { cwd: root, env });
  if (built !== 0) {
    deps.error(`Branchdesk: the build failed (exit code ${built}); see the messages above.`);
    return built;
  }

  let binary = electronBinaryPath(root, env, deps.readText);
  if (binary === null || !deps.exists(binary)) {
    let reason: string;
    if (env.ELECTRON_SKIP_BINARY_DOWNLOAD !== undefined && env.ELECTRON_SKIP_BINARY_DOWNLOAD !== '') {
      reason = 'ELECTRON_SKIP_BINARY_DOWNLOAD is set';
    } else {
      deps.log('Branchdesk: fetching the Electron binary (first start only)…');
      const install = await deps.capture(node, [join(root, 'node_modules', 'electron', 'install.js')], { cwd: root, env });
      binary = electronBinaryPath(root, env, deps.readText);
      const installed = install.code === 0 && binary !== null && deps.exists(binary);
      reason = installed ? '' : install.code === 0 ? 'the download finished but no binary was found' : failureReason(install.output, install.code);
    }
    if (reason !== '' || binary === null) {
      deps.error(cannotOpenMessage(reason));
      return 1;
    }
  }

  const childEnv: Record<string, string | undefined> = { ...env };
  delete childEnv.ELECTRON_RUN_AS_NODE; // would make Electron behave as plain Node
  deps.log('Branchdesk: opening the desktop app…');
  return deps.run(binary, ['.', ...args], { cwd: root, env: childEnv });
}

const SIGNAL_NUMBERS: Readonly<Record<string, number>> = { SIGHUP: 1, SIGINT: 2, SIGKILL: 9, SIGTERM: 15 };

function exitCodeOf(code: number | null, signal: NodeJS.Signals | null): number {
  if (code !== null) return code;
  return 128 + (signal === null ? 1 : (SIGNAL_NUMBERS[signal] ?? 1));
}

function spawnFailure(command: string, error: NodeJS.ErrnoException): number {
  console.error(`Branchdesk: could not run ${command}: ${error.message}`);
  return error.code === 'ENOENT' ? 127 : 126;
}

/**
 * The real `run`: a child process sharing this terminal. SIGINT/SIGTERM sent to this script are
 * passed on to the child (which then closes itself) instead of orphaning it.
 */
function runInherited(command: string, args: readonly string[], options: RunOptions): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: 'inherit' });
    const forward = (signal: NodeJS.Signals): void => {
      child.kill(signal);
    };
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    const done = (code: number): void => {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      resolve(code);
    };
    child.once('error', (error) => done(spawnFailure(command, error)));
    child.once('exit', (code, signal) => done(exitCodeOf(code, signal)));
  });
}

/** The real `capture`: a child process whose output is collected (a failure's reason is printed by `start`). */
function runCaptured(command: string, args: readonly string[], options: RunOptions): Promise<Captured> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
    const chunks: string[] = [];
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => chunks.push(chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => chunks.push(chunk));
    child.once('error', (error) => resolve({ code: spawnFailure(command, error), output: `${chunks.join('')}${error.message}` }));
    child.once('close', (code, signal) => resolve({ code: exitCodeOf(code, signal), output: chunks.join('') }));
  });
}

/** The real dependencies of `start`. */
export function realDependencies(root: string): StartDependencies {
  return {
    root,
    node: process.execPath,
    env: process.env,
    run: runInherited,
    capture: runCaptured,
    exists: existsSync,
    readText: (path) => {
      try {
        return readFileSync(path, 'utf8').trim();
      } catch {
        return null;
      }
    },
    log: (message) => console.log(message),
    error: (message) => console.error(message),
  };
}
