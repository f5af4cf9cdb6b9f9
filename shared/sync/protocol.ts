/**
 * Wire types of the replication protocol between a desk (RxDB `replicateRxCollection`) and the
 * sync server. Endpoint shapes are described in server/PROTOCOL.md; the rules are docs/DESIGN.md §4.
 *
 * Pure types and constants: imported by the renderer (pull/push handlers, stream$) and the server.
 */
import type { BranchDoc, CustomerDoc } from '../domain/schemas';
import type { InsightRules } from '../insights/business-rules';
import type { RuleSettings } from '../domain/settings';
import type { BranchMetrics, MetricsReport } from '../engine/metrics';

/**
 * Every replicated collection. `branches` is read by every device; a branch's managers push
 * changes to their own branch's document only (never a new or deleted branch). `branch_settings` is
 * pushed by the branch's managers only, and so are the service menu (`services`) and the
 * staff with their hours (`staff`) and the team members with their passcode hashes (`members`).
 * `audit_events` are append-only: created by any desk of the branch, never changed.
 */
export const SYNC_COLLECTIONS = ['branches', 'customers', 'bookings', 'communications', 'campaigns', 'segments', 'branch_settings', 'services', 'staff', 'members', 'audit_events'] as const;
export type SyncCollection = (typeof SYNC_COLLECTIONS)[number];

/** Collections a desk may push to. */
const PUSH_COLLECTIONS = ['branches', 'customers', 'bookings', 'communications', 'campaigns', 'segments', 'branch_settings', 'services', 'staff', 'members', 'audit_events'] as const;
export type PushCollection = (typeof PUSH_COLLECTIONS)[number];

/** A document as RxDB replicates it: the schema fields plus the soft-delete flag. */
export type WireDoc<T> = T & { _deleted: boolean };

/**
 * Pull position: the server-assigned ordering stamp of the last document received and its id
 * (ties are broken by id). Opaque to the desk: store it, send it back.
 */
export interface Checkpoint {
  stamp: number;
  id: string;
}

/** `GET /api/sync/:collection/pull?stamp=&id=&limit=` answers this. */
export interface PullResponse<T> {
  documents: WireDoc<T>[];
  /** The last document's position, or the request's checkpoint (null: none) when nothing is new. */
  checkpoint: Checkpoint | null;
}

/** One row of `POST /api/sync/:collection/push` (the body is an array of these). */
export interface PushRow<T> {
  /** The master state the desk last saw; absent when the desk created the document. */
  assumedMasterState?: WireDoc<T> | null;
  newDocumentState: WireDoc<T>;
}

/**
 * Messages of the live stream (`GET /api/sync/stream`, text/event-stream), one JSON object per
 * SSE `data:` line. `resync` is sent on every (re)connection: the desk re-runs checkpoint
 * iteration (RxDB's `'RESYNC'`) for every collection.
 */
export type StreamMessage =
  | { type: 'resync' }
  | { type: 'change'; collection: SyncCollection; documents: WireDoc<{ id: string } & Record<string, unknown>>[]; checkpoint: Checkpoint }
  | ChangeNoticeMessage;

/**
 * What an HQ device's live stream carries instead of documents (HQ replicates nothing: it only
 * needs to know which of its reports to fetch again). `changes` names each branch whose
 * `collection` changed and the range of branch-local days (YYYY-MM-DD) the changed documents
 * fall on; `days: null` means any day (a customer, a setting), `changes: null` any branch (a CSV
 * import). A report as of a day before `days.first` is unchanged. A `resync` on an HQ stream
 * means notices may have been missed: refresh everything.
 */
export interface ChangeNoticeMessage {
  type: 'notice';
  collection: SyncCollection;
  changes: BranchChange[] | null;
}

export interface BranchChange {
  branch_id: string;
  /** The first and last branch-local day of the changed documents; null = any day. */
  days: { first: string; last: string } | null;
}

/** Request header carrying the desk's schema version (SCHEMA_VERSION of shared/domain/schemas). */
export const SCHEMA_HEADER = 'x-branchdesk-schema';

/** Largest push batch the server accepts (rows). */
export const MAX_PUSH_ROWS = 1000;
/**
 * Largest push body the server accepts (bytes of JSON, 4 MB). A row holds at most two documents
 * of MAX_DOCUMENT_BYTES (64 KB, shared/domain/validate) plus a few bytes, so any row fits many
 * times over; the desk splits a batch whose JSON would be larger (`splitPushBatch`).
 */
export const MAX_PUSH_BYTES = 4 * 1024 * 1024;
/** Largest pull batch the server returns (documents). */
export const MAX_PULL_LIMIT = 2000;

export const ROLES = ['front_desk', 'manager', 'hq'] as const;
export type Role = (typeof ROLES)[number];

/** What a desk needs after pairing (also `GET /api/session` without the token). */
export interface SessionInfo {
  device_id: string;
  /** The device's label ("Front desk 2"), given at enrolment; the server shows it with consent changes. */
  device_label: string;
  role: Role;
  /** The branch the device is enrolled to ('' for an hq device enrolled without a branch). */
  branch_id: string;
  /** The branch document, null for hq devices without a branch. */
  branch: BranchDoc | null;
  /** Schema version of the server. */
  schema_version: number;
  org: OrgInfo;
}

export interface EnrolResponse extends SessionInfo {
  /** Device token: send as `Authorization: Bearer …`. Shown once; keep it in the OS keychain. */
  token: string;
}

