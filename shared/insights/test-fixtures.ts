/** Small documents and activities for the insight rules' tests (not used by the app). */
import type { CustomerDoc } from '../domain/schemas';
import { customerFixture } from '../domain/test-fixtures';
import type { PairActivity } from '../engine/activity';
import { parseDay } from '../time/calendar';

export function day(text: string): number {
  const d = parseDay(text);
  if (d === null) throw new Error(`bad date in test: ${text}`);
  return d;
}

export function customer(over: Partial<CustomerDoc> = {}): CustomerDoc {
  const yes = { granted: true, at: '2026-01-01T00:00:00Z' };
  return customerFixture({
    birthday: '1990-03-05',
    opted_in_marketing: true,
    preferred_contact: 'sms',
    consent: { sms: { ...yes }, email: { ...yes }, push: { granted: false, at: '' } },
    tags: ['regular'],
    home_branch_id: 'br-1',
    registered_branch_id: 'br-1',
    created_at: '2025-01-01T00:00:00Z',
    ...over,
  });
}

export function activity(over: Partial<PairActivity> = {}): PairActivity {
  return {
    customer_id: 'cu-1',
    branch_id: 'br-1',
    status: 'active',
    days_since_last_visit: 5,
    total_bookings: 6,
    total_spent: 30_000,
    first_visit_date: '2025-01-10',
    last_visit_date: '2026-02-24',
    no_shows: 0,
    spending_tier: 'medium',
    frequency_tier: 'regular',
    favorite_service: 'Haircut',
    preferred_staff: 'Ana',
    ...over,
  };
}
