/**
 * Enrolment codes and device tokens. Codes are one-time, expire, and are stored hashed; tokens
 * are 32 random bytes, stored as SHA-256 and revocable. Both are high-entropy secrets, so a
 * fast hash is the right tool (no password stretching needed).
 */
import { createHash, randomBytes } from 'node:crypto';
import { ROLES, type Role } from '../../shared/sync/protocol';
import type { Device } from './device';
import { toNumber } from '../db/database';
import { loadBranches } from './branches';
import { ApiError, badRequest } from './errors';
import type { Store } from './store';

export const DEFAULT_CODE_TTL_MS = 24 * 3_600_000;

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** 80 random bits as 16 Crockford base-32 characters in groups of four (easy to read out). */
function newCode(): string {
  const bytes = randomBytes(10);
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += CROCKFORD[(value >> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return (out.match(/.{4}/g) ?? []).join('-');
}

/** Canonical form of a typed code: upper case, no separators, Crockford's look-alikes mapped. */
export function canonicalCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export interface NewCode {
  code: string;
  branch_id: string;
  role: Role;
  expires_ms: number;
  /** The label the device will get ('' = numbered at enrolment, "Front desk 2"). */
  label: string;
}

export const MAX_LABEL_LENGTH = 60;

const ROLE_WORDS: Record<Role, string> = { front_desk: 'Front desk', manager: 'Manager', hq: 'HQ' };

/** A device label people recognise, or a 400 naming what is wrong with it. */
export function checkLabel(label: string): string {
  const trimmed = label.trim();
  if (trimmed.length > MAX_LABEL_LENGTH) throw badRequest(`the device label is longer than ${MAX_LABEL_LENGTH} characters`);
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(trimmed) || /[\ud800-\udfff]/.test(trimmed.replace(/[\ud800-\udbff][\udc00-\udfff]/g, ''))) {
    throw badRequest('the device label may not hold control characters or broken characters');
  }
  return trimmed;
}

export async function createEnrolmentCode(store: Store, branchId: string, role: Role, ttlMs = DEFAULT_CODE_TTL_MS, label = ''): Promise<NewCode> {
  const cleanLabel = checkLabel(label);
  const branches = await loadBranches(store.db);
  if (branchId !== '' && !branches.has(branchId)) {
    throw badRequest(`unknown branch "${branchId}" (known: ${[...branches.keys()].join(', ') || 'none — import data first'})`);
  }
  if (role !== 'hq' && branchId === '') throw badRequest(`a ${role} device needs --branch`);
  const code = newCode();
  const now = store.clock();
  await store.db.query(
    'INSERT INTO enrolment_codes (code_hash, branch_id, role, created_ms, expires_ms, label) VALUES ($1, $2, $3, $4, $5, $6)',
    [sha256(canonicalCode(code)), branchId, role, now, now + ttlMs, cleanLabel],
  );
  return { code, branch_id: branchId, role, expires_ms: now + ttlMs, label: cleanLabel };
}

/** Redeems a code once; throws 401 naming why (unknown, used, expired). */
export async function redeemEnrolmentCode(store: Store, code: string): Promise<{ token: string; device: Device; label: string }> {
  const hash = sha256(canonicalCode(code));
  const now = store.clock();
  const deviceId = `dev_${randomBytes(8).toString('hex')}`;
  const token = `bdt_${randomBytes(32).toString('base64url')}`;
  return store.db.transaction(async (tx) => {
    const used = await tx.query<{ branch_id: string; role: string; label: string }>(
      `UPDATE enrolment_codes SET used_ms = $2, device_id = $3
       WHERE code_hash = $1 AND used_ms IS NULL AND expires_ms > $2 RETURNING branch_id, role, label`,
      [hash, now, deviceId],
    );
    const row = used[0];
    if (row === undefined) {
      const known = await tx.query<{ used_ms: unknown; expires_ms: unknown }>('SELECT used_ms, expires_ms FROM enrolment_codes WHERE code_hash = $1', [hash]);
      const k = known[0];
      const why = k === undefined ? 'unknown enrolment code' : k.used_ms !== null ? 'this enrolment code was already used' : 'this enrolment code has expired';
      throw new ApiError(401, why, [{ field: 'code', message: why }]);
    }
    if (!isRole(row.role)) throw new Error(`stored role "${row.role}" is not a role`);
    let label = row.label;
    if (label === '') {
      const n = await tx.query<{ n: unknown }>('SELECT count(*) AS n FROM devices WHERE branch_id = $1 AND role = $2', [row.branch_id, row.role]);
      label = `${ROLE_WORDS[row.role]} ${toNumber(n[0]?.n) + 1}`;
    }
    await tx.query('INSERT INTO devices (id, token_hash, branch_id, role, created_ms, label) VALUES ($1, $2, $3, $4, $5, $6)', [
      deviceId,
      sha256(token),
      row.branch_id,
      row.role,
      now,
      label,
    ]);
    return { token, device: { id: deviceId, role: row.role, branch_id: row.branch_id }, label };
  });
}

/** The device holding a token, or null for an unknown or revoked token. */
export async function authenticate(store: Store, token: string): Promise<Device | null> {
  const rows = await store.db.query<{ id: string; role: string; branch_id: string; revoked_ms: unknown }>(
    'SELECT id, role, branch_id, revoked_ms FROM devices WHERE token_hash = $1',
    [sha256(token)],
  );
  const row = rows[0];
  if (row === undefined || row.revoked_ms !== null || !isRole(row.role)) return null;
  return { id: row.id, role: row.role, branch_id: row.branch_id };
}

/** An active device by id (stream tickets), or null. */
export async function deviceById(store: Store, deviceId: string): Promise<Device | null> {
  const rows = await store.db.query<{ id: string; role: string; branch_id: string }>(
    'SELECT id, role, branch_id FROM devices WHERE id = $1 AND revoked_ms IS NULL',
    [deviceId],
  );
  const row = rows[0];
  return row === undefined || !isRole(row.role) ? null : { id: row.id, role: row.role, branch_id: row.branch_id };
}

/** The label of a device ('' for an unknown id). */
export async function deviceLabel(store: Store, deviceId: string): Promise<string> {
  const rows = await store.db.query<{ label: string }>('SELECT label FROM devices WHERE id = $1', [deviceId]);
  return rows[0]?.label ?? '';
}

export async function revokeDevice(store: Store, deviceId: string): Promise<boolean> {
  const rows = await store.db.query('UPDATE devices SET revoked_ms = $2 WHERE id = $1 AND revoked_ms IS NULL RETURNING id', [deviceId, store.clock()]);
  return rows.length > 0;
}

export interface DeviceRow extends Device {
  created_ms: number;
  revoked_ms: number | null;
}

export async function listDevices(store: Store): Promise<DeviceRow[]> {
  const rows = await store.db.query<{ id: string; role: string; branch_id: string; created_ms: unknown; revoked_ms: unknown }>(
    'SELECT id, role, branch_id, created_ms, revoked_ms FROM devices ORDER BY created_ms, id',
  );
  return rows
    .filter((r) => isRole(r.role))
    .map((r) => ({
      id: r.id,
      role: r.role as Role,
      branch_id: r.branch_id,
      created_ms: toNumber(r.created_ms),
      revoked_ms: r.revoked_ms === null ? null : toNumber(r.revoked_ms),
    }));
}
