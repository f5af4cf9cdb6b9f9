/**
 * The member layer over the desk's role (docs/DESIGN.md §14). The device's role decides what the
 * desk may ever offer (`deskCan`, the server's own table); on top of it, once a branch has team
 * members, the member signed in decides whether a manager-only action runs at once or first asks
 * for a manager's passcode. A manager passcode never opens what the device's role may not do: the
 * server would refuse it anyway.
 */
import type { Role } from '../sync/protocol';
import type { MemberRole } from '../domain/schemas';
import { deskCan, deskRefusal, type DeskAction } from '../authz/desk-actions';

/** Manager-only at the desk: the server's manager-only actions, and opening Settings. */
export type GatedAction = DeskAction | 'settings';

export type Gate =
  /** Go ahead. */
  | { kind: 'open' }
  /** The device's role may never do it (the server refuses it): no passcode helps. */
  | { kind: 'refused'; reason: string }
  /** Ask for a manager's passcode first. */
  | { kind: 'manager_passcode'; reason: string };

const ASK: Record<GatedAction, string> = {
  erase_customer: 'Erasing a customer',
  delete_customer: 'Deleting a customer',
  send_campaign: 'Sending a campaign',
  queue_marketing: 'Queueing marketing messages',
  change_automations: 'Changing automations',
  export_customer_list: 'Exporting a customer list',
  import_history: 'Importing a visit history',
  correct_visit: 'Correcting a finished visit',
  change_reminders: 'Changing appointment reminders',
  read_reminder_report: 'The reminder report',
  change_services: 'Changing the service menu',
  change_staff: 'Changing staff and their hours',
  change_team: 'Changing the team',
  change_branch: 'Changing the branch',
  settings: 'Settings',
};

/**
 * What the desk does when `action` is asked for: `deviceRole` is the pairing's role (null: not
 * paired), `member` the signed-in member's role (null: none signed in), `teamSetUp` whether the
 * branch has any active member (without one the desk works as it did before passcodes).
 */
export function gateOf(deviceRole: Role | null, teamSetUp: boolean, member: MemberRole | null, action: GatedAction): Gate {
  if (action !== 'settings' && !deskCan(deviceRole, action)) return { kind: 'refused', reason: deskRefusal(deviceRole, action) };
  if (!teamSetUp || member === 'manager') return { kind: 'open' };
  return { kind: 'manager_passcode', reason: `${ASK[action]} needs a manager's passcode.` };
}
