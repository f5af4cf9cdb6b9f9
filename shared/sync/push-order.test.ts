import { describe, expect, it } from 'vitest';
import type { PushCollection } from './protocol';
import { pushAfter, REFERENCES } from './push-order';

const COLLECTIONS = Object.keys(REFERENCES) as PushCollection[];

describe('pushAfter', () => {
  it('sends a document after the other pushed collections it may name', () => {
    expect(Object.fromEntries(COLLECTIONS.map((c) => [c, pushAfter(c)]))).toEqual({
      branches: [],
      segments: [],
      branch_settings: [],
      services: [],
      staff: [],
      members: [],
      audit_events: [],
      customers: [],
      campaigns: ['segments'],
      bookings: ['customers'],
      communications: ['customers', 'campaigns'],
    });
  });

  it('has no cycle (a desk could otherwise wait for itself)', () => {
    const visiting = new Set<string>();
    const visit = (c: PushCollection): void => {
      expect(visiting.has(c), `cycle through ${c}`).toBe(false);
      visiting.add(c);
      for (const p of pushAfter(c)) visit(p);
      visiting.delete(c);
    };
    for (const c of COLLECTIONS) visit(c);
  });
});
