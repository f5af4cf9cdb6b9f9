import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { daysFromCivil, parseDay } from './calendar';
import { parseInstant } from './instant';
import { isValidTimeZone, resolveTimeZone, todayIn, ZoneClock, zoneClock } from './zone';

/** The slow, obviously right answer: ask Intl for the local calendar date of the instant. */
const dateFormats = new Map<string, Intl.DateTimeFormat>();
function exactLocalDay(timeZone: string, ms: number): number {
  let format = dateFormats.get(timeZone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric' });
    dateFormats.set(timeZone, format);
  }
  const parts = format.formatToParts(ms);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return daysFromCivil(get('year'), get('month'), get('day'));
}

function at(text: string): number {
  const ms = parseInstant(text);
  if (ms === null) throw new Error(`bad instant in test: ${text}`);
  return ms;
}

function day(text: string): number {
  const d = parseDay(text);
  if (d === null) throw new Error(`bad date in test: ${text}`);
  return d;
}

/** Local date of the instant in the zone, as YYYY-MM-DD day number, through the cached clock. */
function localDay(zone: string, instant: string): number {
  return zoneClock(zone).localDay(at(instant));
}

describe('local date of instants near local midnight', () => {
  // [zone, winter offset (January), summer offset (July)] — southern zones have DST in January.
  const zones: [string, string, string][] = [
    ['Pacific/Auckland', '+13:00', '+12:00'],
    ['America/New_York', '-05:00', '-04:00'],
    ['Asia/Manila', '+08:00', '+08:00'],
    ['Europe/London', '+00:00', '+01:00'],
    ['Asia/Kathmandu', '+05:45', '+05:45'],
    ['Australia/Adelaide', '+10:30', '+09:30'],
    ['Asia/Kolkata', '+05:30', '+05:30'],
  ];
  for (const [zone, january, july] of zones) {
    it(`${zone}: 23:30 is still the day, 00:30 is the next day`, () => {
      for (const [date, next, offset] of [
        ['2026-01-15', '2026-01-16', january],
        ['2026-07-15', '2026-07-16', july],
      ] as const) {
        expect(localDay(zone, `${date}T23:30:00${offset}`)).toBe(day(date));
        expect(localDay(zone, `${date}T23:59:59.999${offset}`)).toBe(day(date));
        expect(localDay(zone, `${next}T00:00:00${offset}`)).toBe(day(next));
        expect(localDay(zone, `${next}T00:30:00${offset}`)).toBe(day(next));
        // The same instants written in UTC.
        const lastMinute = new Date(at(`${date}T23:30:00${offset}`)).toISOString();
        const firstMinute = new Date(at(`${next}T00:30:00${offset}`)).toISOString();
        expect(localDay(zone, lastMinute)).toBe(day(date));
        expect(localDay(zone, firstMinute)).toBe(day(next));
      }
    });
  }

  it('uses the branch zone, not the offset the instant was written with', () => {
    // 20:00 in New York on 1 March is 09:00 on 2 March in Manila and 14:00 on 2 March in Auckland.
    expect(localDay('Asia/Manila', '2026-03-01T20:00:00-05:00')).toBe(day('2026-03-02'));
    expect(localDay('Pacific/Auckland', '2026-03-01T20:00:00-05:00')).toBe(day('2026-03-02'));
    expect(localDay('America/New_York', '2026-03-01T20:00:00-05:00')).toBe(day('2026-03-01'));
    // 10:30 on 1 March in Auckland (+13) is 21:30 on 28 February in London and 16:30 in New York.
    expect(localDay('Europe/London', '2026-03-01T10:30:00+13:00')).toBe(day('2026-02-28'));
    expect(localDay('America/New_York', '2026-03-01T10:30:00+13:00')).toBe(day('2026-02-28'));
    // Kathmandu midnight is 18:15 UTC.
    expect(localDay('Asia/Kathmandu', '2026-03-01T18:14:59Z')).toBe(day('2026-03-01'));
    expect(localDay('Asia/Kathmandu', '2026-03-01T18:15:00Z')).toBe(day('2026-03-02'));
    expect(localDay('Asia/Kathmandu', '2026-03-01T23:59:00+00:00')).toBe(day('2026-03-02'));
  });
});

