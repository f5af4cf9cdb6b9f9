import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { divideHalfUp, formatMoney, MAX_PRICE_CENTS, parseMoney } from './money';

function cents(text: string): number {
  const parsed = parseMoney(text);
  if (!parsed.ok) throw new Error(`expected "${text}" to parse, got: ${parsed.problem}`);
  return parsed.cents;
}

function problem(text: string): string {
  const parsed = parseMoney(text);
  if (parsed.ok) throw new Error(`expected "${text}" to be rejected, got ${parsed.cents} cents`);
  return parsed.problem;
}

describe('parseMoney', () => {
  it('accepts whole and decimal major units with up to two places', () => {
    expect(cents('25')).toBe(2500);
    expect(cents('25.5')).toBe(2550);
    expect(cents('25.50')).toBe(2550);
    expect(cents('0.00')).toBe(0);
    expect(cents('0.01')).toBe(1);
    expect(cents('1234.05')).toBe(123405);
    expect(cents(' 7.10 ')).toBe(710);
  });

  it('rejects negative amounts, saying so', () => {
    expect(problem('-1.00')).toMatch(/negative/);
    expect(problem('-0.01')).toMatch(/negative/);
  });

  it('rejects more than two decimals, non-numbers, empty text and exponents', () => {
    for (const text of ['1.234', 'abc', '1e3', '12,50', '$5', '5.', '.5', '+5', '0x10', 'NaN', 'Infinity', '1 000']) {
      expect(problem(text), text).toMatch(/not a decimal amount/);
    }
    expect(problem('')).toMatch(/empty/);
    expect(problem('   ')).toMatch(/empty/);
  });

  it('rejects prices above the upper bound and accepts the bound itself', () => {
    expect(cents(formatMoney(MAX_PRICE_CENTS))).toBe(MAX_PRICE_CENTS);
    expect(problem(formatMoney(MAX_PRICE_CENTS + 1))).toMatch(/larger than/);
    expect(problem('99999999999999999999')).toMatch(/larger than/);
  });

  it('round-trips every amount through formatMoney', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_PRICE_CENTS }), (amount) => {
        expect(cents(formatMoney(amount))).toBe(amount);
      }),
    );
  });
});

describe('formatMoney', () => {
  it('always prints two decimals', () => {
    expect(formatMoney(0)).toBe('0.00');
    expect(formatMoney(5)).toBe('0.05');
    expect(formatMoney(50)).toBe('0.50');
    expect(formatMoney(123450)).toBe('1234.50');
    expect(formatMoney(-5)).toBe('-0.05');
    expect(formatMoney(-123456)).toBe('-1234.56');
  });
});

describe('divideHalfUp', () => {
  it('rounds exact halves up, where banker’s or binary floating point rounding would not', () => {
    expect(divideHalfUp(1, 32, 4)).toBe(0.0313); // 0.03125
    expect(divideHalfUp(5, 32, 4)).toBe(0.1563); // 0.15625
    expect(divideHalfUp(13, 8, 2)).toBe(1.63); // 1.625
    expect(divideHalfUp(1, 2, 0)).toBe(1); // 0.5
    expect(divideHalfUp(5, 2, 0)).toBe(3); // 2.5
    expect(divideHalfUp(20001, 2, 0)).toBe(10001); // 10000.5
    expect(divideHalfUp(201, 200, 2)).toBe(1.01); // 1.005, which is 1.00499… in binary
  });

  it('rounds below half down and above half up', () => {
    expect(divideHalfUp(1, 3, 4)).toBe(0.3333);
    expect(divideHalfUp(2, 3, 4)).toBe(0.6667);
    expect(divideHalfUp(4, 3, 2)).toBe(1.33);
    expect(divideHalfUp(1, 1, 4)).toBe(1);
  });

  it('is 0 for a zero denominator', () => {
    expect(divideHalfUp(0, 0, 4)).toBe(0);
    expect(divideHalfUp(7, 0, 2)).toBe(0);
  });

  it('agrees with exact BigInt half-up rounding', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: 1, max: 100_000 }),
        fc.integer({ min: 0, max: 4 }),
        (n, d, places) => {
          const scale = 10n ** BigInt(places);
          const expected = (2n * BigInt(n) * scale + BigInt(d)) / (2n * BigInt(d));
          expect(divideHalfUp(n, d, places)).toBe(Number(expected) / Number(scale));
        },
      ),
    );
  });
});
