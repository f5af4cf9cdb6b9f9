/**
 * Checks of what the sync server answers, at the edge: the replication, the pairing and the HQ
 * dashboard trust these types only after they passed here. Problems name the part that is wrong.
 * (Documents inside a pull are validated again by the replica's schema check on write.)
 */
import type { BranchDoc } from '../../../shared/domain/schemas';
import { validateDocument } from '../../../shared/domain/validate';
import type { BranchMetrics, MetricsReport } from '../../../shared/engine/metrics';
import {
  CONSENT_CHANNELS,
  isSyncCollection,
  ROLES,
  type BranchChange,
  type BranchCustomersResponse,
  type Checkpoint,
  type ConsentChange,
  type ConsentHistory,
  type EnrolResponse,
  type OrgInfo,
  type OrgMoney,
  type PullResponse,
  type RevenueFigures,
  type RevenueResponse,
  type Role,
  type SessionInfo,
  type StreamMessage,
  type TrendResponse,
  type WireDoc,
} from '../../../shared/sync/protocol';
import type { RuleSettings } from '../../../shared/domain/settings';
import { SyncProtocolError } from './errors';

type AnyDoc = { id: string } & Record<string, unknown>;

function fail(message: string): never {
  throw new SyncProtocolError(message);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function record(value: unknown, what: string): Record<string, unknown> {
  if (!isRecord(value)) fail(`${what} is not an object`);
  return value;
}

function str(value: unknown, what: string): string {
  if (typeof value !== 'string') fail(`${what} is not a string`);
  return value;
}

function num(value: unknown, what: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) fail(`${what} is not a number`);
  return value;
}

export function parseCheckpoint(value: unknown, what = 'checkpoint'): Checkpoint | null {
  if (value === null) return null;
  const c = record(value, what);
  const stamp = num(c.stamp, `${what}.stamp`);
  if (!Number.isSafeInteger(stamp) || stamp < 0) fail(`${what}.stamp is not a whole number`);
  return { stamp, id: str(c.id, `${what}.id`) };
}

function wireDoc(value: unknown, what: string): WireDoc<AnyDoc> {
  const doc = record(value, what);
  if (typeof doc.id !== 'string' || doc.id === '') fail(`${what} has no id`);
  if (doc._deleted !== undefined && typeof doc._deleted !== 'boolean') fail(`${what} (${doc.id}) has a non-boolean _deleted`);
  return { ...doc, id: doc.id, _deleted: doc._deleted === true };
}

function docs(value: unknown, what: string): WireDoc<AnyDoc>[] {
  if (!Array.isArray(value)) fail(`${what} is not an array`);
  return value.map((d, i) => wireDoc(d, `${what}[${i}]`));
}

export function parsePullResponse(value: unknown): PullResponse<AnyDoc> {
  const body = record(value, 'the pull answer');
  return { documents: docs(body.documents, 'documents'), checkpoint: parseCheckpoint(body.checkpoint ?? null) };
}

export function parsePushResponse(value: unknown): WireDoc<AnyDoc>[] {
  return docs(value, 'the push answer (conflicts)');
}

function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** The organisation's part of an enrolment or session answer (`currency` absent from servers before migration 19). */
function orgOf(org: Record<string, unknown>): OrgInfo {
  const out: OrgInfo = { name: str(org.name, 'org.name'), customer_id_secret: str(org.customer_id_secret, 'org.customer_id_secret'), rules: rules(org.rules) };
  if (org.currency !== undefined) {
    const currency = str(org.currency, 'org.currency');
    if (!/^([A-Z]{3})?$/.test(currency)) fail(`org.currency "${currency}" is not an ISO 4217 code`);
    out.currency = currency;
  }
  return out;
}

function rules(value: unknown): RuleSettings {
  const r = record(value, 'org.rules');
  const t = record(r.thresholds, 'org.rules.thresholds');
  const tiers = record(r.tiers, 'org.rules.tiers');
  const s = record(tiers.spending, 'org.rules.tiers.spending');
  const f = record(tiers.frequency, 'org.rules.tiers.frequency');
  return {
    thresholds: { activeDays: num(t.activeDays, 'activeDays'), atRiskDays: num(t.atRiskDays, 'atRiskDays') },
    tiers: {
      spending: { vipAbove: num(s.vipAbove, 'vipAbove'), highFrom: num(s.highFrom, 'highFrom'), mediumFrom: num(s.mediumFrom, 'mediumFrom') },
      frequency: { frequentAbove: num(f.frequentAbove, 'frequentAbove'), regularFrom: num(f.regularFrom, 'regularFrom'), occasionalFrom: num(f.occasionalFrom, 'occasionalFrom') },
    },
  };
}

