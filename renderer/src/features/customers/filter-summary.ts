import { FREQUENCY_TIER_LABELS, SPENDING_TIER_LABELS, STATUS_LABELS } from '../../lib/format';
import type { CustomerFilters, FilterKey } from './customer-filters';

export const FILTER_NAMES: Record<FilterKey, string> = {
  status: 'Status',
  spending: 'Spending tier',
  frequency: 'Visit frequency',
  tags: 'Tags',
  minVisits: 'Minimum visits',
  minSpent: 'Minimum spent',
  daysSince: 'Days since last visit',
};

function anyOf(values: readonly string[]): string {
  if (values.length <= 1) return values.join('');
  return `${values.slice(0, -1).join(', ')} or ${values[values.length - 1] ?? ''}`;
}

function plural(n: number, one: string, many: string): string {
  return `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
}

/** A filter as a short sentence ("Status: At risk or Churned", "At least 3 visits"). */
export function describeFilter(key: FilterKey, f: CustomerFilters, money: (cents: number) => string): string {
  switch (key) {
    case 'status':
      return `Status: ${anyOf(f.statuses.map((s) => STATUS_LABELS[s]))}`;
    case 'spending':
      return `Spending: ${anyOf(f.spendingTiers.map((t) => SPENDING_TIER_LABELS[t]))}`;
    case 'frequency':
      return `Frequency: ${anyOf(f.frequencyTiers.map((t) => FREQUENCY_TIER_LABELS[t]))}`;
    case 'tags':
      return `Tagged ${anyOf(f.tags.map((t) => `“${t}”`))}`;
    case 'minVisits':
      return `At least ${plural(f.minVisits ?? 0, 'visit', 'visits')}`;
    case 'minSpent':
      return `Spent at least ${money(f.minSpentCents ?? 0)}`;
    case 'daysSince': {
      const { daysSinceMin: min, daysSinceMax: max } = f;
      if (min !== null && max !== null) return min === max ? `Last visit ${plural(min, 'day', 'days')} ago` : `Last visit ${min}–${plural(max, 'day', 'days')} ago`;
      if (min !== null) return `Last visit at least ${plural(min, 'day', 'days')} ago`;
      return `Last visit at most ${plural(max ?? 0, 'day', 'days')} ago`;
    }
  }
}

/** "1,234 of 50,000 customers". */
export function countLine(shown: number, total: number): string {
  const noun = total === 1 ? 'customer' : 'customers';
  if (shown === total) return `${total.toLocaleString('en')} ${noun}`;
  return `${shown.toLocaleString('en')} of ${total.toLocaleString('en')} ${noun}`;
}
