import type { Role } from '../../shared/sync/protocol';

/** An authenticated device (token holder). */
export interface Device {
  id: string;
  role: Role;
  /** Enrolled branch ('' for hq devices without one). */
  branch_id: string;
}

