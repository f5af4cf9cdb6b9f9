import { describe, expect, it } from 'vitest';
import { predictionCriteriaNote } from './outlook-format';

describe('the note of criteria on predictions', () => {
  it('says why the prediction filters match nobody while there is no fitted model, and nothing otherwise', () => {
    const failed = { kind: 'failed', source: 'desk', reason: 'too little history to fit: 3 customers with a repeat visit (at least 20 needed)' } as const;
    expect(predictionCriteriaNote(true, failed)).toBe(
      'No predictions: too little history to fit: 3 customers with a repeat visit (at least 20 needed). The chance-of-return and value filters match nobody; statuses follow the visit rules.',
    );
    expect(predictionCriteriaNote(true, { kind: 'pending' })).toMatch(/^Predictions appear once every booking is read: until then the chance-of-return and value filters match nobody\.$/);
    expect(predictionCriteriaNote(false, failed)).toBeNull();
    const model = { bgnbd: { r: 1, alpha: 1, a: 1, b: 1 }, gamma_gamma: { p: 1, q: 2, gamma: 1 }, pairs: 30, spend_pairs: 25 };
    expect(predictionCriteriaNote(true, { kind: 'ready', source: 'server', model, fittedAsOf: '2026-03-01', fitMs: null })).toBeNull();
  });
});
