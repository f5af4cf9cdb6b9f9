/**
 * Segments: does a customer match a set of criteria? Within a list any value matches (OR);
 * filters combine (AND); an unset filter matches everyone. The Customers list filters keep
 * their meaning here exactly (a customer without a visit has tier `none`, fails a status filter
 * only when it has no pair, and fails any days-since bound).
 */
import type { SegmentCriteria } from '../domain/schemas';
import type { CustomerView } from './customer-view';
import { anniversaryIn, birthdayIn } from './dates';

function inRange(value: number | null | undefined, min: number | null, max: number | null): boolean {
  if (min === null && max === null) return true;
  if (value === null || value === undefined) return false;
  return (min === null || value >= min) && (max === null || value <= max);
}

/** True when the customer opted in to marketing overall and on at least one channel. */
export function isOptedIn(view: CustomerView): boolean {
  const c = view.customer;
  return c.opted_in_marketing && (c.consent.sms.granted || c.consent.email.granted || c.consent.push.granted);
}

/** Does the view match the criteria, as of the branch-local day `today`? */
export function matches(c: SegmentCriteria, view: CustomerView, today: number): boolean {
  const a = view.activity;
  const customer = view.customer;
  if (customer.erased_at !== '') return false;
  if (c.statuses.length > 0 && (a === null || !c.statuses.includes(a.status))) return false;
  if (c.spending_tiers.length > 0 && !c.spending_tiers.includes(a?.spending_tier ?? 'none')) return false;
  if (c.frequency_tiers.length > 0 && !c.frequency_tiers.includes(a?.frequency_tier ?? 'none')) return false;
  if (c.tags.length > 0 && !customer.tags.some((t) => c.tags.includes(t))) return false;
  if (c.min_visits !== null && (a?.total_bookings ?? 0) < c.min_visits) return false;
  if (c.min_spent !== null && (a?.total_spent ?? 0) < c.min_spent) return false;
  if (!inRange(a?.days_since_last_visit, c.days_since_min, c.days_since_max)) return false;
  const r = c.rfm;
  if (!inRange(view.rfm?.r, r.r_min, r.r_max) || !inRange(view.rfm?.f, r.f_min, r.f_max) || !inRange(view.rfm?.m, r.m_min, r.m_max)) return false;
  if (c.high_value !== null && view.highValue !== c.high_value) return false;
  if (c.vip !== null && view.vip !== c.vip) return false;
  if (c.opted_in !== null && isOptedIn(view) !== c.opted_in) return false;
  if (c.has_future_booking !== null && view.hasFutureBooking !== c.has_future_booking) return false;
  if (c.birthday !== '' && !birthdayIn(customer.birthday, today, c.birthday)) return false;
  if (c.anniversary !== '' && !anniversaryIn(a?.first_visit_date ?? null, today, c.anniversary)) return false;
  return true;
}

/** The views matching the criteria, in the order given. */
export function segmentMembers<V extends CustomerView>(c: SegmentCriteria, views: Iterable<V>, today: number): V[] {
  const out: V[] = [];
  for (const v of views) if (matches(c, v, today)) out.push(v);
  return out;
}

/** How many views match (a segment's live count). */
export function segmentCount(c: SegmentCriteria, views: Iterable<CustomerView>, today: number): number {
  let n = 0;
  for (const v of views) if (matches(c, v, today)) n += 1;
  return n;
}