describe('DST transition days', () => {
  // Each: zone, the transition day, its first instant (local midnight) in UTC, the next day's first instant.
  const cases: [string, string, string, string, number][] = [
    ['America/New_York', '2026-03-08', '2026-03-08T05:00:00Z', '2026-03-09T04:00:00Z', 23],
    ['America/New_York', '2026-11-01', '2026-11-01T04:00:00Z', '2026-11-02T05:00:00Z', 25],
    ['Europe/London', '2026-03-29', '2026-03-29T00:00:00Z', '2026-03-29T23:00:00Z', 23],
    ['Europe/London', '2026-10-25', '2026-10-24T23:00:00Z', '2026-10-26T00:00:00Z', 25],
    ['Pacific/Auckland', '2026-09-27', '2026-09-26T12:00:00Z', '2026-09-27T11:00:00Z', 23],
    ['Pacific/Auckland', '2026-04-05', '2026-04-04T11:00:00Z', '2026-04-05T12:00:00Z', 25],
    // Cuba springs forward at midnight: 00:00 does not exist, the day starts at 01:00.
    ['America/Havana', '2026-03-08', '2026-03-08T05:00:00Z', '2026-03-09T04:00:00Z', 23],
  ];
  for (const [zone, date, start, nextStart, hours] of cases) {
    it(`${zone} ${date} runs from ${start} for ${hours} hours`, () => {
      const clock = new ZoneClock(zone);
      expect(clock.startOfLocalDay(day(date))).toBe(at(start));
      expect(clock.startOfLocalDay(day(date) + 1)).toBe(at(nextStart));
      expect(at(nextStart) - at(start)).toBe(hours * 3_600_000);
      expect(clock.localDay(at(start))).toBe(day(date));
      expect(clock.localDay(at(start) - 1)).toBe(day(date) - 1);
      expect(clock.localDay(at(nextStart) - 1)).toBe(day(date));
      expect(clock.localDay(at(nextStart))).toBe(day(date) + 1);
    });
  }

  it('instants around the transition hour keep their local date', () => {
    // New York falls back at 02:00 EDT: 01:30 happens twice, both on 1 November.
    expect(localDay('America/New_York', '2026-11-01T01:30:00-04:00')).toBe(day('2026-11-01'));
    expect(localDay('America/New_York', '2026-11-01T01:30:00-05:00')).toBe(day('2026-11-01'));
    expect(localDay('America/New_York', '2026-10-31T23:30:00-04:00')).toBe(day('2026-10-31'));
    expect(localDay('America/New_York', '2026-11-01T23:30:00-05:00')).toBe(day('2026-11-01'));
    // Spring forward: 01:59 EST is followed by 03:00 EDT.
    expect(localDay('America/New_York', '2026-03-08T01:59:00-05:00')).toBe(day('2026-03-08'));
    expect(localDay('America/New_York', '2026-03-08T03:00:00-04:00')).toBe(day('2026-03-08'));
    expect(localDay('America/New_York', '2026-03-07T23:30:00-05:00')).toBe(day('2026-03-07'));
    expect(localDay('America/New_York', '2026-03-08T23:30:00-04:00')).toBe(day('2026-03-08'));
    // Auckland: 23:30 on the spring-forward eve (+12) and on the day itself (+13).
    expect(localDay('Pacific/Auckland', '2026-09-26T23:30:00+12:00')).toBe(day('2026-09-26'));
    expect(localDay('Pacific/Auckland', '2026-09-27T23:30:00+13:00')).toBe(day('2026-09-27'));
    expect(localDay('Pacific/Auckland', '2026-04-05T00:30:00+13:00')).toBe(day('2026-04-05'));
    expect(localDay('Pacific/Auckland', '2026-04-05T23:30:00+12:00')).toBe(day('2026-04-05'));
    // London: 00:30 BST on the autumn transition day is 23:30 UTC the evening before.
    expect(localDay('Europe/London', '2026-10-25T00:30:00+01:00')).toBe(day('2026-10-25'));
    expect(localDay('Europe/London', '2026-10-24T23:30:00Z')).toBe(day('2026-10-25'));
    expect(localDay('Europe/London', '2026-03-29T00:30:00Z')).toBe(day('2026-03-29'));
  });

  it('offsets switch exactly at the transition instant', () => {
    const ny = new ZoneClock('America/New_York');
    const spring = at('2026-03-08T07:00:00Z');
    expect(ny.offsetAt(spring - 1)).toBe(-5 * 3_600_000);
    expect(ny.offsetAt(spring)).toBe(-4 * 3_600_000);
    expect(ny.localMinuteOfDay(spring - 60_000)).toBe(1 * 60 + 59);
    expect(ny.localMinuteOfDay(spring)).toBe(3 * 60);
    const adelaide = new ZoneClock('Australia/Adelaide');
    expect(adelaide.offsetAt(at('2026-01-10T00:00:00Z'))).toBe(10.5 * 3_600_000);
    expect(adelaide.offsetAt(at('2026-07-10T00:00:00Z'))).toBe(9.5 * 3_600_000);
  });
});

