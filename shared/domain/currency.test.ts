import { describe, expect, it } from 'vitest';
import { CURRENCY_PRICE_LEVELS, currencyDigits, currencyOfCountry, currencyProblem, defaultTiersFor, priceScale, roundScale } from './currency';
import { DEFAULT_TIERS } from './settings';

describe('currency', () => {
  it('accepts ISO 4217 codes Intl formats and names what is wrong with others', () => {
    expect(currencyProblem('PHP')).toBeNull();
    expect(currencyProblem('JPY')).toBeNull();
    expect(currencyProblem('php')).toMatch(/three capital letters/);
    expect(currencyProblem('EURO')).toMatch(/not an ISO 4217 code/);
    expect(currencyProblem('XYZ')).toMatch(/not a current ISO 4217 code/);
    for (const code of Object.keys(CURRENCY_PRICE_LEVELS)) expect(currencyProblem(code)).toBeNull();
  });

  it('knows the currency of the countries in its table, nothing for others', () => {
    expect(currencyOfCountry('PH')).toBe('PHP');
    expect(currencyOfCountry('DE')).toBe('EUR');
    expect(currencyOfCountry('GB')).toBe('GBP');
    expect(currencyOfCountry('')).toBe('');
    expect(currencyOfCountry('AQ')).toBe('');
    const countries = Object.values(CURRENCY_PRICE_LEVELS).flatMap((l) => l.countries);
    expect(new Set(countries).size).toBe(countries.length);
  });

  it('rounds a price level to 1, 2 or 5 times a power of ten, never below 1', () => {
    expect([0.5, 1, 1.4, 1.6, 3, 4, 8, 14, 140, 400, 3000].map(roundScale)).toEqual([1, 1, 1, 2, 2, 5, 10, 10, 100, 500, 2000]);
  });

  it('scales the default spending tiers by the typical price level; frequency tiers stay', () => {
    expect(defaultTiersFor('USD')).toEqual(DEFAULT_TIERS);
    expect(defaultTiersFor('EUR')).toEqual(DEFAULT_TIERS);
    expect(defaultTiersFor('GBP')).toEqual(DEFAULT_TIERS);
    // A Manila haircut is about ₱250 (10 × the base 25.00): VIP above ₱10,000, not ₱1,000
    expect(priceScale('PHP')).toBe(10);
    expect(defaultTiersFor('PHP').spending).toEqual({ vipAbove: 1_000_000, highFrom: 500_000, mediumFrom: 100_000 });
    expect(defaultTiersFor('MXN').spending.vipAbove).toBe(1_000_000);
    expect(defaultTiersFor('JPY').spending.vipAbove).toBe(10_000_000);
    expect(defaultTiersFor('JPY').frequency).toEqual(DEFAULT_TIERS.frequency);
    // Unknown to the table: the defaults as they are (the manager sets them)
    expect(defaultTiersFor('ISK')).toEqual(DEFAULT_TIERS);
  });

  it('shows each currency with its own digits', () => {
    expect(currencyDigits('EUR')).toBe(2);
    expect(currencyDigits('JPY')).toBe(0);
  });
});
