import { listDevices, revokeDevice } from '../../store/auth';
import { parseOptions, requireOption } from '../args';
import { CliError, EXIT_BAD_INPUT } from '../errors';
import { withStore } from '../store-target';

export async function devicesCommand(argv: string[]): Promise<string> {
  const opts = parseOptions(argv, { 'data-dir': { type: 'string' } }, 'devices');
  return withStore({ command: 'devices', argv, dataDir: opts['data-dir'] }, async (store) => {
    const lines = ['id,role,branch_id,enrolled_at,revoked_at'];
    for (const d of await listDevices(store)) {
      lines.push([d.id, d.role, d.branch_id, new Date(d.created_ms).toISOString(), d.revoked_ms === null ? '' : new Date(d.revoked_ms).toISOString()].join(','));
    }
    return `${lines.join('\n')}\n`;
  });
}

export async function revokeCommand(argv: string[]): Promise<string> {
  const opts = parseOptions(argv, { 'data-dir': { type: 'string' }, device: { type: 'string' } }, 'revoke');
  const device = requireOption(opts.device, 'device', 'revoke');
  return withStore({ command: 'revoke', argv, dataDir: opts['data-dir'] }, async (store) => {
    if (!(await revokeDevice(store, device))) throw new CliError(`revoke: no active device "${device}"`, EXIT_BAD_INPUT);
    return `revoked ${device}\n`;
  });
}
