import type { SegmentCriteria } from '../../../../shared/domain/schemas';
import { FREQUENCY_TIER_LABELS, SPENDING_TIER_LABELS, STATUS_LABELS } from '../../lib/format';

function anyOf(values: readonly string[]): string {
  if (values.length <= 1) return values.join('');
  return `${values.slice(0, -1).join(', ')} or ${values[values.length - 1] ?? ''}`;
}

function range(label: string, min: number | null, max: number | null): string | null {
  if (min === null && max === null) return null;
  if (min !== null && max !== null) return min === max ? `${label} ${min}` : `${label} ${min}–${max}`;
  return min !== null ? `${label} ≥ ${min}` : `${label} ≤ ${max ?? ''}`;
}

const WINDOWS = { today: 'today', week: 'in the next 7 days', month: 'this month' } as const;

/**
 * Criteria as short phrases, one per filter that is set ("At risk or Churned", "RFM R 4–5",
 * "Top regular", "Birthday this month"); empty for criteria that match everyone.
 */
export function describeCriteria(c: SegmentCriteria, money: (cents: number) => string): string[] {
  const out: string[] = [];
  if (c.statuses.length > 0) out.push(anyOf(c.statuses.map((s) => STATUS_LABELS[s])));
  if (c.spending_tiers.length > 0) out.push(anyOf(c.spending_tiers.map((t) => SPENDING_TIER_LABELS[t])));
  if (c.frequency_tiers.length > 0) out.push(anyOf(c.frequency_tiers.map((t) => FREQUENCY_TIER_LABELS[t])));
  if (c.tags.length > 0) out.push(`Tagged ${anyOf(c.tags.map((t) => `“${t}”`))}`);
  if (c.min_visits !== null) out.push(`At least ${c.min_visits} ${c.min_visits === 1 ? 'visit' : 'visits'}`);
  if (c.min_spent !== null) out.push(`Spent at least ${money(c.min_spent)}`);
  const days = range('Last visit (days ago)', c.days_since_min, c.days_since_max);
  if (days !== null) out.push(days);
  for (const [letter, name] of [['r', 'R'], ['f', 'F'], ['m', 'M']] as const) {
    const r = range(`RFM ${name}`, c.rfm[`${letter}_min`], c.rfm[`${letter}_max`]);
    if (r !== null) out.push(r);
  }
  if (c.high_value !== null) out.push(c.high_value ? 'High value' : 'Not high value');
  if (c.vip !== null) out.push(c.vip ? 'Top regular' : 'Not a top regular');
  if (c.opted_in !== null) out.push(c.opted_in ? 'Agrees to marketing' : 'No marketing consent');
  if (c.has_future_booking !== null) out.push(c.has_future_booking ? 'Has a future booking' : 'No future booking');
  if (c.birthday !== '') out.push(`Birthday ${WINDOWS[c.birthday]}`);
  if (c.anniversary !== '') out.push(`First-visit anniversary ${WINDOWS[c.anniversary]}`);
  if (c.chance_from_pct !== null && c.chance_below_pct !== null) out.push(`Chance of return from ${c.chance_from_pct} % to below ${c.chance_below_pct} %`);
  else if (c.chance_below_pct !== null) out.push(`Chance of return below ${c.chance_below_pct} %`);
  else if (c.chance_from_pct !== null) out.push(`Chance of return ${c.chance_from_pct} % or more`);
  if (c.min_predicted_value !== null) out.push(`Predicted value (90 days) at least ${money(c.min_predicted_value)}`);
  if (c.min_value_at_risk !== null) out.push(`Value at risk (90 days) at least ${money(c.min_value_at_risk)}`);
  if (c.overdue_for_them !== null) out.push(c.overdue_for_them ? 'Overdue for them' : 'Not overdue for them');
  return out;
}
