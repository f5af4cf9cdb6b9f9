import { createEnrolmentCode, DEFAULT_CODE_TTL_MS, isRole } from '../../store/auth';
import { ApiError } from '../../store/errors';
import { parseOptions, requireOption } from '../args';
import { CliError, EXIT_BAD_INPUT, usageError } from '../errors';
import { withStore } from '../store-target';

export async function enrolCommand(argv: string[]): Promise<string> {
  const opts = parseOptions(
    argv,
    { 'data-dir': { type: 'string' }, branch: { type: 'string' }, role: { type: 'string' }, 'ttl-hours': { type: 'string' }, label: { type: 'string' } },
    'enroll',
  );
  const role = requireOption(opts.role, 'role', 'enroll');
  if (!isRole(role)) throw usageError(`enroll: --role must be front_desk, manager or hq (got "${role}")`);
  const branch = role === 'hq' ? (opts.branch ?? '') : requireOption(opts.branch, 'branch', 'enroll');
  const ttlText = opts['ttl-hours'];
  if (ttlText !== undefined && !/^\d+(\.\d+)?$/.test(ttlText)) throw usageError('enroll: --ttl-hours must be a positive number');
  const ttlMs = ttlText === undefined ? DEFAULT_CODE_TTL_MS : Math.round(Number(ttlText) * 3_600_000);
  if (ttlMs <= 0 || ttlMs > 30 * 24 * 3_600_000) throw usageError('enroll: --ttl-hours must be between 0 and 720');
  return withStore({ command: 'enroll', argv, dataDir: opts['data-dir'] }, async (store) => {
    try {
      const code = await createEnrolmentCode(store, branch, role, ttlMs, opts.label ?? '');
      const scope = code.branch_id === '' ? 'all branches' : `branch ${code.branch_id}`;
      const named = code.label === '' ? '' : ` named "${code.label}"`;
      return `enrolment code for a ${role} device${named} at ${scope}, valid once until ${new Date(code.expires_ms).toISOString()}:\n${code.code}\n`;
    } catch (error) {
      if (error instanceof ApiError) throw new CliError(`enroll: ${error.message}`, EXIT_BAD_INPUT);
      throw error;
    }
  });
}
