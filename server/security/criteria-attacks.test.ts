/**
 * Segment and campaign criteria on predictions and cadence (document schema 4, issue 13) against a
 * real server process: a branch's desk saves "likely to lapse, high value" and every field comes
 * back as pushed; a value out of range or of the wrong type in a new field (a percent over 100 or
 * fractional, a negative or too large amount, a non-boolean "overdue") is a 400 naming the field,
 * and nothing of that batch is stored; another branch cannot write the branch's segments.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { criteria } from '../../shared/domain/criteria';
import type { SegmentDoc } from '../../shared/domain/schemas';
import { MAX_PRICE_CENTS } from '../../shared/money';
import type { WireDoc } from '../../shared/sync/protocol';
import { campaignDoc } from '../test-support/docs';
import { freshId } from './attack-docs';
import { openTarget, pullDocs, pushDoc, TARGET_NAMES, type Target } from './harness';

const SLOW = 120_000;

function segment(over: Partial<SegmentDoc['criteria']>): WireDoc<SegmentDoc> {
  return { id: freshId('sg'), branch_id: 'br-a', name: 'Likely to lapse, high value', criteria: criteria(over), created_at: '', updated_at: '', _deleted: false };
}

describe.each(TARGET_NAMES)('criteria on predictions against a real server on %s', { timeout: SLOW }, (name) => {
  let t: Target;
  beforeAll(async () => {
    t = await openTarget(name);
  }, SLOW);
  afterAll(async () => {
    await t?.close();
  }, SLOW);

  async function stored(collection: 'segments' | 'campaigns', id: string): Promise<unknown> {
    const { status, docs } = await pullDocs<{ id: string }>(t.actors.hq, collection);
    expect(status).toBe(200);
    return docs.find((d) => d.id === id);
  }

  it('a branch desk saves "likely to lapse, high value"; it comes back as pushed; another branch cannot write it', async () => {
    const s = segment({ chance_below_pct: 50, min_predicted_value: 12_000, min_value_at_risk: 500, overdue_for_them: true, chance_from_pct: 5 });
    const answer = await pushDoc(t.actors.fdA, 'segments', s);
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    expect(await stored('segments', s.id)).toMatchObject({ criteria: s.criteria });
    const other = segment({ chance_below_pct: 10 });
    expect((await pushDoc(t.actors.fdB, 'segments', other)).status).toBe(403);
    expect(await stored('segments', other.id)).toBeUndefined();
  });

  it('a new criteria field out of range or of the wrong type is a 400 naming it, nothing stored', async () => {
    const bad: [string, Record<string, unknown>][] = [
      ['chance_below_pct', { chance_below_pct: 150 }],
      ['chance_from_pct', { chance_from_pct: 2.5 }],
      ['chance_from_pct', { chance_from_pct: -1 }],
      ['min_predicted_value', { min_predicted_value: MAX_PRICE_CENTS + 1 }],
      ['min_value_at_risk', { min_value_at_risk: -100 }],
      ['overdue_for_them', { overdue_for_them: 'yes' }],
    ];
    for (const [field, over] of bad) {
      const s = { ...segment({}), criteria: { ...criteria(), ...over } };
      const answer = await pushDoc(t.actors.mgA, 'segments', s);
      expect(answer.status, `${field}: ${JSON.stringify(answer.body)}`).toBe(400);
      expect(JSON.stringify(answer.body)).toContain(field);
      expect(await stored('segments', s.id)).toBeUndefined();
      const c = { ...campaignDoc({ id: freshId('cp'), branch_id: 'br-a' }), criteria: { ...criteria(), ...over } };
      const refused = await pushDoc(t.actors.mgA, 'campaigns', c);
      expect(refused.status, `${field}: ${JSON.stringify(refused.body)}`).toBe(400);
      expect(JSON.stringify(refused.body)).toContain(field);
      expect(await stored('campaigns', c.id)).toBeUndefined();
    }
    // A schema-3 criteria (without the new fields) is not a schema-4 document.
    const old = { ...segment({}), criteria: Object.fromEntries(Object.entries(criteria()).filter(([k]) => !['chance_from_pct', 'chance_below_pct', 'min_predicted_value', 'min_value_at_risk', 'overdue_for_them'].includes(k))) };
    const answer = await pushDoc(t.actors.mgA, 'segments', old);
    expect(answer.status).toBe(400);
    expect(await stored('segments', old.id)).toBeUndefined();
  });
});
