import { describe, expect, it } from 'vitest';
import { formatDay, parseDay } from '../../../../shared/time/calendar';
import { NO_REPEAT, readRepeat } from './repeat-model';

const first = { day: parseDay('2026-03-03') as number, minute: 10 * 60 };
const ZONE = 'Europe/London';

describe('the Repeat fields of a new booking', () => {
  it('empty weeks: one booking, whatever the other fields say', () => {
    expect(readRepeat({ ...NO_REPEAT, times: 'x' }, first, ZONE)).toEqual({ ok: true, occurrences: null });
  });

  it('every N weeks for a number of times, or until a date', () => {
    const counted = readRepeat({ every: '2', ends: 'count', times: '3', until: '' }, first, ZONE);
    expect(counted.ok && counted.occurrences?.map((o) => formatDay(o.day))).toEqual(['2026-03-03', '2026-03-17', '2026-03-31']);
    const until = readRepeat({ every: ' 1 ', ends: 'until', times: '', until: '2026-03-24' }, first, ZONE);
    expect(until.ok && until.occurrences?.map((o) => o.index)).toEqual([1, 2, 3, 4]);
  });

  it('names the field of each problem', () => {
    expect(readRepeat({ every: 'two', ends: 'count', times: '3', until: '' }, first, ZONE)).toEqual({ ok: false, errors: { every: 'Enter a number of weeks, or leave it empty for one booking' } });
    expect(readRepeat({ every: '1', ends: 'count', times: '', until: '' }, first, ZONE)).toEqual({ ok: false, errors: { times: 'Enter how many bookings in all' } });
    expect(readRepeat({ every: '1', ends: 'count', times: '60', until: '' }, first, ZONE)).toEqual({ ok: false, errors: { times: 'Repeat 2 to 52 times' } });
    expect(readRepeat({ every: '1', ends: 'until', times: '', until: '3/24' }, first, ZONE)).toEqual({ ok: false, errors: { until: 'Enter the end date like 2026-06-30' } });
    expect(readRepeat({ every: '30', ends: 'until', times: '', until: '2026-12-01' }, first, ZONE)).toEqual({ ok: false, errors: { every: 'Repeat every 1 to 26 weeks' } });
  });
});
