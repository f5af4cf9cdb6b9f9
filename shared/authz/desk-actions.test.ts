import { describe, expect, it } from 'vitest';
import { deskCan, deskRefusal, type DeskAction } from './desk-actions';
import { ROLES, ruleOf, type Operation, type Resource } from './policy';

/**
 * The server's (resource, operation) behind each action the desk offers, or null for a rule the
 * desk keeps itself (a customer-list CSV never reaches the server). A Record of every DeskAction:
 * an action added without its row here does not compile.
 */
const SERVER_ROWS: Record<DeskAction, { resource: Resource; operation: Operation } | null> = {
  erase_customer: { resource: 'customers', operation: 'erase' },
  delete_customer: { resource: 'customers', operation: 'delete' },
  send_campaign: { resource: 'campaigns', operation: 'send' },
  queue_marketing: { resource: 'communications', operation: 'queue_marketing' },
  change_automations: { resource: 'branch_settings', operation: 'update' },
  export_customer_list: null,
  import_history: null,
  correct_visit: { resource: 'bookings', operation: 'correct' },
  change_reminders: { resource: 'reminder_settings', operation: 'write' },
  read_reminder_report: { resource: 'reminder_report', operation: 'read' },
  change_services: { resource: 'services', operation: 'update' },
  change_staff: { resource: 'staff', operation: 'update' },
  change_team: { resource: 'members', operation: 'update' },
  change_branch: { resource: 'branches', operation: 'update' },
};
const DESK_ACTIONS = Object.keys(SERVER_ROWS) as DeskAction[];

describe('deskCan', () => {
  it('a front desk is offered none of the manager-only actions, each with a reason naming it', () => {
    for (const action of DESK_ACTIONS) {
      expect(deskCan('front_desk', action), action).toBe(false);
      expect(deskRefusal('front_desk', action), action).toMatch(/^Only a manager's desk can /);
    }
    expect(deskRefusal('front_desk', 'erase_customer')).toBe("Only a manager's desk can erase a customer.");
  });

  it('a manager and an unpaired desk (its own manager) are offered every action', () => {
    for (const action of DESK_ACTIONS) {
      expect(deskCan('manager', action), action).toBe(true);
      expect(deskCan(null, action), action).toBe(true);
      expect(deskRefusal(null, action)).toBe('');
    }
  });

  it('follows the server table for every action the server enforces (cannot drift from it)', () => {
    for (const action of DESK_ACTIONS) {
      const row = SERVER_ROWS[action];
      if (row === null) continue;
      for (const role of ROLES) expect(deskCan(role, action), `${role} ${action}`).toBe(ruleOf(role, row.resource, row.operation) !== 'deny');
    }
  });

  it('keeps the customer-list export to managers and HQ itself (the server never sees it)', () => {
    expect(ROLES.filter((role) => deskCan(role, 'export_customer_list'))).toEqual(ROLES.filter((role) => role === 'manager' || role === 'hq'));
  });

  it('keeps the visit-history import to managers (its bookings reach the server as ordinary pushes)', () => {
    expect(ROLES.filter((role) => deskCan(role, 'import_history'))).toEqual(['manager']);
  });
});
