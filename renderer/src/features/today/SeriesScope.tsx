import { useEffect, useState } from 'react';
import type { BookingDoc } from '../../../../shared/domain/schemas';
import { followingOccurrences } from '../../../../shared/schedule/series-change';
import { useDesk } from '../../data/hooks';

export type SeriesScopeValue = 'this' | 'following';

/**
 * The later occurrences of `booking`'s series still scheduled (docs/DESIGN.md §17), live from the
 * replica (the customer's bookings): [] outside a series, null while loading.
 */
export function useFollowing(booking: BookingDoc): BookingDoc[] | null {
  const desk = useDesk();
  const [state, setState] = useState<{ id: string; list: BookingDoc[] } | null>(null);
  const { id, customer_id: customerId, series } = booking;
  const seriesId = series?.id ?? null;
  const index = series?.index ?? 0;
  useEffect(() => {
    if (seriesId === null) return;
    const query = desk.db.bookings.find({ selector: { customer_id: customerId } });
    const subscription = query.$.subscribe((docs) => {
      const all = docs.map((d) => d.toJSON() as BookingDoc);
      setState({ id, list: followingOccurrences({ id, series: { id: seriesId, index, count: 0 } }, all) });
    });
    return () => subscription.unsubscribe();
  }, [desk, id, customerId, seriesId, index]);
  if (seriesId === null) return [];
  return state !== null && state.id === id ? state.list : null;
}

/**
 * "This booking" / "This and all following (N more)" for an occurrence of a series with later
 * scheduled occurrences; nothing otherwise.
 */
export function SeriesScope({ verb, following, value, onChange }: { verb: string; following: readonly BookingDoc[] | null; value: SeriesScopeValue; onChange: (value: SeriesScopeValue) => void }) {
  if (following === null || following.length === 0) return null;
  return (
    <fieldset className="series-scope span-2">
      <legend>{verb}</legend>
      <label>
        <input type="radio" name="series-scope" checked={value === 'this'} onChange={() => onChange('this')} /> This booking
      </label>
      <label>
        <input type="radio" name="series-scope" checked={value === 'following'} onChange={() => onChange('following')} /> This and all following ({following.length} more)
      </label>
    </fieldset>
  );
}
