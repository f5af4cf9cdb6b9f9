import { parseMoney } from '../../../../shared/money';

/** What the user typed in the numeric filter fields (kept as typed, so a half-typed value survives). */
export interface FilterInputs {
  minVisits: string;
  minSpent: string;
  daysFrom: string;
  daysTo: string;
}

export const EMPTY_INPUTS: FilterInputs = { minVisits: '', minSpent: '', daysFrom: '', daysTo: '' };

export interface ParsedInputs {
  minVisits: number | null;
  minSpentCents: number | null;
  daysSinceMin: number | null;
  daysSinceMax: number | null;
}

export type InputErrors = Partial<Record<keyof FilterInputs, string>>;

/** More than this many days or visits is a typo, not a filter. */
const MAX_COUNT = 100_000;

function wholeNumber(text: string, what: string): { value: number | null; error?: string } {
  const t = text.trim();
  if (t === '') return { value: null };
  if (!/^\d+$/.test(t)) return { value: null, error: `Enter a whole number of ${what}, like 3` };
  const value = Number(t);
  if (value > MAX_COUNT) return { value: null, error: `Enter at most ${MAX_COUNT.toLocaleString('en')} ${what}` };
  return { value };
}

/** An amount typed in a filter field, in cents (null when empty), or the problem with it. */
export function amount(text: string): { value: number | null; error?: string } {
  // Thousands separators, spaces and a leading currency sign are what people type: tolerate them.
  const t = text.trim().replace(/^[^\d.-]+/, '').replace(/[,\s]/g, '');
  if (text.trim() === '') return { value: null };
  if (t.startsWith('-')) return { value: null, error: 'Enter an amount of 0 or more' };
  const parsed = parseMoney(t);
  if (!parsed.ok) return { value: null, error: 'Enter an amount like 250 or 99.50' };
  return { value: parsed.cents };
}

/**
 * The numeric filters from what was typed. A field with a problem gets a message and is left out
 * of the filtering (the others still apply) until it is fixed.
 */
export function parseFilterInputs(inputs: FilterInputs): { values: ParsedInputs; errors: InputErrors } {
  const errors: InputErrors = {};
  const visits = wholeNumber(inputs.minVisits, 'visits');
  if (visits.error) errors.minVisits = visits.error;
  const spent = amount(inputs.minSpent);
  if (spent.error) errors.minSpent = spent.error;
  const from = wholeNumber(inputs.daysFrom, 'days');
  if (from.error) errors.daysFrom = from.error;
  const to = wholeNumber(inputs.daysTo, 'days');
  if (to.error) errors.daysTo = to.error;
  let daysSinceMax = to.value;
  if (from.value !== null && to.value !== null && to.value < from.value) {
    errors.daysTo = `Enter at least ${from.value} (the “from” days)`;
    daysSinceMax = null;
  }
  return {
    values: { minVisits: visits.value, minSpentCents: spent.value, daysSinceMin: from.value, daysSinceMax },
    errors,
  };
}
