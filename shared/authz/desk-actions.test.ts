import { describe, expect, it } from 'vitest';
import { DESK_ACTIONS, deskCan, deskRefusal, serverRowOf } from './desk-actions';
import { ROLES, ruleOf } from './policy';

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
      const row = serverRowOf(action);
      if (row === null) continue;
      for (const role of ROLES) expect(deskCan(role, action), `${role} ${action}`).toBe(ruleOf(role, row.resource, row.operation) !== 'deny');
    }
    // the ones the issue names are server rows, not desk guesses
    expect(serverRowOf('erase_customer')).toEqual({ resource: 'customers', operation: 'erase' });
    expect(serverRowOf('send_campaign')).toEqual({ resource: 'campaigns', operation: 'send' });
    expect(serverRowOf('change_automations')).toEqual({ resource: 'branch_settings', operation: 'update' });
    expect(serverRowOf('export_customer_list')).toBeNull();
  });
});
