import { describe, expect, it } from 'vitest';
import { gateOf } from './gate';

describe('member gate over the device role', () => {
  it('without team members the desk works as before: the device role alone decides', () => {
    expect(gateOf(null, false, null, 'correct_visit')).toEqual({ kind: 'open' });
    expect(gateOf('manager', false, null, 'erase_customer')).toEqual({ kind: 'open' });
    expect(gateOf('front_desk', false, null, 'erase_customer').kind).toBe('refused');
  });

  it('a front-desk member asks for a manager passcode; a manager member goes ahead', () => {
    expect(gateOf('manager', true, 'front_desk', 'correct_visit')).toEqual({ kind: 'manager_passcode', reason: "Correcting a finished visit needs a manager's passcode." });
    expect(gateOf(null, true, 'front_desk', 'settings')).toEqual({ kind: 'manager_passcode', reason: "Settings needs a manager's passcode." });
    expect(gateOf('manager', true, 'manager', 'export_customer_list')).toEqual({ kind: 'open' });
    expect(gateOf(null, true, null, 'send_campaign').kind).toBe('manager_passcode');
  });

  it('a manager passcode never opens what the device role may not do (the server refuses it)', () => {
    const gate = gateOf('front_desk', true, 'manager', 'correct_visit');
    expect(gate).toEqual({ kind: 'refused', reason: "Only a manager's desk can correct a finished visit." });
    expect(gateOf('front_desk', true, 'manager', 'erase_customer').kind).toBe('refused');
    // Settings is a desk screen: it opens (read-only where the device may not write)
    expect(gateOf('front_desk', true, 'manager', 'settings')).toEqual({ kind: 'open' });
  });
});
