import { describe, expect, it } from 'vitest';
import { currencyOfCountry, currencyProblem, defaultTiersFor, priceScale } from './currency';

/** A country for each currency of the price table. */
const TABLE_COUNTRIES = ['US', 'DE', 'GB', 'PH', 'JP', 'KR', 'TW', 'MX', 'BR', 'CL', 'CO', 'PE'];
import { DEFAULT_TIERS } from './settings';

describe('currency', () => {
  it('accepts ISO 4217 codes Intl formats and names what is wrong with others', () => {
    expect(currencyProblem('PHP')).toBeNull();
    expect(currencyProblem('JPY')).toBeNull();
    expect(currencyProblem('php')).toMatch(/three capital letters/);
    expect(currencyProblem('EURO')).toMatch(/not an ISO 4217 code/);
    expect(currencyProblem('XYZ')).toMatch(/not a current ISO 4217 code/);
    for (const country of TABLE_COUNTRIES) expect(currencyProblem(currencyOfCountry(country)), country).toBeNull();
  });

  it('knows the currency of the countries in its table, nothing for others', () => {
    expect(currencyOfCountry('PH')).toBe('PHP');
    expect(currencyOfCountry('DE')).toBe('EUR');
    expect(currencyOfCountry('GB')).toBe('GBP');
    expect(currencyOfCountry('')).toBe('');
    expect(currencyOfCountry('AQ')).toBe('');
  });

  it('rounds a price level to 1, 2 or 5 times a power of ten, never below 1', () => {
    // Typical haircut over the base 25.00: PEN 1.2, BRL 2, TWD 16, MXN 8, JPY 140, CLP 400, KRW 800, COP 1200.
    expect(['USD', 'PEN', 'BRL', 'TWD', 'MXN', 'JPY', 'CLP', 'KRW', 'COP'].map(priceScale)).toEqual([1, 1, 2, 20, 10, 100, 500, 1000, 1000]);
    expect(priceScale('GBP')).toBe(1); // below the base level
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
});
