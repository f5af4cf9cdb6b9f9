/**
 * Versioned schema migrations, applied in order, each in its own transaction and recorded in
 * `schema_migrations`. Never edit a released migration: add the next one. Document stamps come
 * from the `doc_stamp` sequence, which no migration resets, so desks' checkpoints stay valid; a
 * migration that changes documents must give them new stamps so desks pull them again.
 */
import { DEFAULT_INSIGHT_RULES } from '../../shared/insights/business-rules';
import { upgradeV0toV1, upgradeV3toV4 } from '../../shared/domain/upgrade';
import type { Queryable } from './database';

export interface Migration {
  version: number;
  name: string;
  sql: string;
  /** Data changes that need the shared TypeScript rules, run after `sql` in the same transaction. */
  run?: (tx: Queryable) => Promise<void>;
}

const documents = `
CREATE SEQUENCE doc_stamp AS bigint;

-- The highest stamp of any committed write (advanced under the stamp lock, so it only grows in
-- commit order): where a new live stream starts.
CREATE TABLE sync_clock (id integer PRIMARY KEY CHECK (id = 1), stamp bigint NOT NULL);
INSERT INTO sync_clock VALUES (1, 0);

CREATE TABLE org_settings (
  id integer PRIMARY KEY CHECK (id = 1),
  name text NOT NULL,
  customer_id_secret text NOT NULL,
  server_secret text NOT NULL,
  rules jsonb NOT NULL
);

CREATE TABLE branches (
  id text PRIMARY KEY,
  stamp bigint NOT NULL,
  deleted boolean NOT NULL DEFAULT false,
  data jsonb NOT NULL,
  timezone text NOT NULL
);
CREATE INDEX branches_pull ON branches (stamp, id);

CREATE TABLE customers (
  id text PRIMARY KEY,
  stamp bigint NOT NULL,
  deleted boolean NOT NULL DEFAULT false,
  data jsonb NOT NULL,
  home_branch_id text NOT NULL,
  phone text NOT NULL,
  email text NOT NULL
);
CREATE INDEX customers_pull ON customers (stamp, id);
CREATE INDEX customers_phone ON customers (phone) WHERE phone <> '';
CREATE INDEX customers_email ON customers (email) WHERE email <> '';
CREATE INDEX customers_home ON customers (home_branch_id) WHERE home_branch_id <> '';

-- A customer is in a branch's scope when linked to it (booked there, home branch, registered
-- there, looked up there). The link's stamp is the customer's stamp or, when the link is newer,
-- a fresh one: a branch pulls its customers in link-stamp order.
CREATE TABLE customer_links (
  branch_id text NOT NULL,
  customer_id text NOT NULL,
  stamp bigint NOT NULL,
  reason text NOT NULL,
  PRIMARY KEY (branch_id, customer_id)
);
CREATE INDEX customer_links_pull ON customer_links (branch_id, stamp, customer_id);
CREATE INDEX customer_links_customer ON customer_links (customer_id);

CREATE TABLE bookings (
  id text PRIMARY KEY,
  stamp bigint NOT NULL,
  deleted boolean NOT NULL DEFAULT false,
  data jsonb NOT NULL,
  branch_id text NOT NULL,
  customer_id text NOT NULL,
  status text NOT NULL,
  price bigint NOT NULL,
  start_ms bigint NOT NULL,
  local_day integer NOT NULL,
  service text NOT NULL,
  staff text NOT NULL
);
CREATE INDEX bookings_pull ON bookings (branch_id, stamp, id);
CREATE INDEX bookings_stamp ON bookings (stamp, id);
CREATE INDEX bookings_pair ON bookings (branch_id, customer_id);

CREATE TABLE communications (
  id text PRIMARY KEY,
  stamp bigint NOT NULL,
  deleted boolean NOT NULL DEFAULT false,
  data jsonb NOT NULL,
  branch_id text NOT NULL,
  customer_id text NOT NULL
);
CREATE INDEX communications_pull ON communications (branch_id, stamp, id);
CREATE INDEX communications_stamp ON communications (stamp, id);

-- branch_id is the owning branch (the document's own branch_id may be '' = the author's reach).
CREATE TABLE campaigns (
  id text PRIMARY KEY,
  stamp bigint NOT NULL,
  deleted boolean NOT NULL DEFAULT false,
  data jsonb NOT NULL,
  branch_id text NOT NULL
);
CREATE INDEX campaigns_pull ON campaigns (branch_id, stamp, id);
CREATE INDEX campaigns_stamp ON campaigns (stamp, id);
`;