export function parseSessionInfo(value: unknown): SessionInfo {
  const body = record(value, 'the session answer');
  if (!isRole(body.role)) fail(`role "${String(body.role)}" is not one of ${ROLES.join(', ')}`);
  let branch: BranchDoc | null = null;
  if (body.branch !== null && body.branch !== undefined) {
    const problems = validateDocument('branches', body.branch);
    if (problems.length > 0) fail(`the branch document is invalid (${problems[0]?.field}: ${problems[0]?.message})`);
    branch = body.branch as BranchDoc;
  }
  const org = record(body.org, 'org');
  const info: SessionInfo = {
    device_id: str(body.device_id, 'device_id'),
    // Servers before device labels (issue 8) did not send one.
    device_label: body.device_label === undefined ? '' : str(body.device_label, 'device_label'),
    role: body.role,
    branch_id: str(body.branch_id, 'branch_id'),
    branch,
    schema_version: num(body.schema_version, 'schema_version'),
    org: orgOf(org),
  };
  if (info.role !== 'hq' && (info.branch === null || info.branch.id !== info.branch_id)) fail(`the ${info.role} device has no branch document for "${info.branch_id}"`);
  return info;
}

function consentChange(value: unknown, what: string): ConsentChange {
  const c = record(value, what);
  const channel = str(c.channel, `${what}.channel`);
  if (!(CONSENT_CHANNELS as readonly string[]).includes(channel)) fail(`${what}.channel "${channel}" is not one of ${CONSENT_CHANNELS.join(', ')}`);
  if (typeof c.granted !== 'boolean') fail(`${what}.granted is not a boolean`);
  const role = str(c.role, `${what}.role`);
  if (role !== 'server' && !isRole(role)) fail(`${what}.role "${role}" is not a role`);
  return {
    channel: channel as ConsentChange['channel'],
    granted: c.granted,
    at: str(c.at, `${what}.at`),
    recorded_at: str(c.recorded_at, `${what}.recorded_at`),
    device_id: str(c.device_id, `${what}.device_id`),
    device_label: str(c.device_label, `${what}.device_label`),
    role: role as ConsentChange['role'],
    branch_id: str(c.branch_id, `${what}.branch_id`),
  };
}

/** `GET /api/customers/:id/consent`: who changed a customer's consent, and when (server/PROTOCOL.md). */
export function parseConsentHistory(value: unknown): ConsentHistory {
  const body = record(value, 'the consent history');
  const latest = record(body.latest, 'latest');
  if (!Array.isArray(body.changes)) fail('changes is not an array');
  const pick = (ch: ConsentChange['channel']): ConsentChange | null => (latest[ch] === null || latest[ch] === undefined ? null : consentChange(latest[ch], `latest.${ch}`));
  return {
    customer_id: str(body.customer_id, 'customer_id'),
    latest: { sms: pick('sms'), email: pick('email'), push: pick('push') },
    changes: body.changes.map((c, i) => consentChange(c, `changes[${i}]`)),
  };
}

export function parseEnrolResponse(value: unknown): EnrolResponse {
  const body = record(value, 'the enrolment answer');
  const token = str(body.token, 'token');
  if (token.length < 16) fail('the device token is too short');
  return { ...parseSessionInfo(body), token };
}

/** One `data:` line of the live stream. */
function branchChanges(value: unknown): BranchChange[] {
  if (!Array.isArray(value)) fail('a live-stream notice\'s changes are not a list');
  return value.map((v, i) => {
    const c = record(v, `changes[${i}]`);
    const branch = str(c.branch_id, `changes[${i}].branch_id`);
    if (c.days === null) return { branch_id: branch, days: null };
    const days = record(c.days, `changes[${i}].days`);
    const day = (key: 'first' | 'last'): string => {
      const text = str(days[key], `changes[${i}].days.${key}`);
      if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) fail(`changes[${i}].days.${key} "${text}" is not a date (YYYY-MM-DD)`);
      return text;
    };
    return { branch_id: branch, days: { first: day('first'), last: day('last') } };
  });
}

export function parseStreamMessage(text: string): StreamMessage {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    fail('a live-stream message is not JSON');
  }
  const m = record(value, 'a live-stream message');
  if (m.type === 'resync') return { type: 'resync' };
  if (m.type !== 'change' && m.type !== 'notice') fail(`unknown live-stream message type "${String(m.type)}"`);
  const collection = str(m.collection, 'collection');
  if (!isSyncCollection(collection)) fail(`unknown collection "${collection}" in the live stream`);
  if (m.type === 'notice') return { type: 'notice', collection, changes: m.changes === null ? null : branchChanges(m.changes) };
  const checkpoint = parseCheckpoint(m.checkpoint);
  if (checkpoint === null) fail('a live-stream change has no checkpoint');
  return { type: 'change', collection, documents: docs(m.documents, 'documents'), checkpoint };
}

