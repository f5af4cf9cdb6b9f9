/**
 * Segments: does a customer match a set of criteria? Within a list any value matches (OR);
 * filters combine (AND); an unset filter matches everyone. The Customers list filters keep
 * their meaning here exactly (a customer without a visit has tier `none`, fails a status filter
 * only when it has no pair, and fails any days-since bound).
 *
 * Prediction filters (chance of return, predicted value, value at risk) need the pair's outlook:
 * a pair without one (no visit, or the business model could not be fitted) fails them, so a
 * failed fit matches nobody, never everyone. "Overdue for them" reads the pair's cadence, which
 * needs ≥ 3 visit days but no model.
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

/** Money figures of an outlook (major units) compared as the screens show them: whole cents. */
function cents(major: number): number {
  return Math.round(major * 100);
}

function matchesPredictions(c: SegmentCriteria, view: CustomerView): boolean {
  if (c.chance_from_pct === null && c.chance_below_pct === null && c.min_predicted_value === null && c.min_value_at_risk === null) return true;
  const o = view.outlook;
  if (o === null) return false;
  if (c.chance_from_pct !== null && !(o.p_alive >= c.chance_from_pct / 100)) return false;
  if (c.chance_below_pct !== null && !(o.p_alive < c.chance_below_pct / 100)) return false;
  if (c.min_predicted_value !== null && cents(o.predicted_value_90) < c.min_predicted_value) return false;
  if (c.min_value_at_risk !== null && cents(o.value_at_risk_90) < c.min_value_at_risk) return false;
  return true;
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
  if (c.overdue_for_them !== null && (view.cadence?.status === 'overdue') !== c.overdue_for_them) return false;
  return matchesPredictions(c, view);
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