const projection = `
-- HQ projection: activity of every (customer, branch) pair as of the branch's as_of_day, the
-- same columns as the CLI activity output (money in cents, dates YYYY-MM-DD).
CREATE TABLE customer_branch_activity (
  branch_id text NOT NULL,
  customer_id text NOT NULL,
  status text NOT NULL,
  days_since_last_visit integer,
  total_bookings integer NOT NULL,
  total_spent bigint NOT NULL,
  first_visit_date text,
  last_visit_date text,
  no_shows integer NOT NULL,
  spending_tier text NOT NULL,
  frequency_tier text NOT NULL,
  favorite_service text NOT NULL,
  preferred_staff text NOT NULL,
  PRIMARY KEY (branch_id, customer_id)
);

-- Per-branch running sums of the metrics accumulator over the branch's activity rows, kept in
-- the same transactions as the rows: today's report reads one row per branch.
CREATE TABLE branch_projection (
  branch_id text PRIMARY KEY,
  as_of_day integer NOT NULL,
  customers integer NOT NULL,
  status_new integer NOT NULL,
  status_active integer NOT NULL,
  status_win_back integer NOT NULL,
  status_at_risk integer NOT NULL,
  status_churned integer NOT NULL,
  new_customers_30d integer NOT NULL,
  with_visits integer NOT NULL,
  spent_cents bigint NOT NULL,
  visits bigint NOT NULL
);

-- Daily metrics per branch for trend charts (day = branch-local day number). final = the day is
-- over (written when the branch rolled past it, or recomputed from history).
CREATE TABLE metrics_snapshots (
  branch_id text NOT NULL,
  day integer NOT NULL,
  customers integer NOT NULL,
  status_new integer NOT NULL,
  status_active integer NOT NULL,
  status_win_back integer NOT NULL,
  status_at_risk integer NOT NULL,
  status_churned integer NOT NULL,
  new_customers_30d integer NOT NULL,
  with_visits integer NOT NULL,
  spent_cents bigint NOT NULL,
  visits bigint NOT NULL,
  final boolean NOT NULL,
  PRIMARY KEY (branch_id, day)
);
CREATE INDEX metrics_snapshots_day ON metrics_snapshots (day);
`;

const auth = `
CREATE TABLE enrolment_codes (
  code_hash text PRIMARY KEY,
  branch_id text NOT NULL,
  role text NOT NULL,
  created_ms bigint NOT NULL,
  expires_ms bigint NOT NULL,
  used_ms bigint,
  device_id text
);

CREATE TABLE devices (
  id text PRIMARY KEY,
  token_hash text NOT NULL UNIQUE,
  branch_id text NOT NULL,
  role text NOT NULL,
  created_ms bigint NOT NULL,
  revoked_ms bigint
);
`;

