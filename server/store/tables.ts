/**
 * How each replicated collection is stored: one table per collection with the whole document in
 * `data` (jsonb), the server's `stamp`, the soft-delete flag, and typed copies of the fields the
 * server queries (scope, projection, lookup).
 */
import type { BookingDoc, BranchDoc, BranchSettingsDoc, CampaignDoc, CommunicationDoc, CustomerDoc, SegmentDoc, ServiceDoc, StaffDoc, MemberDoc, AuditEventDoc } from '../../shared/domain/schemas';
import { normaliseEmail, normalisePhone } from '../../shared/domain/contact';
import { parseInstant } from '../../shared/time/instant';
import { zoneClock } from '../../shared/time/zone';
import type { SyncCollection, WireDoc } from '../../shared/sync/protocol';

export interface ColumnSpec {
  name: string;
  /** PostgreSQL type for jsonb_to_recordset. */
  type: 'text' | 'bigint' | 'integer' | 'boolean';
}

/** What a typed column needs besides the document. */
export interface RowContext {
  /** Time zone of each branch (booking local days). */
  timezones: ReadonlyMap<string, string>;
  /** Owning branch for a campaign whose branch_id is '' (the pushing device's branch). */
  ownerBranch: string;
}

export interface TableSpec {
  table: string;
  columns: readonly ColumnSpec[];
  values(doc: Record<string, unknown>, ctx: RowContext): Record<string, unknown>;
  /** Column holding the branch that owns the row (scope), when the collection is branch-scoped. */
  branchColumn?: string;
}

/** Lookup form of a phone: E.164 when it parses, the trimmed text otherwise. */
export function phoneKey(phone: string, country = ''): string {
  const r = normalisePhone(phone, country || undefined);
  return r.ok ? r.e164 : phone.trim();
}

/** Lookup form of an email: the whole address lower-cased. */
export function emailKey(email: string): string {
  const r = normaliseEmail(email);
  return (r.ok ? r.email : email.trim()).toLowerCase();
}

export const TABLES: Record<SyncCollection, TableSpec> = {
  branches: {
    table: 'branches',
    columns: [{ name: 'timezone', type: 'text' }],
    values: (d) => ({ timezone: (d as unknown as BranchDoc).timezone }),
  },
  customers: {
    table: 'customers',
    columns: [
      { name: 'home_branch_id', type: 'text' },
      { name: 'phone', type: 'text' },
      { name: 'email', type: 'text' },
    ],
    values: (d) => {
      const c = d as unknown as CustomerDoc;
      return { home_branch_id: c.home_branch_id, phone: phoneKey(c.phone), email: emailKey(c.email) };
    },
  },
  bookings: {
    table: 'bookings',
    branchColumn: 'branch_id',
    columns: [
      { name: 'branch_id', type: 'text' },
      { name: 'customer_id', type: 'text' },
      { name: 'status', type: 'text' },
      { name: 'price', type: 'bigint' },
      { name: 'start_ms', type: 'bigint' },
      { name: 'local_day', type: 'integer' },
      { name: 'service', type: 'text' },
      { name: 'staff', type: 'text' },
    ],
    values: (d, ctx) => {
      const b = d as unknown as BookingDoc;
      const ms = parseInstant(b.start_at);
      if (ms === null) throw new RangeError(`booking ${b.id}: start_at "${b.start_at}" is not an instant`);
      const zone = ctx.timezones.get(b.branch_id);
      if (zone === undefined) throw new RangeError(`booking ${b.id}: unknown branch "${b.branch_id}"`);
      return {
        branch_id: b.branch_id,
        customer_id: b.customer_id,
        status: b.status,
        price: b.price,
        start_ms: ms,
        local_day: zoneClock(zone).localDay(ms),
        service: b.service,
        staff: b.staff,
      };
    },
  },
  communications: {
    table: 'communications',
    branchColumn: 'branch_id',
    columns: [
      { name: 'branch_id', type: 'text' },
      { name: 'customer_id', type: 'text' },
      { name: 'status', type: 'text' },
      { name: 'channel', type: 'text' },
      { name: 'trigger_key', type: 'text' },
      { name: 'due_ms', type: 'bigint' },
    ],
    values: (d) => {
      const c = d as unknown as CommunicationDoc;
      return { branch_id: c.branch_id, customer_id: c.customer_id, status: c.status, channel: c.channel, trigger_key: c.trigger_key, due_ms: outboxDueMs(c) };
    },
  },
  campaigns: {
    table: 'campaigns',
    branchColumn: 'branch_id',
    columns: [{ name: 'branch_id', type: 'text' }],
    values: (d, ctx) => {
      const c = d as unknown as CampaignDoc;
      return { branch_id: c.branch_id !== '' ? c.branch_id : ctx.ownerBranch };
    },
  },
  segments: {
    table: 'segments',
    branchColumn: 'branch_id',
    columns: [{ name: 'branch_id', type: 'text' }],
    values: (d) => ({ branch_id: (d as unknown as SegmentDoc).branch_id }),
  },
  branch_settings: {
    table: 'branch_settings',
    branchColumn: 'branch_id',
    columns: [{ name: 'branch_id', type: 'text' }],
    values: (d) => ({ branch_id: (d as unknown as BranchSettingsDoc).branch_id }),
  },
  services: {
    table: 'services',
    branchColumn: 'branch_id',
    columns: [{ name: 'branch_id', type: 'text' }],
    values: (d) => ({ branch_id: (d as unknown as ServiceDoc).branch_id }),
  },
  staff: {
    table: 'staff',
    branchColumn: 'branch_id',
    columns: [{ name: 'branch_id', type: 'text' }],
    values: (d) => ({ branch_id: (d as unknown as StaffDoc).branch_id }),
  },
  members: {
    table: 'members',
    branchColumn: 'branch_id',
    columns: [{ name: 'branch_id', type: 'text' }],
    values: (d) => ({ branch_id: (d as unknown as MemberDoc).branch_id }),
  },
  audit_events: {
    table: 'audit_events',
    branchColumn: 'branch_id',
    columns: [{ name: 'branch_id', type: 'text' }],
    values: (d) => ({ branch_id: (d as unknown as AuditEventDoc).branch_id }),
  },
};

/**
 * When the outbox should (next) try to deliver a communication, epoch ms; null when it is not
 * waiting for delivery. Queued: due now (or at `next_attempt_at`); failed with a retry scheduled:
 * at `next_attempt_at`; anything else: never.
 */
export function outboxDueMs(c: Pick<CommunicationDoc, 'status' | 'next_attempt_at' | 'direction'>): number | null {
  if (c.direction !== 'outbound') return null;
  const next = c.next_attempt_at === '' ? null : parseInstant(c.next_attempt_at);
  if (c.status === 'queued') return next ?? 0;
  if (c.status === 'failed') return next;
  return null;
}

/** Splits a wire document into its stored parts. */
export function splitWire<T>(doc: WireDoc<T>): { data: Record<string, unknown>; deleted: boolean } {
  const { _deleted, ...rest } = doc as unknown as Record<string, unknown>;
  delete rest._meta;
  delete rest._rev;
  delete rest._attachments;
  return { data: rest, deleted: _deleted === true };
}

export function joinWire<T>(data: unknown, deleted: boolean): WireDoc<T> {
  return { ...(data as Record<string, unknown>), _deleted: deleted } as WireDoc<T>;
}
