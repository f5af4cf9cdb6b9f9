import { describe, expect, it } from 'vitest';
import type { StaffDoc, WorkDay } from '../domain/schemas';
import { validateDocument } from '../domain/validate';
import { parseDay } from '../time/calendar';
import type { SlotBooking } from './booking-conflicts';
import { defaultWeek, hoursConflict, nextFreeSlots, staffProblems, workingSpans } from './staff-hours';

const workDay = (start: string, end: string, breaks: [string, string][] = []): WorkDay => ({ start, end, breaks: breaks.map(([s, e]) => ({ start: s, end: e })) });
/** Does a booking of `duration` at local `minute` fit inside one working span of the day? */
const fits = (s: StaffDoc, day: number, minute: number, duration: number): boolean => workingSpans(s, day).some((w) => w.start <= minute && minute + duration <= w.end);

// 2026-03-02 is a Monday
const MON = parseDay('2026-03-02') as number;
const ZONE = 'Asia/Manila'; // +08:00, no DST

function staff(name: string, over: Partial<StaffDoc> = {}): StaffDoc {
  return { id: `st-${name}`, branch_id: 'br-1', name, active: true, week: defaultWeek(), days_off: [], created_at: '', updated_at: '', ...over };
}

let n = 0;
function booking(staffName: string, local: string, duration: number, over: Partial<SlotBooking> = {}): SlotBooking {
  n += 1;
  return { id: `bk-${n}`, customer_id: `cu-${n}`, staff: staffName, start_at: `${local}:00+08:00`, duration_min: duration, status: 'scheduled', ...over };
}

describe('working hours', () => {
  it('a weekday is its hours minus its breaks; Sunday and days off have none', () => {
    const ana = staff('Ana', { days_off: ['2026-03-03'] });
    expect(workingSpans(ana, MON)).toEqual([{ start: 540, end: 780 }, { start: 840, end: 1080 }]);
    expect(workingSpans(ana, MON + 1)).toEqual([]); // day off
    expect(workingSpans(ana, MON + 5)).toEqual([{ start: 540, end: 840 }]); // Saturday
    expect(workingSpans(ana, MON + 6)).toEqual([]); // Sunday
  });

  it('a booking must fit inside one working span; the reason names the hours', () => {
    const ana = staff('Ana', { days_off: ['2026-03-03'] });
    expect(hoursConflict(booking('Ana', '2026-03-02T09:00', 60), [ana], ZONE)).toBeNull();
    expect(hoursConflict(booking('Ana', '2026-03-02T17:00', 60), [ana], ZONE)).toBeNull(); // ends at 18:00 exactly
    expect(hoursConflict(booking('Ana', '2026-03-02T12:30', 60), [ana], ZONE)).toBe('Ana works 09:00–13:00, 14:00–18:00 on Mondays'); // runs into lunch
    expect(hoursConflict(booking('Ana', '2026-03-02T08:45', 30), [ana], ZONE)).toBe('Ana works 09:00–13:00, 14:00–18:00 on Mondays');
    expect(hoursConflict(booking('Ana', '2026-03-08T10:00', 30), [ana], ZONE)).toBe('Ana is off on Sundays');
    expect(hoursConflict(booking('Ana', '2026-03-03T10:00', 30), [ana], ZONE)).toBe('Ana is off on 2026-03-03');
  });

  it('problems name the weekday and the field', () => {
    const week = defaultWeek();
    week[0] = workDay('18:00', '09:00');
    week[1] = workDay('09:00', '');
    week[2] = workDay('09:00', '17:00', [['08:00', '09:30']]);
    week[3] = workDay('09:00', '17:00', [['12:00', '13:00'], ['12:30', '14:00']]);
    week[6] = workDay('', '', [['12:00', '13:00']]);
    expect(staffProblems(staff('Ana', { week, days_off: ['2026-02-30', '2026-05-01', '2026-05-01'] }))).toEqual([
      { field: 'week.0.end', message: 'Monday: the end (09:00) must be after the start (18:00)' },
      { field: 'week.1.end', message: 'Tuesday: give both a start and an end, or neither for a day off' },
      { field: 'week.2.breaks.0.start', message: 'Wednesday: the break 08:00–09:30 must be within 09:00–17:00' },
      { field: 'week.3.breaks.1.start', message: 'Thursday: breaks must be in order and must not overlap' },
      { field: 'week.6.breaks', message: 'Sunday is a day off: it cannot have breaks' },
      { field: 'days_off.0', message: '"2026-02-30" is not a real calendar date' },
      { field: 'days_off.2', message: '2026-05-01 is listed twice' },
    ]);
  });

  it('validateDocument applies them (the desk, the server and imports alike)', () => {
    const week = defaultWeek();
    week[4] = workDay('10:00', '09:00');
    const result = validateDocument('staff', staff('Ana', { week }));
    expect(result).not.toEqual([]);
    expect(JSON.stringify(result)).toContain('Friday: the end (09:00) must be after the start (10:00)');
    expect(validateDocument('staff', staff('Ana'))).toEqual([]);
    expect(validateDocument('staff', { ...staff('Ana'), week: defaultWeek().slice(0, 6) })).not.toEqual([]);
  });
});

