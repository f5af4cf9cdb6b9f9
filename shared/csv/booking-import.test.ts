import { describe, expect, it } from 'vitest';
import type { CustomerDoc, ServiceDoc, StaffDoc } from '../domain/schemas';
import {
  applyBookingMapOption,
  bookingMappingProblem,
  detectBookingMapping,
  historyCounts,
  parseStatusMapText,
  planHistory,
  readHistory,
  statusMappingOf,
  statusValues,
} from './booking-import';
import { readClientFile, type ClientFile } from './customer-import';

const NOW = Date.parse('2026-03-01T10:00:00Z');
const GB = { country: 'GB', timezone: 'Europe/London', locale: 'en-GB' };

function file(text: string): ClientFile {
  const f = readClientFile(text);
  if ('error' in f) throw new Error(f.error);
  return f;
}

function customer(overrides: Partial<CustomerDoc>): CustomerDoc {
  return {
    id: 'cu-1', name: 'Stored', phone: '', email: '', birthday: '', opted_in_marketing: false, preferred_contact: 'none',
    consent: { sms: { granted: false, at: '' }, email: { granted: false, at: '' }, push: { granted: false, at: '' } },
    tags: [], notes: '', preferences: '', preferred_staff: '', allergies: '', home_branch_id: 'b1', registered_branch_id: '',
    referred_by: '', follow_up_date: '', created_at: '', updated_at: '', erased_at: '', ...overrides,
  };
}

const MENU: ServiceDoc[] = [{ id: 's1', branch_id: 'b1', name: 'Cut & colour', category: 'Hair', duration_min: 90, price: 8000, price_max: null, active: true, created_at: '', updated_at: '' }];
const STAFF = [{ id: 't1', branch_id: 'b1', name: 'Ana Reyes' } as StaffDoc];
const ANA = customer({ id: 'cu-ana', name: 'Ana Diaz', phone: '+447700900123', email: 'ana@example.com' });

function plan(text: string, customers: CustomerDoc[] = [ANA], chosen = new Map<string, never>()) {
  const f = file(text);
  const mapping = detectBookingMapping(f.headers);
  const { rows, refused } = readHistory(f, mapping, GB);
  return planHistory(rows, refused, customers, [], {
    branchId: 'b1', timezone: 'Europe/London', secret: 's3cret', nowMs: NOW, services: MENU, staff: STAFF,
    statuses: statusMappingOf(statusValues(f, mapping), chosen), clients: null,
  });
}

