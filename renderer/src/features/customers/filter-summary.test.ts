import { describe, expect, it } from 'vitest';
import { formatPrice } from '../../lib/format';
import type { CustomerFilters } from './customer-filters';
import { NO_FILTERS } from './test-rows';
import { countLine, describeFilter } from './filter-summary';
import { shortDate, statusWithDays } from './display';

const f = (over: Partial<CustomerFilters>): CustomerFilters => ({ ...NO_FILTERS, ...over });

describe('describeFilter', () => {
  it('says each filter in words', () => {
    expect(describeFilter('status', f({ statuses: ['at_risk', 'churned', 'new'] }), formatPrice)).toBe('Status: At risk, Churned or New');
    expect(describeFilter('spending', f({ spendingTiers: ['vip'] }), formatPrice)).toBe('Spending: VIP');
    expect(describeFilter('frequency', f({ frequencyTiers: ['one_time', 'regular'] }), formatPrice)).toBe('Frequency: One-time or Regular');
    expect(describeFilter('tags', f({ tags: ['kids'] }), formatPrice)).toBe('Tagged “kids”');
    expect(describeFilter('minVisits', f({ minVisits: 1 }), formatPrice)).toBe('At least 1 visit');
    expect(describeFilter('minSpent', f({ minSpentCents: 125_000 }), formatPrice)).toBe('Spent at least 1,250.00');
    expect(describeFilter('daysSince', f({ daysSinceMin: 13, daysSinceMax: 30 }), formatPrice)).toBe('Last visit 13–30 days ago');
    expect(describeFilter('daysSince', f({ daysSinceMin: 31 }), formatPrice)).toBe('Last visit at least 31 days ago');
    expect(describeFilter('daysSince', f({ daysSinceMax: 1 }), formatPrice)).toBe('Last visit at most 1 day ago');
  });
});

describe('list wording', () => {
  it('counts shown of total', () => {
    expect(countLine(1234, 50_000)).toBe('1,234 of 50,000 customers');
    expect(countLine(50_000, 50_000)).toBe('50,000 customers');
    expect(countLine(1, 1)).toBe('1 customer');
    expect(countLine(0, 1)).toBe('0 of 1 customer');
  });

  it('writes status with days and calendar dates', () => {
    expect(statusWithDays('at_risk', 21)).toBe('At risk · 21 days');
    expect(statusWithDays('active', 0)).toBe('Active · today');
    expect(statusWithDays('active', 1)).toBe('Active · 1 day');
    expect(statusWithDays('new', null)).toBe('New · no visits yet');
    expect(shortDate('2026-02-12')).toBe('12 Feb 2026');
    expect(shortDate(null)).toBe('');
  });
});
