import type { CommunicationDoc } from '../../../../shared/domain/schemas';
import type { BookingStatus } from '../../../../shared/domain/types';
import { parseInstant } from '../../../../shared/time/instant';
import type { BookingFact } from '../../../../shared/engine/activity';
import { civilFromDays } from '../../../../shared/time/calendar';
import { zoneClock } from '../../../../shared/time/zone';

/** One booking on a customer's timeline, with its date and time as they were at its branch. */
export interface TimelineEntry {
  id: string;
  branchId: string;
  service: string;
  staff: string;
  status: BookingStatus;
  /** Cents: the final price of a completed visit, the booked price otherwise. */
  price: number;
  ms: number;
  /** Branch-local day number and minute of the day. */
  day: number;
  minute: number;
  /** After today, or today and still to come. */
  upcoming: boolean;
}

/** A contact (message, call, visit note) on the same timeline, at its branch's local time. */
export interface ContactEntry {
  kind: 'contact';
  id: string;
  branchId: string;
  communication: CommunicationDoc;
  ms: number;
  day: number;
  minute: number;
}

/** One line of the customer's history: a booking or a contact. */
export type HistoryEntry = (TimelineEntry & { kind: 'booking' }) | ContactEntry;

export interface TimelineMonth<E extends { day: number } = TimelineEntry> {
  /** `2026-02` */
  key: string;
  year: number;
  month: number;
  entries: E[];
}

/**
 * Every booking of a customer at every branch, newest first (instant, then id), with local date
 * and time in each booking's branch zone.
 */
export function timelineOf(facts: Iterable<BookingFact>, zoneOf: (branchId: string) => string, today: number): TimelineEntry[] {
  const entries: TimelineEntry[] = [];
  for (const f of facts) {
    const clock = zoneClock(zoneOf(f.branch_id));
    const upcoming = f.day > today || (f.day === today && (f.status === 'scheduled' || f.status === 'checked_in'));
    entries.push({
      id: f.id,
      branchId: f.branch_id,
      service: f.service,
      staff: f.staff,
      status: f.status,
      price: f.price,
      ms: f.ms,
      day: f.day,
      minute: clock.localMinuteOfDay(f.ms),
      upcoming,
    });
  }
  entries.sort((a, b) => b.ms - a.ms || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
  return entries;
}

/**
 * Bookings and contacts on one timeline, newest first (instant, then bookings before contacts,
 * then id); a contact's local date and time are its branch's.
 */
export function historyOf(bookings: readonly TimelineEntry[], contacts: Iterable<CommunicationDoc>, zoneOf: (branchId: string) => string): HistoryEntry[] {
  const out: HistoryEntry[] = bookings.map((b) => ({ ...b, kind: 'booking' as const }));
  for (const c of contacts) {
    const ms = parseInstant(c.at);
    if (ms === null) continue;
    const clock = zoneClock(zoneOf(c.branch_id));
    out.push({ kind: 'contact', id: c.id, branchId: c.branch_id, communication: c, ms, day: clock.localDay(ms), minute: clock.localMinuteOfDay(ms) });
  }
  const rank = (e: HistoryEntry): number => (e.kind === 'booking' ? 0 : 1);
  out.sort((a, b) => b.ms - a.ms || rank(a) - rank(b) || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
  return out;
}

/** Consecutive entries grouped by local calendar month (keeps their order). */
export function byMonth<E extends { day: number }>(entries: readonly E[]): TimelineMonth<E>[] {
  const months: TimelineMonth<E>[] = [];
  for (const e of entries) {
    const { year, month } = civilFromDays(e.day);
    const key = `${year}-${String(month).padStart(2, '0')}`;
    const last = months[months.length - 1];
    if (last !== undefined && last.key === key) last.entries.push(e);
    else months.push({ key, year, month, entries: [e] });
  }
  return months;
}
