import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { realDependencies, start, type Captured, type Env, type RunOptions, type StartDependencies } from './start-lib';

const ROOT = '/project';
const PATH_TXT = join(ROOT, 'node_modules', 'electron', 'path.txt');
const BINARY = join(ROOT, 'node_modules', 'electron', 'dist', 'electron');
const BUILD = [join(ROOT, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'];
const INSTALL = [join(ROOT, 'node_modules', 'electron', 'install.js')];

interface Call {
  command: string;
  args: readonly string[];
  env: Env;
}

/** A fake machine: a file system of paths, programs with scripted exit codes, recorded output. */
function machine(options: { files?: Record<string, string>; build?: number; install?: Captured & { creates?: boolean }; app?: number; env?: Env } = {}) {
  const files = new Map(Object.entries(options.files ?? {}));
  const calls: Call[] = [];
  const out: string[] = [];
  const err: string[] = [];
  const deps: StartDependencies = {
    root: ROOT,
    node: '/usr/bin/node',
    env: options.env ?? { PATH: '/usr/bin' },
    run: async (command, args, { env }: RunOptions) => {
      calls.push({ command, args, env });
      if (command === '/usr/bin/node' && args[1] === 'build') return options.build ?? 0;
      return options.app ?? 0;
    },
    capture: async (command, args, { env }) => {
      calls.push({ command, args, env });
      const install = options.install ?? { code: 1, output: 'RequestError: getaddrinfo ENOTFOUND github.com\n    at x (y.js:1:1)\n' };
      if (install.creates === true) {
        files.set(PATH_TXT, 'electron');
        files.set(BINARY, '');
      }
      return { code: install.code, output: install.output };
    },
    exists: (path) => files.has(path),
    readText: (path) => files.get(path) ?? null,
    log: (message) => out.push(message),
    error: (message) => err.push(message),
  };
  return { deps, calls, out, err };
}

const installed = { [PATH_TXT]: 'electron', [BINARY]: '' };

describe('start', () => {
  it('builds, then launches Electron on the project with the extra arguments', async () => {
    const m = machine({ files: installed, app: 0, env: { PATH: '/usr/bin', ELECTRON_RUN_AS_NODE: '1' } });
    expect(await start(['--demo'], m.deps)).toBe(0);
    expect(m.calls.map((c) => [c.command, c.args])).toEqual([
      ['/usr/bin/node', BUILD],
      [BINARY, ['.', '--demo']],
    ]);
    expect(m.calls[1]?.env).toEqual({ PATH: '/usr/bin' }); // ELECTRON_RUN_AS_NODE removed
    expect(m.err).toEqual([]);
  });
  it("exits with the app's exit code", async () => {
    expect(await start([], machine({ files: installed, app: 3 }).deps)).toBe(3);
  });
  it('stops with the build’s exit code when the build fails', async () => {
    const m = machine({ files: installed, build: 2 });
    expect(await start([], m.deps)).toBe(2);
    expect(m.calls).toHaveLength(1);
    expect(m.err.join('\n')).toMatch(/the build failed \(exit code 2\)/);
  });
  it('fetches a missing binary once, then launches it', async () => {
    const m = machine({ install: { code: 0, output: '', creates: true } });
    expect(await start([], m.deps)).toBe(0);
    expect(m.calls.map((c) => [c.command, c.args])).toEqual([
      ['/usr/bin/node', BUILD],
      ['/usr/bin/node', INSTALL],
      [BINARY, ['.']],
    ]);
  });
  it('also fetches when path.txt exists but the binary does not', async () => {
    const m = machine({ files: { [PATH_TXT]: 'electron' }, install: { code: 0, output: '', creates: true } });
    expect(await start([], m.deps)).toBe(0);
    expect(m.calls[1]?.args).toEqual(INSTALL);
  });
  it('explains a failed download, points to start:web and exits 1 without launching', async () => {
    const m = machine();
    expect(await start(['--demo'], m.deps)).toBe(1);
    expect(m.calls.map((c) => c.args)).toEqual([BUILD, INSTALL]);
    const message = m.err.join('\n');
    expect(message).toContain('the Electron desktop binary could not be downloaded (RequestError: getaddrinfo ENOTFOUND github.com)');
    expect(message).toContain('npm run start:web');
  });
  it('treats a "successful" install that produced no binary as a failure', async () => {
    const m = machine({ install: { code: 0, output: '' } });
    expect(await start([], m.deps)).toBe(1);
    expect(m.err.join('\n')).toContain('the download finished but no binary was found');
  });
  it('does not try to download when ELECTRON_SKIP_BINARY_DOWNLOAD is set', async () => {
    const m = machine({ env: { ELECTRON_SKIP_BINARY_DOWNLOAD: '1' } });
    expect(await start([], m.deps)).toBe(1);
    expect(m.calls.map((c) => c.args)).toEqual([BUILD]);
    expect(m.err.join('\n')).toContain('(ELECTRON_SKIP_BINARY_DOWNLOAD is set)');
  });
});

describe('the Electron binary', () => {
  /** What start launches with these files and environment ('' when it launches nothing). */
  const launched = async (files: Record<string, string>, env: Env = { PATH: '/usr/bin' }) => {
    const m = machine({ files, env, install: { code: 1, output: 'offline' } });
    await start([], m.deps);
    const last = m.calls.at(-1);
    return last !== undefined && last.args[0] === '.' ? last.command : '';
  };
  it('follows path.txt like electron/index.js', async () => {
    const mac = join(ROOT, 'node_modules', 'electron', 'dist', 'Electron.app/Contents/MacOS/Electron');
    expect(await launched({ [PATH_TXT]: 'Electron.app/Contents/MacOS/Electron', [mac]: '' })).toBe(mac);
    expect(await launched({})).toBe('');
  });
  it('honours ELECTRON_OVERRIDE_DIST_PATH', async () => {
    const override = join('/opt/electron', 'electron');
    expect(await launched({ [override]: '' }, { ELECTRON_OVERRIDE_DIST_PATH: '/opt/electron' })).toBe(override);
  });
});

describe('a failed download', () => {
  const reason = async (output: string, code: number) => {
    const m = machine({ install: { code, output } });
    expect(await start([], m.deps)).toBe(1);
    return /could not be downloaded \((.*)\)\./.exec(m.err.join('\n'))?.[1];
  };
  it('is explained by its error line, not the stack', async () => {
    expect(await reason('HTTPError: Response code 404 (Not Found)\n    at a (b:1:1)\n', 1)).toBe('HTTPError: Response code 404 (Not Found)');
    expect(await reason('  \n', 7)).toBe('the download exited with code 7');
  });
});

describe('real process runners', () => {
  const options = { cwd: process.cwd(), env: process.env };
  const { run: runInherited, capture: runCaptured } = realDependencies(process.cwd());
  it('runInherited resolves to the exit code, 127 for a missing program', async () => {
    expect(await runInherited(process.execPath, ['-e', 'process.exit(3)'], options)).toBe(3);
    const original = console.error;
    const errors: unknown[] = [];
    console.error = (...args: unknown[]) => void errors.push(args);
    try {
      expect(await runInherited('/nonexistent/branchdesk-electron', [], options)).toBe(127);
    } finally {
      console.error = original;
    }
    expect(String(errors[0])).toContain('could not run /nonexistent/branchdesk-electron');
  });
  it('runCaptured collects the output and the exit code', async () => {
    const result = await runCaptured(process.execPath, ['-e', 'process.stderr.write("boom\\n"); process.exit(4)'], options);
    expect(result).toEqual({ code: 4, output: 'boom\n' });
  });
});