/** One delivery decision of the outbox (`GET /api/outbox/audit`). */
export interface OutboxAuditEntry {
  /** Increasing: page with `before=<id>`. */
  id: number;
  communication_id: string;
  customer_id: string;
  branch_id: string;
  channel: string;
  purpose: string;
  /** The device that queued the message (`server` for automated messages). */
  queued_by: string;
  /** Its label ("Manager 1"; '' when unknown). */
  queued_by_label: string;
  queued_role: string;
  outcome: 'handed_over' | 'sent' | 'failed' | 'cancelled' | 'deferred';
  reason: string;
  /** When the outbox decided (ISO instant). */
  at: string;
}

export interface OutboxAuditResponse {
  entries: OutboxAuditEntry[];
  /** Pass as `before` for the next (older) page; null when this was the last. */
  next_before: number | null;
}

/** A marketing-consent channel of a customer (`consent.<channel>`). */
export const CONSENT_CHANNELS = ['sms', 'email', 'push'] as const;
export type ConsentChannel = (typeof CONSENT_CHANNELS)[number];

/**
 * One accepted change of a customer's consent on one channel, as the server recorded it: who is
 * the device whose token pushed it (or erased the customer) — never a name the desk sent.
 */
export interface ConsentChange {
  channel: ConsentChannel;
  granted: boolean;
  /** The document's `consent.<channel>.at` after the change. */
  at: string;
  /** When the server accepted it (ISO instant). */
  recorded_at: string;
  device_id: string;
  /** "Front desk 2" (see SessionInfo.device_label). */
  device_label: string;
  /** 'server': the server itself (the retention rule erasing a customer). */
  role: Role | 'server';
  branch_id: string;
}

/** `GET /api/customers/:id/consent`. */
export interface ConsentHistory {
  customer_id: string;
  /** The latest recorded change per channel (null = none recorded by this server). */
  latest: Record<ConsentChannel, ConsentChange | null>;
  /** Newest first, at most CONSENT_HISTORY_LIMIT. */
  changes: ConsentChange[];
}

export const CONSENT_HISTORY_LIMIT = 50;

/** Business-wide settings and the organisation secret for HMAC customer ids. */
export interface OrgInfo {
  name: string;
  /** Secret for `deriveCustomerId` (shared/domain/contact). */
  customer_id_secret: string;
  rules: RuleSettings;
  /**
   * Business-wide insight rules (RFM cut-offs): every branch scores a customer the same way.
   * Absent from servers older than schema 1; use DEFAULT_INSIGHT_RULES then.
   */
  insights?: InsightRules;
  /**
   * The business's currency (ISO 4217; '' = amounts shown without one), set by HQ with the
   * spending tiers in `rules.tiers` (`PUT /api/org/money`). Absent from servers before migration 19.
   */
  currency?: string;
}

/** `GET /api/metrics/customers?branch_id=&status=`: a branch's customers of one status today, most spent first. */
export interface BranchCustomersResponse {
  branch_id: string;
  status: string;
  /** How many pairs have the status (the list holds at most 500 of them). */
  total: number;
  customers: {
    customer_id: string;
    name: string;
    phone: string;
    email: string;
    days_since_last_visit: number | null;
    last_visit_date: string | null;
    total_bookings: number;
    /** Cents. */
    total_spent: number;
    spending_tier: string;
  }[];
}

/** Takings (cents) of completed visits, their number, and the average ticket (cents, half up). */
export interface RevenueFigures {
  takings: number;
  visits: number;
  avg_ticket: number;
}

/** `GET /api/metrics/revenue?from=&to=`: per branch in the device's scope and in all, over branch-local days. */
export interface RevenueResponse {
  from: string;
  to: string;
  branches: Record<string, RevenueFigures>;
  all: RevenueFigures;
}

/** `PUT /api/org/money` (hq): the business's currency and spending-tier boundaries (cents). */
export interface OrgMoney {
  currency: string;
  spending: { vipAbove: number; highFrom: number; mediumFrom: number };
}

export interface LookupResponse {
  /** Matching customers, now linked to the caller's branch (at most a few). */
  customers: WireDoc<CustomerDoc>[];
}

/** `POST /api/sync/stream-ticket`: a short-lived ticket for EventSource (`?ticket=`). */
export interface StreamTicketResponse {
  ticket: string;
  expires_in_seconds: number;
}

/** `GET /api/metrics` answers the same JSON as the CLI `metrics` command. */
export type MetricsResponse = MetricsReport;

/**
 * `GET /api/metrics/trend?days=N` (the N days ending on the latest branch-local today) or
 * `?from=YYYY-MM-DD&to=YYYY-MM-DD`: one entry per date of the range, every branch in scope in
 * each, computed from the bookings' history (docs/DESIGN.md §2).
 */
export interface TrendResponse {
  from: string;
  to: string;
  /** The latest branch-local today: a date after it is not "live". */
  today: string;
  days: { date: string; branches: Record<string, BranchMetrics>; all: BranchMetrics }[];
}

/** Every 4xx/5xx body. */
export interface ErrorBody {
  error: string;
  details?: ErrorDetail[];
}

export interface ErrorDetail {
  /** Document id, when the problem is about one document. */
  document?: string;
  collection?: string;
  /** Dotted field path. */
  field?: string;
  message: string;
}

export function isSyncCollection(name: string): name is SyncCollection {
  return (SYNC_COLLECTIONS as readonly string[]).includes(name);
}

export function isPushCollection(name: string): name is PushCollection {
  return (PUSH_COLLECTIONS as readonly string[]).includes(name);
}
