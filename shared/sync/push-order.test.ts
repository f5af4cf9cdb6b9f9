import { describe, expect, it } from 'vitest';
import { REFERENCES } from '../../server/authz/push-authz';
import { PUSH_AFTER } from './push-order';

describe('PUSH_AFTER', () => {
  it('names exactly the pushed collections each collection refers to on the server (others than itself)', () => {
    for (const [collection, refs] of Object.entries(REFERENCES)) {
      const targets = [...new Set(refs.map((r) => r.target).filter((t) => t !== collection && t !== 'branches'))].sort();
      expect([...PUSH_AFTER[collection as keyof typeof PUSH_AFTER]].sort(), collection).toEqual(targets);
    }
  });

  it('has no cycle (a desk could otherwise wait for itself)', () => {
    const visiting = new Set<string>();
    const visit = (c: keyof typeof PUSH_AFTER): void => {
      expect(visiting.has(c), `cycle through ${c}`).toBe(false);
      visiting.add(c);
      for (const p of PUSH_AFTER[c]) visit(p);
      visiting.delete(c);
    };
    for (const c of Object.keys(PUSH_AFTER) as (keyof typeof PUSH_AFTER)[]) visit(c);
  });
});
