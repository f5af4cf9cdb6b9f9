import type { Role } from '../../shared/sync/protocol';

/** An authenticated device (token holder). */
export interface Device {
  id: string;
  role: Role;
  /** Enrolled branch ('' for hq devices without one). */
  branch_id: string;
}

/** The branch whose documents a device reads and writes; null = every branch (hq, read-only). */
export function readScope(device: Device): string | null {
  return device.role === 'hq' ? null : device.branch_id;
}
