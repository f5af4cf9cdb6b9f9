/**
 * THE authorisation table, role × resource × operation → scope rule. Shared so the server (which
 * enforces it on every path: server/authz/policy.ts, push-authz.ts) and the desk (which hides or
 * disables what its role may not do: renderer/src/session/permissions.ts via `deskCan`) read the
 * same rows and cannot drift. server/PROTOCOL.md ("Authorisation") prints this table and the
 * attack suite (server/security/) iterates over it.
 *
 * Scope rules:
 * - `deny`   — never, whatever the document;
 * - `all`    — every document of every branch;
 * - `branch` — documents that name the device's own branch (the collection's branch field);
 * - `linked` — customers linked to the device's branch (home, registered, booked, pushed by the
 *              desk, or found by a walk-in lookup — server/store/links.ts).
 */
import type { Role } from '../sync/protocol';

export type ScopeRule = 'deny' | 'all' | 'branch' | 'linked';

export const RESOURCES = [
  'branches',
  'customers',
  'bookings',
  'communications',
  'campaigns',
  'segments',
  'branch_settings',
  'services',
  'staff',
  'members',
  'audit_events',
  'metrics',
  'revenue',
  'customer_lists',
  'insight_rules',
  'org_money',
  'outbox_audit',
  'reminder_settings',
  'reminder_report',
  'retention_model',
  'retention_outlook',
] as const;
export type Resource = (typeof RESOURCES)[number];

/**
 * Operations. `read` covers pull, count and the live stream; `create`/`update`/`delete` are
 * pushes (a delete is a push with `_deleted: true`). The special operations are recognised from
 * what a push changes (server/authz/push-operations.ts) or are their own endpoint:
 * - customers `erase`: a pushed document with `erased_at` newly set, or POST …/erase;
 * - customers `lookup`: POST /api/sync/customers/lookup (links matches to the branch);
 * - customers `export`: GET /api/privacy/customers/:id/export;
 * - customers `consent_history`: GET /api/customers/:id/consent (who changed consent, when);
 * - campaigns `send`: a campaign moved into (or created in) `queued` or `sending`;
 * - communications `queue_marketing`: a marketing message (campaign, automated or purpose
 *   "marketing") moved into (or created in) `queued` — what hands it to the outbox;
 * - communications `queue_transactional`: a transactional message (TRANSACTIONAL_PURPOSES) queued.
 * - bookings `correct`: a correction of a finished visit — a pushed booking holding an amendment
 *   the server does not have, or changing the price, service or staff of a booking the server
 *   holds as completed (shared/schedule/corrections.ts; the latter also needs an amendment), or
 *   deleting a booking the server holds as finished (completed, cancelled, no-show).
 * - bookings `series`: changing the recurring series of a booking the server holds (joining it to
 *   a series, moving it to another or taking it out; shared/schedule/recurrence.ts). A series is
 *   set when its occurrences are booked (a `create`) and never changes afterwards: no role may.
 *   A created occurrence must fit its series as the server holds it (one customer, one branch,
 *   one count, each index once: server/sync/series-checks.ts; 403 / 400).
 * - bookings `pay`: recording how a completed visit was paid (its `payment`: tenders, discount,
 *   tip; shared/schedule/payment.ts) where the server holds none — at completion, or later for a
 *   completed visit left unpaid. Changing or removing a recorded payment is `correct` (a manager's
 *   amendment with a reason); a payment on a booking that is not completed is refused (400).
 */
export const OPERATIONS = ['read', 'create', 'update', 'delete', 'erase', 'lookup', 'export', 'consent_history', 'send', 'queue_marketing', 'queue_transactional', 'correct', 'series', 'pay', 'write'] as const;
export type Operation = (typeof OPERATIONS)[number];

export const ROLES: readonly Role[] = ['front_desk', 'manager', 'hq'];

export type Rules = Record<Role, ScopeRule>;
const r = (front_desk: ScopeRule, manager: ScopeRule, hq: ScopeRule): Rules => ({ front_desk, manager, hq });