describe('visit-history import', () => {
  it('detects the columns of common exports and says what a mapping lacks', () => {
    expect(detectBookingMapping(['Ref #', 'Scheduled Date', 'Time', 'Team Member', 'Service', 'Client ID', 'Client', 'Price', 'Status', 'Location'])).toEqual([
      'reference', 'date', 'time', 'staff', 'service', 'client_id', 'customer_name', 'price', 'status', 'skip',
    ]);
    expect(detectBookingMapping(['Date', 'Customer', 'Customer Email', 'Customer Phone', 'Duration', 'Appointment Notes'])).toEqual(['date', 'customer_name', 'email', 'phone', 'duration', 'notes']);
    expect(bookingMappingProblem(['customer_name'])).toMatch(/No column is used as the date/);
    expect(bookingMappingProblem(['date', 'service'])).toMatch(/No column says who the customer is/);
    expect(bookingMappingProblem(['date', 'email'])).toBe('');
    expect(applyBookingMapOption(['When', 'Who'], ['skip', 'skip'], 'When=date,Who=customer_name')).toEqual(['date', 'customer_name']);
    expect(applyBookingMapOption(['When'], ['skip'], 'When=day')).toEqual({ error: expect.stringMatching(/--map field "day" for column "When" is not one of date, time/) });
  });

  it('reads the status words of other systems, and leaves unknown ones for the person', () => {
    const words = ['Showed', 'Completed', 'No show', 'Did not show', 'Cancelled by client', 'Canceled (business)', 'Cancelled by business', 'Confirmed', 'Booked', 'Arrived', 'Late cancellation', 'Rescheduled'];
    const all = file(['Date,Client,Status', ...words.map((w) => `2026-01-01 10:00,Ana Diaz,"${w}"`)].join('\n'));
    expect(statusValues(all, detectBookingMapping(all.headers)).map((v) => v.detected)).toEqual([
      'completed', 'completed', 'no_show', 'no_show', 'cancelled', 'cancelled', 'cancelled', 'scheduled', 'scheduled', 'checked_in', 'cancelled', null,
    ]);
    const f = file('Date,Client,Status\n2026-01-01 10:00,Ana Diaz,Showed\n2026-01-02 10:00,Ana Diaz,showed\n2026-01-03 10:00,Ana Diaz,Rescheduled\n');
    expect(statusValues(f, detectBookingMapping(f.headers))).toEqual([
      { key: 'showed', value: 'Showed', rows: 2, detected: 'completed' },
      { key: 'rescheduled', value: 'Rescheduled', rows: 1, detected: null },
    ]);
    expect(parseStatusMapText('Rescheduled=cancelled, Showed = no_show')).toEqual(new Map([['rescheduled', 'cancelled'], ['showed', 'no_show']]));
    expect(parseStatusMapText('Rescheduled')).toEqual({ error: '--status-map entry "Rescheduled" is not Value=status' });
  });

  it('reads dates and times in the branch zone, durations, and prices in the locale or with dot decimals', () => {
    const p = plan(
      [
        'Date,Time,Client,Service,Staff,Duration,Price,Status',
        '28/03/2026,01:30,Ana Diaz,cut & colour,ana reyes,,,Confirmed',
        '29/03/2026,01:30,Ana Diaz,Beard,Ben,1h 15min,"£1,234.50",Confirmed',
        '2026-02-01 2:30 PM,,Ana Diaz,Beard,,90 mins,"12,50",Completed',
        '2026-02-02T09:00:00+01:00,,Ana Diaz,Beard,,1:30,GBP 30,Showed',
      ].join('\n'),
    );
    expect(p.refused).toEqual([{ line: 4, problem: 'price "12,50" “12,50” is unclear here: write decimals with “.” (like 25.50)' }]);
    expect(p.created.map((c) => [c.doc.start_at, c.doc.service, c.doc.staff, c.doc.duration_min, c.doc.price, c.doc.status])).toEqual([
      // The menu's name, duration and price; the staff member's name as on the branch's staff.
      ['2026-03-28T01:30:00.000Z', 'Cut & colour', 'Ana Reyes', 90, 8000, 'scheduled'],
      // 01:30 on the spring-forward Sunday does not exist in London: it moves forward by the jump.
      ['2026-03-29T01:30:00.000Z', 'Beard', 'Ben', 75, 123450, 'scheduled'],
      ['2026-02-02T08:00:00.000Z', 'Beard', '', 90, 3000, 'completed'],
    ]);
  });

  it('refuses each line with its problems: no customer, two of that name, an unmapped status, a visit in the future', () => {
    const twins = [ANA, customer({ id: 'cu-x', name: 'Sam Lee' }), customer({ id: 'cu-y', name: 'sam  lee' })];
    const p = plan(
      [
        'Date,Time,Client,Email,Status',
        '01/02/2026,10:00,Nobody Here,,Completed',
        '01/02/2026,11:00,Sam Lee,,Completed',
        '01/02/2026,12:00,Someone,ANA@example.com,Rescheduled',
        '01/04/2026,12:00,Ana Diaz,,Completed',
        '01/02/2026,,Ana Diaz,,Completed',
        '01/02/2026,13:00,Ana Diaz,,No show',
        '01/02/2026,13:00,Ana Diaz,,No show',
      ].join('\n'),
      twins,
    );
    expect(historyCounts(p)).toEqual({
      new: 1,
      skipped: 1,
      refused: [
        { line: 2, problem: 'no customer matches "Nobody Here": import the client list first' },
        { line: 3, problem: '2 customers are named "Sam Lee"; map a phone or email column to tell them apart' },
        { line: 4, problem: 'status "Rescheduled" is not mapped to a Branchdesk status' },
        { line: 5, problem: 'the booking is after now but its status is "Completed"' },
        { line: 6, problem: '"01/02/2026" has no time (map the time column)' },
      ],
    });
    expect(p.skipped).toEqual([{ line: 8, reason: 'same booking as line 7' }]);
    expect(p.created[0]?.doc).toMatchObject({ customer_id: 'cu-ana', status: 'no_show', duration_min: 60, price: 0 });
  });

  it('skips bookings stored already: the same id, or the customer booked at that very time', () => {
    const text = 'Date,Time,Phone,Status\n01/02/2026,10:00,07700 900123,Completed\n02/02/2026,10:00,07700 900123,Completed\n';
    const first = plan(text);
    expect(first.created).toHaveLength(2);
    const f = file(text);
    const mapping = detectBookingMapping(f.headers);
    const { rows, refused } = readHistory(f, mapping, GB);
    const other = { ...(first.created[1]?.doc as NonNullable<(typeof first.created)[1]>['doc']), id: 'bk-desk' };
    const again = planHistory(rows, refused, [ANA], [first.created[0]?.doc as never, other], {
      branchId: 'b1', timezone: 'Europe/London', secret: 's3cret', nowMs: NOW, services: [], staff: [], statuses: statusMappingOf(statusValues(f, mapping), new Map()), clients: null,
    });
    expect(again.skipped).toEqual([
      { line: 2, reason: 'imported already' },
      { line: 3, reason: 'Ana Diaz has a booking at 2026-02-02 10:00 already' },
    ]);
  });
});
