/** Spawned CLI and server processes for tests that need real processes. */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const REPO = fileURLToPath(new URL('../..', import.meta.url));

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

function collect(child: ChildProcess): Promise<RunResult> {
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

function childEnv(env: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const merged: Record<string, string | undefined> = { ...process.env, LOG_LEVEL: 'info', DATABASE_URL: undefined, ...env };
  return Object.fromEntries(Object.entries(merged).filter(([, v]) => v !== undefined));
}

/** `node scripts/cli.mjs …` (what `npm run --silent cli -- …` runs: the compiled CLI). */
export function runCli(args: string[], env: Record<string, string | undefined> = {}): Promise<RunResult> {
  return collect(spawn(process.execPath, ['--enable-source-maps', 'scripts/cli.mjs', ...args], { cwd: REPO, env: childEnv(env) }));
}

/** Through npm, exactly as the contract says. */
export function runNpm(args: string[], env: Record<string, string | undefined> = {}): Promise<RunResult> {
  return collect(spawn('npm', args, { cwd: REPO, env: childEnv(env) }));
}

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  logs: () => string;
  /** SIGTERM, then the exit code. */
  stop(): Promise<number | null>;
  exited: Promise<number | null>;
}

/**
 * Starts a server process (`viaNpm`: `npm run server -- …`) on port 0 and resolves when it logs
 * its URL; rejects with its output if it exits first.
 */
export function startServerProcess(args: string[], env: Record<string, string | undefined> = {}, viaNpm = false): Promise<ServerProcess> {
  const all = ['--port', '0', ...args];
  const child = viaNpm
    ? spawn('npm', ['run', 'server', '--', ...all], { cwd: REPO, env: childEnv(env) })
    : spawn(process.execPath, ['--enable-source-maps', 'scripts/server.mjs', ...all], { cwd: REPO, env: childEnv(env) });
  let logs = '';
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const onData = (d: Buffer) => {
      logs += d.toString();
      const m = /"url":"(http:\/\/[^"]+)"[^\n]*"msg":"Branchdesk server listening"/.exec(logs);
      if (m !== null) {
        child.stdout?.off('data', onData);
        child.stdout?.on('data', (more: Buffer) => (logs += more.toString()));
        resolve({
          url: m[1] as string,
          child,
          logs: () => logs,
          exited,
          async stop() {
            child.kill('SIGTERM');
            return exited;
          },
        });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (d: Buffer) => (logs += d.toString()));
    void exited.then((code) => reject(new Error(`server exited (${code}) before listening:\n${logs}`)));
  });
}
