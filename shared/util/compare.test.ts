import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compareCodePoints } from './compare';

const utf8 = new TextEncoder();

/** Byte order of the UTF-8 encodings: what `sort` of the CLI output must follow. */
function compareBytes(a: string, b: string): number {
  const x = utf8.encode(a);
  const y = utf8.encode(b);
  const n = Math.min(x.length, y.length);
  for (let i = 0; i < n; i += 1) if (x[i] !== y[i]) return (x[i] as number) - (y[i] as number);
  return x.length - y.length;
}

describe('compareCodePoints', () => {
  it('orders like UTF-8 bytes where UTF-16 code units disagree', () => {
    // U+1F600 (a surrogate pair in UTF-16) sorts after U+FF5E in UTF-8, before it in UTF-16.
    expect('😀' < '～').toBe(true);
    expect(compareCodePoints('😀', '～')).toBeGreaterThan(0);
    expect(compareCodePoints('a', 'b')).toBeLessThan(0);
    expect(compareCodePoints('B', 'a')).toBeLessThan(0);
    expect(compareCodePoints('cu-1', 'cu-10')).toBeLessThan(0);
    expect(compareCodePoints('Émile', 'Zoë')).toBeGreaterThan(0);
    expect(compareCodePoints('same', 'same')).toBe(0);
  });

  it('agrees with UTF-8 byte order for any strings of valid code points', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' }), (a, b) => {
        expect(Math.sign(compareCodePoints(a, b))).toBe(Math.sign(compareBytes(a, b)));
      }),
      { numRuns: 1000 },
    );
  });
});
