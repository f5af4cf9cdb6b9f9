/**
 * Per-collection sync rules shared by the desk (conflict handler) and the server (push checks).
 */
import { BOOKING_TRANSITIONS, type BookingStatus } from '../domain/types';
import type { SyncCollection } from './protocol';

/**
 * Fields a document keeps for life: identity and scope. The server rejects a push that changes
 * one (400), and the merge always keeps the master's value. `start_at`, `price` and `status`
 * are deliberately mutable (rescheduling, final price on completion, forward status moves).
 */
export const IMMUTABLE_FIELDS: Record<SyncCollection, readonly string[]> = {
  branches: ['id'],
  customers: ['id', 'registered_branch_id'],
  bookings: ['id', 'customer_id', 'branch_id'],
  communications: ['id', 'customer_id', 'branch_id', 'trigger_key'],
  campaigns: ['id', 'branch_id'],
  segments: ['id', 'branch_id'],
  branch_settings: ['id', 'branch_id'],
  services: ['id', 'branch_id'],
  staff: ['id', 'branch_id'],
  members: ['id', 'branch_id'],
  audit_events: ['id', 'branch_id'],
};

/** The field naming the branch a document belongs to (scope), when the collection has one. */
export const BRANCH_FIELD: Partial<Record<SyncCollection, string>> = {
  bookings: 'branch_id',
  communications: 'branch_id',
  campaigns: 'branch_id',
  segments: 'branch_id',
  branch_settings: 'branch_id',
  services: 'branch_id',
  staff: 'branch_id',
  members: 'branch_id',
  audit_events: 'branch_id',
};

/** True when a booking may go from `from` to `to` (staying put counts): forward only. */
export function canMoveStatus(from: BookingStatus, to: BookingStatus): boolean {
  return from === to || (BOOKING_TRANSITIONS[from]?.includes(to) ?? false);
}

