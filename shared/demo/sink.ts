import type { BookingStatus } from '../domain/types';
import type { BranchState } from './branch-state';
import { bookingId, type GeneratedBooking } from './types';
import { timeText, type DayTexts } from './zone-days';

/**
 * Where the builder's bookings go: objects for the API (`ObjectSink`) or straight to CSV bytes
 * (the CLI's fast path). Sinks never draw random numbers, so every sink sees the same bookings.
 */
export interface BookingSink {
  /** Before the bookings of the customer with this id. */
  startCustomer(customerId: string): void;
  /** One booking: staff and service are indices into the branch's lists, `minute` is branch-local. */
  booking(seq: number, state: BranchState, day: number, minute: number, staff: number, service: number, status: BookingStatus, price: number): void;
}

/** Collects each customer's bookings as `GeneratedBooking` objects. */
export class ObjectSink implements BookingSink {
  bookings: GeneratedBooking[] = [];
  private customerId = '';

  constructor(private readonly dayTexts: DayTexts) {}

  startCustomer(customerId: string): void {
    this.customerId = customerId;
    this.bookings = [];
  }

  booking(seq: number, state: BranchState, day: number, minute: number, staff: number, service: number, status: BookingStatus, price: number): void {
    const b = state.branch;
    const item = b.services[service] as (typeof b.services)[number];
    this.bookings.push({
      id: bookingId(seq),
      customer_id: this.customerId,
      branch_id: b.id,
      service: item.name,
      staff: b.staff[staff] as string,
      start_at: this.dayTexts.text(day) + timeText(minute) + state.zone.offsetSuffix(day),
      status,
      price,
      ms: state.zone.instant(day, minute),
      day,
      duration_min: item.duration_min,
    });
  }
}