describe('next free slots', () => {
  const ana = staff('Ana');
  const ben = staff('Ben');
  const base = { timeZone: ZONE, durationMin: 45, fromDay: MON, fromMinute: 9 * 60 };

  it('with no bookings, everyone is free at the start of their day', () => {
    expect(nextFreeSlots({ ...base, staff: [ana, ben], bookings: [] })).toEqual([
      { staff: 'Ana', day: MON, minute: 540 },
      { staff: 'Ben', day: MON, minute: 540 },
    ]);
  });

  it('skips bookings, breaks and too-short gaps, on the quarter-hour grid', () => {
    const bookings = [
      booking('Ana', '2026-03-02T09:00', 60),
      booking('Ana', '2026-03-02T10:30', 140), // 10:30–12:50: the 10:00–10:30 gap is too short for 45 min
      booking('ben ', '2026-03-02T09:00', 20), // same person, other spelling
    ];
    expect(nextFreeSlots({ ...base, staff: [ana, ben], bookings })).toEqual([
      { staff: 'Ben', day: MON, minute: 9 * 60 + 30 }, // 09:20 rounded up to the grid
      { staff: 'Ana', day: MON, minute: 14 * 60 }, // 12:50–13:00 too short, lunch until 14:00
    ]);
  });

  it('cancelled bookings and no-shows free their slot; the moved booking does not block itself', () => {
    const cancelled = booking('Ana', '2026-03-02T09:00', 60, { status: 'cancelled' });
    const moving = booking('Ana', '2026-03-02T09:00', 45);
    expect(nextFreeSlots({ ...base, staff: [ana], bookings: [cancelled, moving], ignoreId: moving.id })).toEqual([{ staff: 'Ana', day: MON, minute: 540 }]);
    expect(nextFreeSlots({ ...base, staff: [ana], bookings: [cancelled, moving] })).toEqual([{ staff: 'Ana', day: MON, minute: 585 }]);
  });

  it('starts from the given minute and rolls over to the next working day', () => {
    expect(nextFreeSlots({ ...base, staff: [ana], bookings: [], fromMinute: 17 * 60 + 20 })).toEqual([{ staff: 'Ana', day: MON + 1, minute: 540 }]);
    // Saturday afternoon → Sunday off → Monday
    expect(nextFreeSlots({ ...base, staff: [ana], bookings: [], fromDay: MON + 5, fromMinute: 13 * 60 + 30 })).toEqual([{ staff: 'Ana', day: MON + 7, minute: 540 }]);
  });

  it('a staff member with nothing free in the searched days is left out', () => {
    const never = staff('Cy', { week: Array.from({ length: 7 }, () => workDay('', '')) });
    expect(nextFreeSlots({ ...base, staff: [never, ana], bookings: [] })).toEqual([{ staff: 'Ana', day: MON, minute: 540 }]);
    expect(nextFreeSlots({ ...base, staff: [ana], bookings: [], durationMin: 10 * 60 })).toEqual([]);
  });

  it('a found slot never overlaps a booking and always fits the hours (exhaustive over a busy day)', () => {
    const bookings: SlotBooking[] = [];
    for (let m = 9 * 60; m < 18 * 60; m += 50) bookings.push(booking('Ana', `2026-03-02T${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`, 35));
    for (const duration of [10, 15, 20, 30, 45]) {
      for (let from = 8 * 60; from < 18 * 60; from += 35) {
        const [slot] = nextFreeSlots({ ...base, staff: [ana], bookings, durationMin: duration, fromMinute: from });
        expect(slot).toBeDefined();
        if (slot === undefined) continue;
        expect(slot.minute % 15).toBe(0);
        expect(fits(ana, slot.day, slot.minute, duration)).toBe(true);
        if (slot.day === MON) {
          expect(slot.minute).toBeGreaterThanOrEqual(from);
          for (const b of bookings) {
            const start = Number(b.start_at.slice(11, 13)) * 60 + Number(b.start_at.slice(14, 16));
            expect(slot.minute < start + b.duration_min && start < slot.minute + duration).toBe(false);
          }
          // nothing earlier on the grid would have fitted
          for (let m = Math.ceil(from / 15) * 15; m < slot.minute; m += 15) {
            const free = fits(ana, MON, m, duration) && bookings.every((b) => {
              const start = Number(b.start_at.slice(11, 13)) * 60 + Number(b.start_at.slice(14, 16));
              return !(m < start + b.duration_min && start < m + duration);
            });
            expect(free).toBe(false);
          }
        }
      }
    }
  });
});

describe('hours conflicts of bookings', () => {
  const ana = staff('Ana');
  it('flags a booking of a known staff member outside their hours, in the branch zone', () => {
    expect(hoursConflict(booking('ana', '2026-03-02T18:00', 30), [ana], ZONE)).toBe('Ana works 09:00–13:00, 14:00–18:00 on Mondays');
    expect(hoursConflict(booking('Ana', '2026-03-02T17:30', 30), [ana], ZONE)).toBeNull();
    // the same instant written in UTC is still 18:00 in Manila
    expect(hoursConflict({ ...booking('Ana', '2026-03-02T18:00', 30), start_at: '2026-03-02T10:00:00Z' }, [ana], ZONE)).not.toBeNull();
  });
  it('no staff, unknown staff, or a freed slot: nothing to flag', () => {
    expect(hoursConflict(booking('', '2026-03-08T10:00', 30), [ana], ZONE)).toBeNull();
    expect(hoursConflict(booking('Zed', '2026-03-08T10:00', 30), [ana], ZONE)).toBeNull();
    expect(hoursConflict(booking('Ana', '2026-03-08T10:00', 30, { status: 'cancelled' }), [ana], ZONE)).toBeNull();
    expect(hoursConflict(booking('Ana', '2026-03-08T10:00', 30), [ana], ZONE)).toBe('Ana is off on Sundays');
  });
});
