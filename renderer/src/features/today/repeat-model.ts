import { parseDay } from '../../../../shared/time/calendar';
import { planOccurrences, type Occurrence, type Repeat } from '../../../../shared/schedule/recurrence';

/** The new-booking form's "Repeat" fields, as typed. */
export interface RepeatValues {
  /** Weeks between occurrences; '' = the booking does not repeat. */
  every: string;
  ends: 'count' | 'until';
  /** How many bookings in all (with `ends: 'count'`). */
  times: string;
  /** The last possible date, YYYY-MM-DD (with `ends: 'until'`). */
  until: string;
}

export type RepeatField = 'every' | 'times' | 'until';
export type RepeatErrors = Partial<Record<RepeatField, string>>;

export const NO_REPEAT: RepeatValues = { every: '', ends: 'count', times: '4', until: '' };

/**
 * The occurrences the Repeat fields ask for, from the booking's local day and minute: null when
 * the booking does not repeat, or the problems, on the field that shows them.
 */
export function readRepeat(
  values: RepeatValues,
  first: { day: number; minute: number },
  timeZone: string,
): { ok: true; occurrences: Occurrence[] | null } | { ok: false; errors: RepeatErrors } {
  const every = values.every.trim();
  if (every === '') return { ok: true, occurrences: null };
  if (!/^\d+$/.test(every)) return { ok: false, errors: { every: 'Enter a number of weeks, or leave it empty for one booking' } };
  let end: Repeat['end'];
  if (values.ends === 'count') {
    const times = values.times.trim();
    if (!/^\d+$/.test(times)) return { ok: false, errors: { times: 'Enter how many bookings in all' } };
    end = { kind: 'count', count: Number(times) };
  } else {
    const day = parseDay(values.until.trim());
    if (day === null) return { ok: false, errors: { until: 'Enter the end date like 2026-06-30' } };
    end = { kind: 'until', day };
  }
  const plan = planOccurrences(first, { everyWeeks: Number(every), end }, timeZone);
  if (plan.ok) return { ok: true, occurrences: plan.occurrences };
  const errors: RepeatErrors = {};
  for (const p of plan.problems) errors[p.field === 'count' ? 'times' : p.field] = p.message;
  return { ok: false, errors };
}