/** The table. An operation missing for a resource is `deny` for every role. */
export const POLICY: Readonly<Record<Resource, Partial<Record<Operation, Rules>>>> = {
  // every device reads every branch (names, time zones); a branch's managers change its profile
  // (name, time zone, thresholds, country) from a paired desk; branches are created and removed
  // only by importing branches.csv on the server (the CLI), never pushed
  branches: {
    read: r('all', 'all', 'all'),
    create: r('deny', 'deny', 'deny'),
    update: r('deny', 'branch', 'deny'),
    delete: r('deny', 'deny', 'deny'),
  },
  customers: {
    read: r('linked', 'linked', 'all'),
    create: r('branch', 'branch', 'deny'),
    update: r('linked', 'linked', 'deny'),
    delete: r('deny', 'linked', 'deny'),
    erase: r('deny', 'linked', 'all'),
    lookup: r('branch', 'branch', 'deny'),
    export: r('linked', 'linked', 'all'),
    consent_history: r('linked', 'linked', 'all'),
  },
  bookings: {
    read: r('branch', 'branch', 'all'),
    create: r('branch', 'branch', 'deny'),
    update: r('branch', 'branch', 'deny'),
    delete: r('branch', 'branch', 'deny'),
    correct: r('deny', 'branch', 'deny'),
    // an occurrence's series is fixed when it is booked: edits move it, never re-link it
    series: r('deny', 'deny', 'deny'),
    // the desks that complete visits record how they were paid; changing it later is `correct`
    pay: r('branch', 'branch', 'deny'),
  },
  communications: {
    read: r('branch', 'branch', 'all'),
    create: r('branch', 'branch', 'deny'),
    update: r('branch', 'branch', 'deny'),
    delete: r('branch', 'branch', 'deny'),
    queue_marketing: r('deny', 'branch', 'deny'),
    queue_transactional: r('branch', 'branch', 'deny'),
  },
  campaigns: {
    read: r('branch', 'branch', 'all'),
    create: r('branch', 'branch', 'deny'),
    update: r('branch', 'branch', 'deny'),
    delete: r('branch', 'branch', 'deny'),
    send: r('deny', 'branch', 'deny'),
  },
  segments: {
    read: r('branch', 'branch', 'all'),
    create: r('branch', 'branch', 'deny'),
    update: r('branch', 'branch', 'deny'),
    delete: r('branch', 'branch', 'deny'),
  },
  branch_settings: {
    read: r('branch', 'branch', 'all'),
    create: r('deny', 'branch', 'deny'),
    update: r('deny', 'branch', 'deny'),
    delete: r('deny', 'branch', 'deny'),
  },
  // the branch's service menu and its staff with their hours: every desk of the branch reads them
  // (bookings pick from them), only the branch's managers change them
  services: {
    read: r('branch', 'branch', 'all'),
    create: r('deny', 'branch', 'deny'),
    update: r('deny', 'branch', 'deny'),
    delete: r('deny', 'branch', 'deny'),
  },
  staff: {
    read: r('branch', 'branch', 'all'),
    create: r('deny', 'branch', 'deny'),
    update: r('deny', 'branch', 'deny'),
    delete: r('deny', 'branch', 'deny'),
  },
  // team members who sign in at the desk with a passcode (docs/DESIGN.md §14): every desk of the
  // branch reads them (a passcode is checked offline, against the synced hash), only the branch's
  // managers add them or change a role or passcode; HQ never needs a passcode hash
  members: {
    read: r('branch', 'branch', 'deny'),
    create: r('deny', 'branch', 'deny'),
    update: r('deny', 'branch', 'deny'),
    delete: r('deny', 'branch', 'deny'),
  },
  // the audit trail (who checked in, completed, corrected or erased what): append-only, created
  // by any desk of the branch, never changed or deleted by anyone
  audit_events: {
    read: r('branch', 'branch', 'all'),
    create: r('branch', 'branch', 'deny'),
    update: r('deny', 'deny', 'deny'),
    delete: r('deny', 'deny', 'deny'),
  },
  metrics: {
    read: r('deny', 'branch', 'all'),
  },
  // GET /api/metrics/revenue: takings, visits and average ticket per branch over a range
  revenue: {
    read: r('deny', 'branch', 'all'),
  },
  // GET /api/metrics/customers: a branch's customers of one status (HQ's drill-down), with names
  // and contacts — a manager for its own branch, HQ for any; a front desk has its own lists
  customer_lists: {
    read: r('deny', 'branch', 'all'),
  },
  insight_rules: {
    read: r('all', 'all', 'all'),
    write: r('deny', 'deny', 'all'),
  },
  // GET/PUT /api/org/money: the business's currency and spending tiers, one set for every branch
  // (a branch manager would change every other branch's tiers: HQ sets them)
  org_money: {
    read: r('all', 'all', 'all'),
    write: r('deny', 'deny', 'all'),
  },
  // GET /api/outbox/audit: who queued which message, from which device, and what became of it
  outbox_audit: {
    read: r('deny', 'branch', 'all'),
  },
  // GET/PUT /api/reminders/settings: appointment reminders of a branch (kept by the server)
  reminder_settings: {
    read: r('branch', 'branch', 'all'),
    write: r('deny', 'branch', 'deny'),
  },
  // GET /api/reminders/report: no-show rate of reminded vs not reminded bookings
  reminder_report: {
    read: r('deny', 'branch', 'all'),
  },
  // GET /api/retention/model: the business's fitted retention model, reference data every desk
  // predicts with; fitted by the server only (nightly, after an import), never written by a device
  retention_model: {
    read: r('all', 'all', 'all'),
    write: r('deny', 'deny', 'deny'),
  },
  // GET /api/retention/outlook: expected visits, predicted revenue and value at risk per branch
  retention_outlook: {
    read: r('deny', 'branch', 'all'),
  },
};

/** The rule for one role, resource and operation (`deny` when the table has no entry). */
export function ruleOf(role: Role, resource: Resource, operation: Operation): ScopeRule {
  return POLICY[resource][operation]?.[role] ?? 'deny';
}

/** Every (resource, operation) the table names, in table order. */
export function policyEntries(): { resource: Resource; operation: Operation; rules: Rules }[] {
  return RESOURCES.flatMap((resource) =>
    OPERATIONS.filter((operation) => POLICY[resource][operation] !== undefined).map((operation) => ({ resource, operation, rules: POLICY[resource][operation] as Rules })),
  );
}
