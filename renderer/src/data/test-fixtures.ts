import type { BookingDoc, BranchDoc, CollectionName } from '../../../shared/domain/schemas';
import { customerFixture } from '../../../shared/domain/test-fixtures';

/** Small valid documents for tests (one branch in Manila, customers, bookings). */
export function branchFixture(over: Partial<BranchDoc> = {}): BranchDoc {
  return { id: 'br-1', name: 'Makati', timezone: 'Asia/Manila', active_days: null, at_risk_days: null, country: 'PH', updated_at: '', ...over };
}

export { customerFixture };

export function bookingFixture(over: Partial<BookingDoc> = {}): BookingDoc {
  return {
    id: 'bk-1',
    customer_id: 'cu-1',
    branch_id: 'br-1',
    service: 'Haircut',
    staff: 'Ana',
    start_at: '2026-02-20T10:00:00+08:00',
    duration_min: 30,
    status: 'completed',
    price: 25_000,
    notes: '',
    created_at: '',
    updated_at: '',
    amendments: [],
    series: null,
    payment: null,
    ...over,
  };
}

/** Every replica collection but the service menu and staff hours (7): two such replicas fit in one realm (RxDB's 13). */
export const WITHOUT_SCHEDULE: readonly CollectionName[] = ['branches', 'customers', 'bookings', 'communications', 'campaigns', 'segments', 'branch_settings'];