// Document schema 1 (shared/domain/schemas.ts SCHEMA_VERSION). Stored documents are upgraded in
// place exactly as the desk's RxDB migration strategies upgrade theirs (shared/domain/upgrade.ts;
// a test checks both agree), so stamps stay as they are: desks already hold the same documents,
// and their checkpoints stay valid.
const schemaV1 = `
UPDATE customers SET data = data || jsonb_build_object(
  'preferred_staff', COALESCE(data->'preferred_staff', '""'::jsonb),
  'allergies', COALESCE(data->'allergies', '""'::jsonb));

UPDATE communications SET data = data || '{"variant": "", "trigger_key": "", "direction": "outbound", "attempts": 0, "next_attempt_at": ""}'::jsonb;
-- Typed copies for the outbox worker and the automated triggers. due_ms: when the outbox should
-- (next) try to deliver the message (NULL = not waiting); trigger_key: UNIQUE, so an automated
-- message can exist only once for its event, whichever process creates it.
ALTER TABLE communications
  ADD COLUMN status text NOT NULL DEFAULT '',
  ADD COLUMN channel text NOT NULL DEFAULT '',
  ADD COLUMN trigger_key text NOT NULL DEFAULT '',
  ADD COLUMN due_ms bigint;
UPDATE communications SET status = data->>'status', channel = data->>'channel',
  due_ms = CASE WHEN data->>'status' = 'queued' THEN 0 END;
CREATE UNIQUE INDEX communications_trigger_key ON communications (trigger_key) WHERE trigger_key <> '';
CREATE INDEX communications_due ON communications (due_ms) WHERE due_ms IS NOT NULL;
CREATE INDEX communications_sending ON communications (status) WHERE status = 'sending';
CREATE INDEX communications_customer ON communications (customer_id);

CREATE TABLE segments (
  id text PRIMARY KEY,
  stamp bigint NOT NULL,
  deleted boolean NOT NULL DEFAULT false,
  data jsonb NOT NULL,
  branch_id text NOT NULL
);
CREATE INDEX segments_pull ON segments (branch_id, stamp, id);
CREATE INDEX segments_stamp ON segments (stamp, id);

CREATE TABLE branch_settings (
  id text PRIMARY KEY,
  stamp bigint NOT NULL,
  deleted boolean NOT NULL DEFAULT false,
  data jsonb NOT NULL,
  branch_id text NOT NULL
);
CREATE INDEX branch_settings_pull ON branch_settings (branch_id, stamp, id);
CREATE INDEX branch_settings_stamp ON branch_settings (stamp, id);

-- Business-wide insight rules (RFM cut-offs), sent to desks with the organisation settings.
ALTER TABLE org_settings ADD COLUMN insights jsonb NOT NULL DEFAULT '${JSON.stringify(DEFAULT_INSIGHT_RULES)}'::jsonb;

-- Server-side housekeeping jobs (retention): the last local day each ran, per branch.
CREATE TABLE job_runs (
  job text NOT NULL,
  branch_id text NOT NULL,
  day integer NOT NULL,
  PRIMARY KEY (job, branch_id)
);
`;

// Outbox safety (issue 8): who queued each message (the pushing device, or the server for
// automated ones) and an audit row for every delivery decision the outbox worker takes; the
// rate limits count handed-over rows per customer and per queuing device.
const outboxAudit = `
CREATE TABLE outbox_queuers (
  communication_id text PRIMARY KEY,
  device_id text NOT NULL,
  role text NOT NULL,
  branch_id text NOT NULL,
  queued_ms bigint NOT NULL
);
CREATE TABLE outbox_audit (
  id bigserial PRIMARY KEY,
  communication_id text NOT NULL,
  customer_id text NOT NULL,
  branch_id text NOT NULL,
  channel text NOT NULL,
  purpose text NOT NULL,
  queued_by text NOT NULL,
  queued_role text NOT NULL,
  outcome text NOT NULL,
  reason text NOT NULL,
  at_ms bigint NOT NULL
);
CREATE INDEX outbox_audit_customer ON outbox_audit (customer_id, at_ms) WHERE outcome = 'handed_over';
CREATE INDEX outbox_audit_device ON outbox_audit (queued_by, at_ms) WHERE outcome = 'handed_over';
CREATE INDEX outbox_audit_communication ON outbox_audit (communication_id);
`;

// Consent "who" (issue 8): every device has a label people recognise ("Front desk 2"), given with
// `cli enroll --label` or numbered per branch and role at enrolment; every accepted change of a
// customer's consent is recorded with the device that pushed it (never a client-supplied name).
const consentChanges = `
ALTER TABLE enrolment_codes ADD COLUMN label text NOT NULL DEFAULT '';
ALTER TABLE devices ADD COLUMN label text NOT NULL DEFAULT '';
UPDATE devices d SET label = (CASE d.role WHEN 'front_desk' THEN 'Front desk' WHEN 'manager' THEN 'Manager' ELSE 'HQ' END) || ' ' || x.n
  FROM (SELECT id, row_number() OVER (PARTITION BY branch_id, role ORDER BY created_ms, id) AS n FROM devices) x WHERE x.id = d.id;
CREATE TABLE consent_changes (
  id bigserial PRIMARY KEY,
  customer_id text NOT NULL,
  channel text NOT NULL,
  granted boolean NOT NULL,
  at text NOT NULL,
  recorded_ms bigint NOT NULL,
  device_id text NOT NULL,
  device_label text NOT NULL,
  role text NOT NULL,
  branch_id text NOT NULL
);
CREATE INDEX consent_changes_customer ON consent_changes (customer_id, id);
`;

