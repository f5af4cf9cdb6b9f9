/**
 * Running the admin CLI from tests: in process (`run()` with captured output) or as a user and an
 * outside test do (`npm run --silent cli -- …` in a child process: package.json script, the
 * compiled launcher, exit code, stdout and stderr of the process).
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { run } from '../cli/run';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** One CLI command in this process, its output captured. */
export async function cliInProcess(...argv: string[]): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await run(
    argv,
    { write: (chunk: string) => ((stdout += chunk), true) },
    { write: (chunk: string) => ((stderr += chunk), true) },
  );
  return { code, stdout, stderr };
}

/** One CLI command through npm in a child process, from the project root. */
export function npmCli(...args: string[]): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    execFile('npm', ['run', '--silent', 'cli', '--', ...args], { cwd: PROJECT_ROOT, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error !== null && typeof error.code !== 'number') {
        reject(error);
        return;
      }
      resolve({ code: error === null ? 0 : (error.code as number), stdout, stderr });
    });
  });
}
