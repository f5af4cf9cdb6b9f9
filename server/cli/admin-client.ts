import type { LockState } from '../db/data-dir';
import { CliError, CliFailure } from './errors';

/** What the server's admin endpoint answers for a forwarded command. */
export interface AdminResult {
  exitCode: number;
  stdout: string;
  message: string;
}

export const ADMIN_SECRET_HEADER = 'x-branchdesk-admin';

/** Runs a command in the server holding the data directory; its output becomes ours. */
export async function forwardToServer(state: LockState, command: string, argv: string[]): Promise<string> {
  let response: Response;
  try {
    response = await fetch(`http://127.0.0.1:${state.adminPort}/admin/cli`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [ADMIN_SECRET_HEADER]: state.adminSecret ?? '' },
      body: JSON.stringify({ command, argv }),
    });
  } catch (error) {
    throw new CliError(`cannot reach the running server (pid ${state.pid}) on its admin port: ${(error as Error).message}`, 70);
  }
  if (!response.ok) throw new CliError(`the running server refused the command (HTTP ${response.status}): ${await response.text()}`, 70);
  const result = (await response.json()) as AdminResult;
  if (result.exitCode === 0) return result.stdout;
  throw result.stdout !== '' ? new CliFailure(result.message, result.exitCode, result.stdout) : new CliError(result.message, result.exitCode);
}