// State every server process on the database shares (issue 8): stream tickets are single-use
// across processes (redeemed by deleting the row), and enrolment back-off counts per client
// address and the organisation-wide budget of wrong codes in the database, so a burst split
// across processes gets no more guesses than one sent to a single process.
const sharedLimits = `
CREATE TABLE stream_tickets (
  nonce text PRIMARY KEY,
  device_id text NOT NULL,
  expires_ms bigint NOT NULL
);
CREATE INDEX stream_tickets_expires ON stream_tickets (expires_ms);
CREATE TABLE enrol_addresses (
  address text PRIMARY KEY,
  failures integer NOT NULL,
  last_failure_ms bigint NOT NULL,
  blocked_until_ms bigint NOT NULL
);
CREATE INDEX enrol_addresses_last ON enrol_addresses (last_failure_ms);
CREATE TABLE enrol_failures (
  id bigserial PRIMARY KEY,
  at_ms bigint NOT NULL
);
CREATE INDEX enrol_failures_at ON enrol_failures (at_ms);
`;

// Switching in from another system (issue 12): each `import-customers` run is one batch that can
// be undone. Per customer the batch keeps the document before (NULL = created by the import) and
// the stamp the import wrote, so an undo can tell whether anything changed the customer since.
const importBatches = `
CREATE TABLE import_batches (
  id text PRIMARY KEY,
  branch_id text NOT NULL,
  file_name text NOT NULL,
  created_ms bigint NOT NULL,
  summary jsonb NOT NULL,
  undone_ms bigint
);
CREATE TABLE import_batch_customers (
  batch_id text NOT NULL REFERENCES import_batches (id),
  customer_id text NOT NULL,
  before jsonb,
  stamp bigint NOT NULL,
  PRIMARY KEY (batch_id, customer_id)
);
`;

// Document schema 2 (issue 11): every booking gets its list of corrections, exactly as the desk's
// RxDB migration (`upgradeV1toV2`) gives it; stamps are kept, as in migration 4.
const schemaV2 = `
UPDATE bookings SET data = data || jsonb_build_object('amendments', COALESCE(data->'amendments', '[]'::jsonb))
  WHERE NOT (data ? 'amendments');
`;

// Appointment reminders (issue 12): per-branch settings, kept by the server that sends them
// (server/reminders/settings.ts); the reminders and replies themselves are communications.
const reminders = `
CREATE TABLE reminder_settings (
  branch_id text PRIMARY KEY,
  data jsonb NOT NULL,
  updated_ms bigint NOT NULL
);
CREATE INDEX communications_reminder_keys ON communications (trigger_key text_pattern_ops) WHERE trigger_key LIKE 'reminder:%' OR trigger_key LIKE 'reply:%';
`;

// History for trends (issue 14): per pair the difference entries of its status intervals, per
// branch and day their sums (server/services/history.ts). history_built: the branch's entries
// were computed from its bookings (false after this upgrade until the branch is rebuilt).
const history = `
CREATE TABLE pair_history (
  branch_id text NOT NULL,
  customer_id text NOT NULL,
  deltas jsonb NOT NULL,
  PRIMARY KEY (branch_id, customer_id)
);
CREATE TABLE branch_day_deltas (
  branch_id text NOT NULL,
  day integer NOT NULL,
  customers bigint NOT NULL,
  status_new bigint NOT NULL,
  status_active bigint NOT NULL,
  status_win_back bigint NOT NULL,
  status_at_risk bigint NOT NULL,
  status_churned bigint NOT NULL,
  new_customers_30d bigint NOT NULL,
  with_visits bigint NOT NULL,
  spent_cents bigint NOT NULL,
  visits bigint NOT NULL,
  PRIMARY KEY (branch_id, day)
);
ALTER TABLE branch_projection ADD COLUMN history_built boolean NOT NULL DEFAULT false;
`;

// The reminder scheduler reads the scheduled bookings of the next days every minute (server/reminders/scheduler.ts).
const upcomingBookings = `
CREATE INDEX bookings_upcoming ON bookings (start_ms) WHERE status = 'scheduled' AND NOT deleted;
`;

