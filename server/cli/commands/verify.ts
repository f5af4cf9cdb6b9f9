import { verifyProjection } from '../../services/verify';
import { parseOptions } from '../args';
import { CliFailure, EXIT_CHECK_FAILED } from '../errors';
import { withStore } from '../store-target';

export async function verifyCommand(argv: string[]): Promise<string> {
  const opts = parseOptions(argv, { 'data-dir': { type: 'string' } }, 'verify');
  return withStore({ command: 'verify', argv, dataDir: opts['data-dir'] }, async (store) => {
    const result = await verifyProjection(store);
    if (result.differences.length === 0) return `ok: ${result.rows} activity rows agree with a recomputation\n`;
    const n = result.differences.length;
    throw new CliFailure(
      `verify: ${n} difference${n === 1 ? '' : 's'} between the precomputed activity and a recomputation`,
      EXIT_CHECK_FAILED,
      `${result.differences.join('\n')}\n`,
    );
  });
}
