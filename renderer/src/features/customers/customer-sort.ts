import type { CustomerRow } from './customer-rows';

export const SORT_FIELDS = ['last_visit', 'total_spent', 'visits', 'name', 'predicted_value', 'value_at_risk', 'chance', 'expected_visits'] as const;
export type SortField = (typeof SORT_FIELDS)[number];
export type SortDirection = 'asc' | 'desc';

export interface SortOrder {
  field: SortField;
  direction: SortDirection;
}

export const DEFAULT_SORT: SortOrder = { field: 'last_visit', direction: 'desc' };

export const SORT_LABELS: Record<SortField, string> = {
  last_visit: 'Last visit',
  total_spent: 'Total spent',
  visits: 'Visits',
  name: 'Name',
  predicted_value: 'Predicted value (90 days)',
  value_at_risk: 'Value at risk',
  chance: 'Chance of return',
  expected_visits: 'Expected visits (90 days)',
};

/** How each direction reads for a field ("Most recent first", "A → Z"). */
export const DIRECTION_LABELS: Record<SortField, Record<SortDirection, string>> = {
  last_visit: { desc: 'most recent first', asc: 'longest ago first' },
  total_spent: { desc: 'highest first', asc: 'lowest first' },
  visits: { desc: 'most first', asc: 'fewest first' },
  name: { asc: 'A to Z', desc: 'Z to A' },
  predicted_value: { desc: 'highest first', asc: 'lowest first' },
  value_at_risk: { desc: 'highest first', asc: 'lowest first' },
  chance: { desc: 'most likely first', asc: 'least likely first' },
  expected_visits: { desc: 'most first', asc: 'fewest first' },
};

/** A row's predicted figure for a sort field (null without a prediction). */
function predicted(row: CustomerRow, field: 'predicted_value' | 'value_at_risk' | 'chance' | 'expected_visits'): number | null {
  const o = row.outlook ?? null;
  if (o === null) return null;
  switch (field) {
    case 'predicted_value':
      return o.predicted_value_90;
    case 'value_at_risk':
      return o.value_at_risk_90;
    case 'chance':
      return o.p_alive;
    case 'expected_visits':
      return o.expected_visits_90;
  }
}

/** The direction a column sorts in when first chosen: names A→Z, figures biggest / newest first. */
export function naturalDirection(field: SortField): SortDirection {
  return field === 'name' ? 'asc' : 'desc';
}

/** Clicking a column header: the same column flips, another column starts in its natural direction. */
export function toggledSort(current: SortOrder, field: SortField): SortOrder {
  if (current.field === field) return { field, direction: current.direction === 'asc' ? 'desc' : 'asc' };
  return { field, direction: naturalDirection(field) };
}

export function isSortField(value: string): value is SortField {
  return (SORT_FIELDS as readonly string[]).includes(value);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Name, then id: the order of rows that tie on the sorted figure (whatever the direction). */
function byName(a: CustomerRow, b: CustomerRow): number {
  return compareText(a.nameKey, b.nameKey) || compareText(a.id, b.id);
}

/**
 * The rows in a new array, ordered. Customers without the figure (no visit yet) come last in
 * both directions; ties are ordered by name.
 */
export function sortRows(rows: readonly CustomerRow[], order: SortOrder): CustomerRow[] {
  const sign = order.direction === 'asc' ? 1 : -1;
  const sorted = rows.slice();
  switch (order.field) {
    case 'name':
      sorted.sort((a, b) => sign * byName(a, b));
      break;
    case 'last_visit':
      sorted.sort((a, b) => {
        const x = a.activity?.last_visit_date ?? null;
        const y = b.activity?.last_visit_date ?? null;
        if (x === null || y === null) return x === y ? byName(a, b) : x === null ? 1 : -1;
        return sign * compareText(x, y) || byName(a, b);
      });
      break;
    case 'total_spent':
      sorted.sort((a, b) => sign * ((a.activity?.total_spent ?? 0) - (b.activity?.total_spent ?? 0)) || byName(a, b));
      break;
    case 'visits':
      sorted.sort((a, b) => sign * ((a.activity?.total_bookings ?? 0) - (b.activity?.total_bookings ?? 0)) || byName(a, b));
      break;
    case 'predicted_value':
    case 'value_at_risk':
    case 'chance':
    case 'expected_visits': {
      // Rows without a prediction (no visit, no model) come last in both directions.
      const field = order.field;
      const keys = new Map(sorted.map((r) => [r, predicted(r, field)]));
      sorted.sort((a, b) => {
        const x = keys.get(a) ?? null;
        const y = keys.get(b) ?? null;
        if (x === null || y === null) return x === y ? byName(a, b) : x === null ? 1 : -1;
        return sign * (x - y) || byName(a, b);
      });
      break;
    }
  }
  return sorted;
}
