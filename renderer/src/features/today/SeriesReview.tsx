import { useCallback, useState } from 'react';
import type { BookingDoc } from '../../../../shared/domain/schemas';
import { conflictsFor, type BookingConflict, type SlotBooking } from '../../../../shared/schedule/booking-conflicts';
import type { Occurrence } from '../../../../shared/schedule/recurrence';
import { hoursConflict } from '../../../../shared/schedule/staff-hours';
import { bookingsAround } from '../../data/bookings';
import { useDesk } from '../../data/hooks';
import { readStaff } from '../../data/menu';
import { isoInZone, shortDateTime } from '../../lib/zoned-time';
import { displayName } from '../customers';
import { conflictLines } from './ConflictNotice';

/** One occurrence of a series being booked, with what it would clash with. */
export interface OccurrenceCheck extends Occurrence {
  conflicts: BookingConflict<BookingDoc>[];
  /** Why it is outside the staff member's hours (null: it is not). */
  outside: string | null;
  /** The wall-clock minute asked for, when it differs between occurrences (a change of "this and all following"). */
  minute?: number;
}

export interface SeriesCheck {
  /** Every occurrence, as checked on the last save attempt; null until one found a problem. */
  rows: OccurrenceCheck[] | null;
  /** Indexes of the flagged occurrences not to book (all of them until "Book anyway" is picked). */
  skipped: ReadonlySet<number>;
  choose: (index: number, book: boolean) => void;
  /**
   * True when the series may be saved: no occurrence has a problem, or the same series was
   * already shown with its problems (a second submit of an unchanged form: the choices stand).
   */
  check: (occurrences: readonly Occurrence[], candidate: Omit<SlotBooking, 'start_at'>, branchId: string, timeZone: string) => Promise<boolean>;
  /**
   * The same for rows checked elsewhere (`compute`, run unless the same `key` was already shown):
   * true when none is flagged or the choices shown stand.
   */
  review: (key: string, compute: () => Promise<OccurrenceCheck[]>) => Promise<boolean>;
  reset: () => void;
}

const flaggedRow = (r: OccurrenceCheck): boolean => r.conflicts.length > 0 || r.outside !== null || r.shifted;

/**
 * Checks every occurrence of a series for double-bookings (staff and customer) and staff hours
 * before anything is saved; flagged occurrences are skipped unless the person picks "Book anyway"
 * for each (docs/DESIGN.md §13, §17).
 */
export function useSeriesCheck(): SeriesCheck {
  const desk = useDesk();
  const [state, setState] = useState<{ key: string; rows: OccurrenceCheck[]; skipped: Set<number> } | null>(null);
  const review = useCallback<SeriesCheck['review']>(
    async (key, compute) => {
      if (state !== null && state.key === key) return true;
      const rows = await compute();
      if (!rows.some(flaggedRow)) return true;
      setState({ key, rows, skipped: new Set(rows.filter((r) => r.conflicts.length > 0 || r.outside !== null).map((r) => r.index)) });
      return false;
    },
    [state],
  );
  const check = useCallback<SeriesCheck['check']>(
    (occurrences, candidate, branchId, timeZone) =>
      review(`${candidate.customer_id}|${candidate.staff.trim()}|${candidate.duration_min}|${occurrences.map((o) => o.startMs).join(',')}`, async () => {
        // the staff's hours as stored at the moment of saving (a live list may still be loading)
        const team = await readStaff(desk.db, branchId);
        const rows: OccurrenceCheck[] = [];
        for (const o of occurrences) {
          const slot: SlotBooking = { ...candidate, start_at: isoInZone(o.startMs, timeZone) };
          const around = await bookingsAround(desk.db, branchId, candidate.customer_id, o.startMs);
          rows.push({ ...o, conflicts: conflictsFor(slot, around), outside: hoursConflict(slot, team, timeZone) });
        }
        return rows;
      }),
    [desk, review],
  );
  const choose = useCallback((index: number, book: boolean) => {
    setState((s) => {
      if (s === null) return s;
      const skipped = new Set(s.skipped);
      if (book) skipped.delete(index);
      else skipped.add(index);
      return { ...s, skipped };
    });
  }, []);
  const reset = useCallback(() => setState(null), []);
  return { rows: state?.rows ?? null, skipped: state?.skipped ?? new Set(), choose, check, review, reset };
}

/**
 * The occurrences of the series by date: free ones as "Free", each clash or off-hours one with
 * its reasons and a "Book anyway" / "Skip" choice (Skip until changed).
 */
export function SeriesReview({ check, timeZone, minute = 0, what = 'bookings of the series', skipNote }: { check: SeriesCheck; timeZone: string; minute?: number; what?: string; skipNote?: string }) {
  const desk = useDesk();
  const rows = check.rows;
  if (rows === null) return null;
  const nameOf = (id: string): string => displayName(desk.customers.get(id));
  const flagged = rows.filter((r) => r.conflicts.length > 0 || r.outside !== null);
  const time = (m: number): string => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  return (
    <section className="series-review" aria-labelledby="series-review-title">
      <strong id="series-review-title">
        {flagged.length === 0
          ? `The ${rows.length} ${what}`
          : `${flagged.length} of the ${rows.length} bookings ${flagged.length === 1 ? 'has a conflict' : 'have conflicts'}: book anyway or skip ${flagged.length === 1 ? 'it' : 'each'}`}
      </strong>
      {skipNote !== undefined && flagged.length > 0 && <span className="muted">{skipNote}</span>}
      <ol className="series-review-list">
        {rows.map((r) => {
          const when = shortDateTime(r.startMs, timeZone);
          const problem = r.conflicts.length > 0 || r.outside !== null;
          const reasons = [...conflictLines(r.conflicts, nameOf, timeZone), ...(r.outside !== null ? [r.outside] : []), ...(r.shifted ? [`${time(r.minute ?? minute)} does not exist that day (clocks change): booked at the next valid time`] : [])];
          return (
            <li key={r.index} className={problem ? 'series-review-row series-review-conflict' : 'series-review-row'}>
              <span className="series-review-when nums">
                {r.index}. {when}
              </span>
              {reasons.length === 0 ? (
                <span className="muted">Free</span>
              ) : (
                <ul className="series-review-reasons">
                  {reasons.map((line) => (
                    <li key={line}>{line}</li>
                  ))}
                </ul>
              )}
              {problem && (
                <fieldset className="series-review-choice">
                  <legend className="visually-hidden">{when}</legend>
                  <label>
                    <input type="radio" name={`occurrence-${r.index}`} checked={!check.skipped.has(r.index)} onChange={() => check.choose(r.index, true)} /> Book anyway
                  </label>
                  <label>
                    <input type="radio" name={`occurrence-${r.index}`} checked={check.skipped.has(r.index)} onChange={() => check.choose(r.index, false)} /> Skip
                  </label>
                </fieldset>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