describe('ZoneClock cache', () => {
  const zones = [
    'Pacific/Auckland',
    'America/New_York',
    'Asia/Manila',
    'Europe/London',
    'Asia/Kathmandu',
    'Australia/Adelaide',
    'Australia/Lord_Howe',
    'America/Santiago',
    'America/Havana',
    'America/St_Johns',
    'Pacific/Chatham',
    'Africa/Casablanca',
    'Asia/Tehran',
    'UTC',
  ];
  const zone = fc.constantFrom(...zones);
  const instant = fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2100, 0, 1) });

  it('localDay equals the exact Intl answer for random instants across zones and years', () => {
    // One clock per zone for the whole run, so later instants hit offsets cached by earlier ones.
    const clocks = new Map(zones.map((z) => [z, new ZoneClock(z)]));
    fc.assert(
      fc.property(zone, instant, fc.integer({ min: 0, max: 3_599_999 }), (z, ms, within) => {
        const clock = clocks.get(z) as ZoneClock;
        // Two instants in the same UTC hour: the second one is answered from the cache.
        expect(clock.localDay(ms)).toBe(exactLocalDay(z, ms));
        const other = ms - (ms % 3_600_000) + within;
        expect(clock.localDay(other)).toBe(exactLocalDay(z, other));
      }),
      { numRuns: 3000 },
    );
  });

  it('localDay is exact minute by minute through transition hours, queried in any order', () => {
    const transitions = [
      ['America/New_York', '2026-03-08T06:00:00Z'],
      ['America/New_York', '2026-11-01T05:00:00Z'],
      ['Pacific/Auckland', '2026-04-04T13:00:00Z'],
      ['Pacific/Auckland', '2026-09-26T13:00:00Z'],
      ['Australia/Lord_Howe', '2026-04-04T14:00:00Z'],
      ['America/Havana', '2026-03-08T04:00:00Z'],
      ['America/Santiago', '2026-04-05T02:00:00Z'],
    ] as const;
    fc.assert(
      fc.property(fc.shuffledSubarray([...Array(6 * 60).keys()], { minLength: 1 }), (minutes) => {
        for (const [z, from] of transitions) {
          const clock = new ZoneClock(z);
          for (const m of minutes) {
            const ms = at(from) + m * 60_000 - 30_000;
            expect(clock.localDay(ms)).toBe(exactLocalDay(z, ms));
          }
        }
      }),
      { numRuns: 10 },
    );
  });

  it('startOfLocalDay is the first instant of the local date for random days and zones', () => {
    const clocks = new Map(zones.map((z) => [z, new ZoneClock(z)]));
    fc.assert(
      fc.property(zone, fc.integer({ min: daysFromCivil(1970, 1, 1), max: daysFromCivil(2060, 12, 31) }), (z, d) => {
        const start = (clocks.get(z) as ZoneClock).startOfLocalDay(d);
        expect(exactLocalDay(z, start)).toBe(d);
        expect(exactLocalDay(z, start - 1)).toBe(d - 1);
      }),
      { numRuns: 1000 },
    );
  });

  it('the shared clock per zone is reused', () => {
    expect(zoneClock('Asia/Manila')).toBe(zoneClock('Asia/Manila'));
    expect(todayIn('Asia/Manila', at('2026-03-01T16:00:00Z'))).toBe(day('2026-03-02'));
    expect(todayIn('America/New_York', at('2026-03-01T16:00:00Z'))).toBe(day('2026-03-01'));
  });
});

describe('resolveTimeZone', () => {
  it('accepts IANA names and rejects unknown, blank or padded ones', () => {
    expect(isValidTimeZone('Asia/Manila')).toBe(true);
    expect(isValidTimeZone('Pacific/Auckland')).toBe(true);
    expect(isValidTimeZone('UTC')).toBe(true);
    for (const bad of ['Mars/Olympus_Mons', 'Asia/Manilla', '', '  ', ' Asia/Manila', 'Asia/Manila ', 'GMT+25', 'not a zone']) {
      expect(resolveTimeZone(bad), bad).toBeNull();
    }
    expect(() => new ZoneClock('Mars/Olympus_Mons')).toThrow(/unknown time zone/);
  });
});
