import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseInstant } from './instant';

/** The general grammar parsed by `Date.UTC` arithmetic, as the regex path does (reference). */
function reference(text: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(Z|z|([+-])(\d{2}):(\d{2}))$/.exec(text);
  if (!m) return null;
  const [y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0] = [1, 2, 3, 4, 5, 6].map((i) => Number(m[i]));
  if (mo < 1 || mo > 12 || h > 23 || mi > 59 || s > 59) return null;
  const utc = Date.UTC(y, mo - 1, d, h, mi, s);
  if (new Date(utc).getUTCDate() !== d || y < 100) return null;
  if (m[8] !== undefined && (Number(m[9]) > 18 || Number(m[10]) > 59)) return null;
  const offset = m[8] === undefined ? 0 : (m[8] === '-' ? -1 : 1) * (Number(m[9]) * 60 + Number(m[10]));
  return utc - offset * 60_000;
}

describe('parseInstant fast path', () => {
  it('agrees with a reference parser on the common shapes, valid or not', () => {
    const two = (max: number) => fc.integer({ min: 0, max }).map((n) => String(n).padStart(2, '0'));
    const shape = fc
      .tuple(
        fc.integer({ min: 1900, max: 2100 }),
        two(13),
        two(32),
        two(24),
        two(60),
        two(60),
        fc.oneof(fc.constant('Z'), fc.tuple(fc.constantFrom('+', '-'), two(19), two(60)).map(([s, h, m]) => `${s}${h}:${m}`)),
      )
      .map(([y, mo, d, h, mi, s, z]) => `${y}-${mo}-${d}T${h}:${mi}:${s}${z}`);
    fc.assert(
      fc.property(shape, (text) => {
        expect(parseInstant(text)).toBe(reference(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('rejects near-miss shapes of the fast length', () => {
    for (const text of ['2026-03-01 10:00:00Z', '2026-03-01T10:00:00X', '2026-03-01T10:00:00+0800x', '2026/03/01T10:00:00Z', '2026-03-01T10:00:00+08-00']) {
      expect(parseInstant(text)).toBeNull();
    }
  });
});