// The service menu and the staff with their weekly hours of each branch (issue 11): two
// branch-scoped collections stored like segments; no document changes.
const servicesAndStaff = `
CREATE TABLE services (
  id text PRIMARY KEY,
  stamp bigint NOT NULL,
  deleted boolean NOT NULL DEFAULT false,
  data jsonb NOT NULL,
  branch_id text NOT NULL
);
CREATE INDEX services_pull ON services (branch_id, stamp, id);
CREATE INDEX services_stamp ON services (stamp, id);

CREATE TABLE staff (
  id text PRIMARY KEY,
  stamp bigint NOT NULL,
  deleted boolean NOT NULL DEFAULT false,
  data jsonb NOT NULL,
  branch_id text NOT NULL
);
CREATE INDEX staff_pull ON staff (branch_id, stamp, id);
CREATE INDEX staff_stamp ON staff (stamp, id);
`;

const retentionModel = `
-- The business's retention model (BG/NBD + Gamma-Gamma, docs/DESIGN.md §7), fitted by the server
-- over every pair of the business nightly and after an import; desks and HQ predict with it.
CREATE TABLE retention_model (
  id integer PRIMARY KEY CHECK (id = 1),
  as_of text NOT NULL,
  fitted_at timestamptz NOT NULL,
  ok boolean NOT NULL,
  model jsonb,
  reason text NOT NULL,
  fit_ms integer NOT NULL,
  CHECK (ok = (model IS NOT NULL))
);
`;

// The thresholds a branch's history was built with (issue 14): the daily roll rebuilds the
// history only when they changed (NULL = unknown, rebuild).
const historyRules = `
ALTER TABLE branch_projection ADD COLUMN history_rules text;
`;

// Team members with their passcode hashes, and the append-only audit trail (issue 11, item 8): two
// branch-scoped collections stored like the staff; no document changes.
const membersAndAudit = `
CREATE TABLE members (
  id text PRIMARY KEY,
  stamp bigint NOT NULL,
  deleted boolean NOT NULL DEFAULT false,
  data jsonb NOT NULL,
  branch_id text NOT NULL
);
CREATE INDEX members_pull ON members (branch_id, stamp, id);
CREATE INDEX members_stamp ON members (stamp, id);

CREATE TABLE audit_events (
  id text PRIMARY KEY,
  stamp bigint NOT NULL,
  deleted boolean NOT NULL DEFAULT false,
  data jsonb NOT NULL,
  branch_id text NOT NULL
);
CREATE INDEX audit_events_pull ON audit_events (branch_id, stamp, id);
CREATE INDEX audit_events_stamp ON audit_events (stamp, id);
`;

// Document schema 3 (issue 11, item 6): every stored booking is outside any recurring series,
// exactly as the desk's RxDB migration (`upgradeV2toV3`) makes it; stamps are kept, as in migration 9.
const schemaV3 = `
UPDATE bookings SET data = data || jsonb_build_object('series', COALESCE(data->'series', 'null'::jsonb))
  WHERE NOT (data ? 'series');
`;

// Visit-history imports (import-bookings, docs/DESIGN.md §8): a batch says what it imported, and
// lists the bookings it created with the stamp the import wrote, so an undo can tell whether
// anything changed a booking since.
const bookingImportBatches = `
ALTER TABLE import_batches ADD COLUMN kind text NOT NULL DEFAULT 'customers';
CREATE TABLE import_batch_bookings (
  batch_id text NOT NULL REFERENCES import_batches (id),
  booking_id text NOT NULL,
  stamp bigint NOT NULL,
  PRIMARY KEY (batch_id, booking_id)
);
`;

// The business's currency (ISO 4217, '' = amounts only; docs/DESIGN.md §10), kept with its
// spending tiers so HQ sets both for every desk.
const orgCurrency = `
ALTER TABLE org_settings ADD COLUMN currency text NOT NULL DEFAULT '';
`;

// Recurring series (docs/DESIGN.md §17): a pushed new occurrence is checked against the stored
// occurrences of its series (one customer, one branch, one count, each index once).
const bookingSeries = `
CREATE INDEX bookings_series ON bookings ((data #>> '{series,id}'));
`;

// Revenue over a range of days (GET /api/metrics/revenue): completed visits by local day.
const completedByDay = `
CREATE INDEX bookings_completed_day ON bookings (local_day, branch_id) WHERE status = 'completed' AND NOT deleted;
`;

