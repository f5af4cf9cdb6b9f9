/**
 * What a desk offers its person, decided from the same table the server enforces
 * (shared/authz/policy.ts). The desk never decides scope (the server does, on every path); it only
 * leaves out what its role may never do, with a sentence saying why, so a front desk is not
 * offered an Erase the server would refuse.
 *
 * An unpaired desk (no server, `role` null) is its own manager: every action is open.
 */
import type { Role } from '../sync/protocol';
import { ruleOf, type Operation, type Resource } from './policy';

interface ServerRow {
  kind: 'server';
  resource: Resource;
  operation: Operation;
}

/**
 * A rule the server cannot enforce because the action never reaches it: a CSV of a customer list
 * (customers list, saved segment, campaign audience) is written from the desk's own replica.
 * Issue 8 names bulk export manager-only; the desk keeps to it for the roles the table knows.
 */
interface DeskRow {
  kind: 'desk';
  roles: readonly Role[];
}

/** The manager-only actions the desk shows somewhere (customer detail, lists, campaigns, settings). */
const ACTIONS = {
  erase_customer: { row: { kind: 'server', resource: 'customers', operation: 'erase' }, reason: "Only a manager's desk can erase a customer." },
  delete_customer: { row: { kind: 'server', resource: 'customers', operation: 'delete' }, reason: "Only a manager's desk can delete a customer." },
  send_campaign: { row: { kind: 'server', resource: 'campaigns', operation: 'send' }, reason: "Only a manager's desk can send a campaign." },
  queue_marketing: { row: { kind: 'server', resource: 'communications', operation: 'queue_marketing' }, reason: "Only a manager's desk can queue marketing messages." },
  change_automations: { row: { kind: 'server', resource: 'branch_settings', operation: 'update' }, reason: "Only a manager's desk can change automations." },
  export_customer_list: { row: { kind: 'desk', roles: ['manager', 'hq'] as readonly Role[] }, reason: "Only a manager's desk can export customer lists." },
  // A visit history reaches the server as ordinary booking pushes (a front desk books too): the desk keeps the import itself to managers.
  import_history: { row: { kind: 'desk', roles: ['manager'] as readonly Role[] }, reason: "Only a manager's desk can import a visit history." },
  correct_visit: { row: { kind: 'server', resource: 'bookings', operation: 'correct' }, reason: "Only a manager's desk can correct a finished visit." },
  change_reminders: { row: { kind: 'server', resource: 'reminder_settings', operation: 'write' }, reason: "Only a manager's desk can change appointment reminders." },
  read_reminder_report: { row: { kind: 'server', resource: 'reminder_report', operation: 'read' }, reason: "Only a manager's desk can see the reminder report." },
  change_services: { row: { kind: 'server', resource: 'services', operation: 'update' }, reason: "Only a manager's desk can change the service menu." },
  change_staff: { row: { kind: 'server', resource: 'staff', operation: 'update' }, reason: "Only a manager's desk can change staff and their hours." },
  change_team: { row: { kind: 'server', resource: 'members', operation: 'update' }, reason: "Only a manager's desk can add team members or change their roles and passcodes." },
  change_branch: { row: { kind: 'server', resource: 'branches', operation: 'update' }, reason: "Only a manager's desk can change this branch's name, time zone, thresholds and country." },
} satisfies Readonly<Record<string, { row: ServerRow | DeskRow; reason: string }>>;

export type DeskAction = keyof typeof ACTIONS;

/** The role an unpaired desk acts with: it is its own manager. */
export const STANDALONE_ROLE: Role = 'manager';

/** May a desk paired with `role` (null: not paired) offer `action`? */
export function deskCan(role: Role | null, action: DeskAction): boolean {
  const effective = role ?? STANDALONE_ROLE;
  const { row } = ACTIONS[action];
  return row.kind === 'server' ? ruleOf(effective, row.resource, row.operation) !== 'deny' : row.roles.includes(effective);
}

/** Why a desk of `role` does not offer `action` ('' when it does). */
export function deskRefusal(role: Role | null, action: DeskAction): string {
  return deskCan(role, action) ? '' : ACTIONS[action].reason;
}
