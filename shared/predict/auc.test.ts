import { describe, expect, it } from 'vitest';
import { auc } from './auc';

/** The AUC by its definition: over every (positive, negative) pair, 1 when the positive scores higher, ½ on a tie. */
function bruteForceAuc(scores: number[], positive: boolean[]): number {
  let wins = 0;
  let pairs = 0;
  scores.forEach((s, i) => {
    if (!positive[i]) return;
    scores.forEach((t, j) => {
      if (positive[j]) return;
      pairs += 1;
      wins += s > t ? 1 : s === t ? 0.5 : 0;
    });
  });
  return wins / pairs;
}

describe('auc', () => {
  it('equals the pairwise definition, ties counting half', () => {
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let trial = 0; trial < 20; trial += 1) {
      const n = 5 + Math.floor(rand() * 60);
      const scores = Array.from({ length: n }, () => Math.floor(rand() * 6));
      const positive = scores.map((s) => rand() < 0.2 + s * 0.1);
      if (positive.every(Boolean) || !positive.some(Boolean)) continue;
      expect(auc(scores, positive)).toBeCloseTo(bruteForceAuc(scores, positive), 12);
    }
  });

  it('is 1 for a perfect ranking, 0.5 for a constant score, null without both classes', () => {
    expect(auc([1, 2, 3, 4], [false, false, true, true])).toBe(1);
    expect(auc([1, 1, 1, 1], [false, true, false, true])).toBe(0.5);
    expect(auc([1, 2], [true, true])).toBeNull();
  });
});