// Document schema 4 (issue 13): the criteria of every stored segment and campaign gain the
// prediction and cadence filters, unset — in TypeScript with the desk's own upgrade
// (`upgradeV3toV4`, i.e. `coerceCriteria`), so both sides hold identical documents; stamps kept.
async function upgradeCriteriaV4(tx: Queryable): Promise<void> {
  for (const table of ['segments', 'campaigns'] as const) {
    const rows = await tx.query<{ id: string; data: Record<string, unknown> }>(`SELECT id, data FROM ${table}`);
    if (rows.length === 0) continue;
    const upgraded = rows.map((r) => ({ id: r.id, data: upgradeV3toV4(table, r.data) }));
    await tx.query(`UPDATE ${table} t SET data = r.data FROM jsonb_to_recordset($1::jsonb) AS r(id text, data jsonb) WHERE t.id = r.id`, [JSON.stringify(upgraded)]);
  }
}

// Document schema 4, bookings (issue 12, item 2: checkout; migration 23): every stored booking is not paid yet and each of
// its corrections left the payment as it was, exactly as the desk's RxDB migration (`upgradeV3toV4`)
// makes them; stamps are kept, as in migration 9.
const schemaV4 = `
UPDATE bookings SET data = data || jsonb_build_object(
  'payment', COALESCE(data->'payment', 'null'::jsonb),
  'amendments', COALESCE((
    SELECT jsonb_agg(
      a || jsonb_build_object(
        'payment', COALESCE(a->'payment', 'null'::jsonb),
        'before', COALESCE(a->'before', '{}'::jsonb) || jsonb_build_object('payment', COALESCE(a->'before'->'payment', 'null'::jsonb))
      ) ORDER BY n)
    FROM jsonb_array_elements(COALESCE(data->'amendments', '[]'::jsonb)) WITH ORDINALITY AS e(a, n)
  ), '[]'::jsonb))
  WHERE NOT (data ? 'payment');
`;

/** Campaigns changed shape the most (their message became the first variant): upgraded in TypeScript. */
async function upgradeCampaigns(tx: Queryable): Promise<void> {
  const rows = await tx.query<{ id: string; data: Record<string, unknown> }>('SELECT id, data FROM campaigns');
  if (rows.length === 0) return;
  const upgraded = rows.map((r) => ({ id: r.id, data: upgradeV0toV1('campaigns', r.data) }));
  await tx.query('UPDATE campaigns c SET data = r.data FROM jsonb_to_recordset($1::jsonb) AS r(id text, data jsonb) WHERE c.id = r.id', [JSON.stringify(upgraded)]);
}

export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'documents and sync', sql: documents },
  { version: 2, name: 'HQ projection and metrics snapshots', sql: projection },
  { version: 3, name: 'enrolment codes and device tokens', sql: auth },
  { version: 4, name: 'document schema 1: insights, outbox, triggers, privacy', sql: schemaV1, run: upgradeCampaigns },
  { version: 5, name: 'outbox queuers and delivery audit', sql: outboxAudit },
  { version: 6, name: 'device labels and consent changes', sql: consentChanges },
  { version: 7, name: 'stream tickets and enrolment back-off shared by every process', sql: sharedLimits },
  { version: 8, name: 'customer import batches', sql: importBatches },
  { version: 9, name: 'document schema 2: corrections of finished visits', sql: schemaV2 },
  { version: 10, name: 'appointment reminder settings', sql: reminders },
  { version: 11, name: 'pair history for trends from the bookings', sql: history },
  { version: 12, name: 'upcoming bookings by start, for reminders', sql: upcomingBookings },
  { version: 13, name: 'service menus and staff hours', sql: servicesAndStaff },
  { version: 14, name: 'the business retention model', sql: retentionModel },
  { version: 15, name: 'thresholds of the pair history', sql: historyRules },
  { version: 16, name: 'team members and the audit trail', sql: membersAndAudit },
  { version: 17, name: 'document schema 3: recurring appointments', sql: schemaV3 },
  { version: 18, name: 'visit-history import batches', sql: bookingImportBatches },
  { version: 19, name: 'the business currency', sql: orgCurrency },
  { version: 20, name: 'bookings by recurring series', sql: bookingSeries },
  { version: 21, name: 'completed visits by day, for revenue', sql: completedByDay },
  { version: 22, name: 'document schema 4: criteria on predictions and cadence', sql: 'SELECT 1;', run: upgradeCriteriaV4 },
  { version: 23, name: 'document schema 4: checkout payments', sql: schemaV4 },
];