const METRIC_KEYS: (keyof BranchMetrics)[] = ['customers', 'new', 'active', 'win_back', 'at_risk', 'churned', 'new_customers_30d', 'churn_rate', 'avg_clv', 'avg_visits'];

function metrics(value: unknown, what: string): BranchMetrics {
  const m = record(value, what);
  const out = {} as BranchMetrics;
  for (const key of METRIC_KEYS) out[key] = num(m[key], `${what}.${key}`);
  return out;
}

function branchMetrics(value: unknown, what: string): Record<string, BranchMetrics> {
  const b = record(value, what);
  return Object.fromEntries(Object.entries(b).map(([id, m]) => [id, metrics(m, `${what}.${id}`)]));
}

export function parseMetricsResponse(value: unknown): MetricsReport {
  const body = record(value, 'the metrics answer');
  return { as_of: str(body.as_of, 'as_of'), branches: branchMetrics(body.branches, 'branches'), all: metrics(body.all, 'all') };
}

export function parseTrendResponse(value: unknown): TrendResponse {
  const body = record(value, 'the trend answer');
  if (!Array.isArray(body.days)) fail('days is not an array');
  return {
    from: str(body.from, 'from'),
    to: str(body.to, 'to'),
    today: str(body.today, 'today'),
    days: body.days.map((d: unknown, i) => {
      const day = record(d, `days[${i}]`);
      return { date: str(day.date, `days[${i}].date`), branches: branchMetrics(day.branches, `days[${i}].branches`), all: metrics(day.all, `days[${i}].all`) };
    }),
  };
}

/** `GET`/`PUT /api/org/money`. */
export function parseOrgMoney(value: unknown): OrgMoney {
  const body = record(value, 'the money settings');
  const currency = str(body.currency, 'currency');
  if (!/^([A-Z]{3})?$/.test(currency)) fail(`currency "${currency}" is not an ISO 4217 code`);
  const s = record(body.spending, 'spending');
  return { currency, spending: { vipAbove: num(s.vipAbove, 'vipAbove'), highFrom: num(s.highFrom, 'highFrom'), mediumFrom: num(s.mediumFrom, 'mediumFrom') } };
}

function revenueFigures(value: unknown, what: string): RevenueFigures {
  const f = record(value, what);
  return { takings: num(f.takings, `${what}.takings`), visits: num(f.visits, `${what}.visits`), avg_ticket: num(f.avg_ticket, `${what}.avg_ticket`) };
}

/** `GET /api/metrics/revenue`. */
export function parseRevenueResponse(value: unknown): RevenueResponse {
  const body = record(value, 'the revenue answer');
  const branches: Record<string, RevenueFigures> = {};
  for (const [id, f] of Object.entries(record(body.branches, 'branches'))) branches[id] = revenueFigures(f, `branches.${id}`);
  return { from: str(body.from, 'from'), to: str(body.to, 'to'), branches, all: revenueFigures(body.all, 'all') };
}

/** `GET /api/metrics/customers`. */
export function parseBranchCustomers(value: unknown): BranchCustomersResponse {
  const body = record(value, 'the customer list');
  if (!Array.isArray(body.customers)) fail('customers is not a list');
  const optionalNum = (v: unknown, what: string): number | null => (v === null ? null : num(v, what));
  const optionalStr = (v: unknown, what: string): string | null => (v === null ? null : str(v, what));
  return {
    branch_id: str(body.branch_id, 'branch_id'),
    status: str(body.status, 'status'),
    total: num(body.total, 'total'),
    customers: body.customers.map((value, i) => {
      const c = record(value, `customers.${i}`);
      return {
        customer_id: str(c.customer_id, `customers.${i}.customer_id`),
        name: str(c.name, `customers.${i}.name`),
        phone: str(c.phone, `customers.${i}.phone`),
        email: str(c.email, `customers.${i}.email`),
        days_since_last_visit: optionalNum(c.days_since_last_visit, `customers.${i}.days_since_last_visit`),
        last_visit_date: optionalStr(c.last_visit_date, `customers.${i}.last_visit_date`),
        total_bookings: num(c.total_bookings, `customers.${i}.total_bookings`),
        total_spent: num(c.total_spent, `customers.${i}.total_spent`),
        spending_tier: str(c.spending_tier, `customers.${i}.spending_tier`),
      };
    }),
  };
}
