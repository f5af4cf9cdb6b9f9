import { describe, expect, it } from 'vitest';
import { EMPTY_INPUTS, parseFilterInputs } from './filter-inputs';

const parse = (over: Partial<typeof EMPTY_INPUTS>) => parseFilterInputs({ ...EMPTY_INPUTS, ...over });

describe('parseFilterInputs', () => {
  it('reads empty fields as no filter', () => {
    expect(parse({})).toEqual({ values: { minVisits: null, minSpentCents: null, daysSinceMin: null, daysSinceMax: null }, errors: {} });
    expect(parse({ minVisits: '   ' }).values.minVisits).toBeNull();
  });

  it('reads whole numbers of visits and days', () => {
    expect(parse({ minVisits: ' 3 ', daysFrom: '13', daysTo: '30' })).toEqual({
      values: { minVisits: 3, minSpentCents: null, daysSinceMin: 13, daysSinceMax: 30 },
      errors: {},
    });
    expect(parse({ daysFrom: '0', daysTo: '0' }).values).toMatchObject({ daysSinceMin: 0, daysSinceMax: 0 });
  });

  it('reads amounts as cents, tolerating thousands separators and a currency sign', () => {
    expect(parse({ minSpent: '250' }).values.minSpentCents).toBe(25_000);
    expect(parse({ minSpent: '99.5' }).values.minSpentCents).toBe(9_950);
    expect(parse({ minSpent: '₱1,000.00' }).values.minSpentCents).toBe(100_000);
    expect(parse({ minSpent: '$ 1 000' }).values.minSpentCents).toBe(100_000);
  });

  it('names each problem at its field and leaves that filter out', () => {
    const bad = parse({ minVisits: '2.5', minSpent: '12.345', daysFrom: 'ten', daysTo: '-1' });
    expect(bad.values).toEqual({ minVisits: null, minSpentCents: null, daysSinceMin: null, daysSinceMax: null });
    expect(bad.errors).toEqual({
      minVisits: 'Enter a whole number of visits, like 3',
      minSpent: 'Enter an amount like 250 or 99.50',
      daysFrom: 'Enter a whole number of days, like 3',
      daysTo: 'Enter a whole number of days, like 3',
    });
    expect(parse({ minSpent: '-5' }).errors.minSpent).toBe('Enter an amount of 0 or more');
    expect(parse({ minVisits: '1000000' }).errors.minVisits).toBe('Enter at most 100,000 visits');
  });

  it('refuses a range whose end is before its start, keeping the start', () => {
    const r = parse({ daysFrom: '30', daysTo: '12' });
    expect(r.errors).toEqual({ daysTo: 'Enter at least 30 (the “from” days)' });
    expect(r.values).toMatchObject({ daysSinceMin: 30, daysSinceMax: null });
  });
});
