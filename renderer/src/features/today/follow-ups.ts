import type { CustomerDoc } from '../../../../shared/domain/schemas';
import { isErased } from '../../../../shared/privacy/erase';
import { parseDay } from '../../../../shared/time/calendar';

export interface FollowUp {
  customer: CustomerDoc;
  /** Days since the follow-up date (0 = due today). */
  overdueDays: number;
}

/**
 * Customers of the branch whose follow-up date has come (today, or earlier and not done yet),
 * most overdue first, then by name. Erased customers have none.
 */
export function followUpsDue(customers: Iterable<CustomerDoc>, inBranch: (customerId: string) => boolean, today: number): FollowUp[] {
  const out: FollowUp[] = [];
  for (const c of customers) {
    if (c.follow_up_date === '' || isErased(c)) continue;
    const day = parseDay(c.follow_up_date);
    if (day === null || day > today || !inBranch(c.id)) continue;
    out.push({ customer: c, overdueDays: today - day });
  }
  return out.sort((a, b) => b.overdueDays - a.overdueDays || a.customer.name.localeCompare(b.customer.name) || (a.customer.id < b.customer.id ? -1 : 1));
}

/** "Due today", "1 day overdue", "5 days overdue". */
export function dueText(overdueDays: number): string {
  if (overdueDays <= 0) return 'Due today';
  return `${overdueDays} ${overdueDays === 1 ? 'day' : 'days'} overdue`;
}
