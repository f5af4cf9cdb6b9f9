/** A small two-branch data set for replication tests. */
import type { Dataset, ParsedBooking } from '../../shared/csv/import';
import type { Customer } from '../../shared/domain/types';
import { parseInstant } from '../../shared/time/instant';
import { zoneClock } from '../../shared/time/zone';

function customer(id: string, home: string, phone = '', email = ''): Customer {
  return {
    id,
    name: `Customer ${id}`,
    phone,
    email,
    birthday: '',
    opted_in_marketing: true,
    preferred_contact: 'sms',
    tags: [],
    notes: '',
    preferences: '',
    home_branch_id: home,
    created_at: '2025-01-01T00:00:00Z',
  };
}

const ZONES: Record<string, string> = { 'br-a': 'Asia/Manila', 'br-b': 'America/New_York' };

function booking(id: string, customerId: string, branchId: string, startAt: string): ParsedBooking {
  const ms = parseInstant(startAt) as number;
  return {
    id,
    customer_id: customerId,
    branch_id: branchId,
    service: 'Haircut',
    staff: 'Ana',
    start_at: startAt,
    status: 'completed',
    price: 2500,
    ms,
    day: zoneClock(ZONES[branchId] as string).localDay(ms),
  };
}

/** Branches br-a (Manila) and br-b (New York); cu-a1/cu-a2 at A, cu-b1/cu-b2 at B. */
export function twoBranches(): Dataset {
  return {
    branches: [
      { id: 'br-a', name: 'Branch A', timezone: 'Asia/Manila', active_days: null, at_risk_days: null },
      { id: 'br-b', name: 'Branch B', timezone: 'America/New_York', active_days: null, at_risk_days: null },
    ],
    customers: [
      customer('cu-a1', 'br-a', '+639171234567'),
      customer('cu-a2', 'br-a'),
      customer('cu-b1', 'br-b', '+12125550123', 'walkin@example.com'),
      customer('cu-b2', 'br-b'),
    ],
    bookings: [
      booking('bk-a1', 'cu-a1', 'br-a', '2026-02-20T12:00:00Z'),
      booking('bk-b1', 'cu-b1', 'br-b', '2026-02-21T15:00:00Z'),
      booking('bk-b2', 'cu-b2', 'br-b', '2026-02-22T15:00:00Z'),
    ],
  };
}
