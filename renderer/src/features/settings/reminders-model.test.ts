import { describe, expect, it } from 'vitest';
import { defaultReminderSettings } from '../../../../shared/schedule/reminders';
import { formOfReminders, rateText, remindersChange } from './reminders-model';

const current = defaultReminderSettings('br-a');

describe('reminders form', () => {
  it('shows offsets in hours and saves only what changed', () => {
    const form = formOfReminders(current);
    expect(form.offsets).toBe('24, 2');
    expect(remindersChange(form, current)).toEqual({ ok: true, change: {} });
    expect(remindersChange({ ...form, enabled: true, offsets: '2, 48, 0.5' }, current)).toEqual({ ok: true, change: { enabled: true, offsets_minutes: [2880, 120, 30] } });
    expect(remindersChange({ ...form, quietStart: '', quietEnd: '' }, current)).toEqual({ ok: true, change: { quiet_start: '', quiet_end: '' } });
  });

  it('names what is wrong, in the field it belongs to', () => {
    const form = formOfReminders(current);
    expect(remindersChange({ ...form, offsets: ' ' }, current)).toEqual({ ok: false, errors: { offsets: 'Give at least one time before the appointment, e.g. 24, 2' } });
    expect(remindersChange({ ...form, offsets: '1.5; 24' }, current)).toEqual({ ok: true, change: { offsets_minutes: [1440, 90] } });
    expect(remindersChange({ ...form, offsets: '24, soon' }, current)).toEqual({ ok: false, errors: { offsets: '“soon” is not a number of hours (e.g. 24 or 1.5)' } });
    expect(remindersChange({ ...form, offsets: '200' }, current)).toEqual({ ok: false, errors: { offsets: '200 h is outside 0.25 h to 168 h (7 days)' } });
    const bad = remindersChange({ ...form, template: 'Hi {nick}' }, current);
    expect(bad.ok === false && bad.errors.template).toMatch(/^Unknown placeholder \{nick\}/);
    expect(remindersChange({ ...form, quietEnd: '' }, current)).toEqual({ ok: false, errors: { quietEnd: 'Give both ends of the quiet hours, or neither' } });
  });

  it('writes a rate with its counts', () => {
    expect(rateText({ bookings: 40, no_shows: 3, rate: 0.075 })).toBe('7.5 % (3 of 40)');
    expect(rateText({ bookings: 0, no_shows: 0, rate: null })).toBe('— (no finished bookings)');
  });
});
