import { describe, expect, it } from 'vitest';
import {
  applySettingsChange,
  confirmationOf,
  defaultReminderSettings,
  dueOffset,
  isReminderTraffic,
  noShowReport,
  parseReminderKey,
  parseSettingsChange,
  reminderChannel,
  reminderKey,
  renderReminder,
  replyIntent,
  replyKey,
} from './reminders';
import { isMarketing } from '../insights/audience';

const on = { ...defaultReminderSettings('br-a'), enabled: true };
const MANILA = 'Asia/Manila';
// 10:00 on 2 March in Manila.
const booking = { id: 'bk:1', status: 'scheduled' as const, start_at: '2026-03-02T02:00:00Z', service: 'Haircut', staff: 'Ana' };
const at = (iso: string) => Date.parse(iso);

describe('reminder rules', () => {
  it('picks the offset whose window holds now, none before the first, none in the last 15 minutes', () => {
    expect(dueOffset(booking, on, MANILA, at('2026-03-01T01:59:59Z'))).toBeNull();
    expect(dueOffset(booking, on, MANILA, at('2026-03-01T02:00:00Z'))).toBe(1440);
    expect(dueOffset(booking, on, MANILA, at('2026-03-01T12:59:00Z'))).toBe(1440); // 20:59 Manila
    expect(dueOffset(booking, on, MANILA, at('2026-03-02T00:00:00Z'))).toBe(120);
    expect(dueOffset(booking, on, MANILA, at('2026-03-02T01:45:01Z'))).toBeNull();
    expect(dueOffset({ ...booking, status: 'cancelled' }, on, MANILA, at('2026-03-02T00:00:00Z'))).toBeNull();
    expect(dueOffset(booking, { ...on, enabled: false }, MANILA, at('2026-03-02T00:00:00Z'))).toBeNull();
  });

  it('keeps quiet hours in the branch time zone, across midnight', () => {
    // Quiet 21:00–08:00 by default; the day-before reminder's window is open all that time.
    expect(dueOffset(booking, on, MANILA, at('2026-03-01T12:59:00Z'))).toBe(1440); // 20:59 Manila
    expect(dueOffset(booking, on, MANILA, at('2026-03-01T13:00:00Z'))).toBeNull(); // 21:00
    expect(dueOffset(booking, on, MANILA, at('2026-03-01T14:00:00Z'))).toBeNull();
    expect(dueOffset(booking, on, MANILA, at('2026-03-01T23:59:00Z'))).toBeNull(); // 07:59
    expect(dueOffset(booking, on, MANILA, at('2026-03-02T00:00:00Z'))).toBe(120); // 08:00
    expect(dueOffset(booking, { ...on, quiet_start: '', quiet_end: '' }, MANILA, at('2026-03-01T13:00:00Z'))).toBe(1440);
    expect(dueOffset(booking, { ...on, quiet_start: '22:00', quiet_end: '23:00' }, MANILA, at('2026-03-01T13:00:00Z'))).toBe(1440);
    expect(dueOffset(booking, { ...on, quiet_start: '22:00', quiet_end: '23:00' }, MANILA, at('2026-03-01T14:00:00Z'))).toBeNull();
  });

  it('keys round-trip, ids with colons included; reminders and replies are not marketing', () => {
    const k = reminderKey('bk:1', 120, '2026-03-02T10:00:00+08:00');
    expect(k).toBe(`reminder:bk%3A1:120:${at('2026-03-02T02:00:00Z')}`);
    expect(parseReminderKey(k)).toEqual({ bookingId: 'bk:1', offsetMinutes: 120, startMs: at('2026-03-02T02:00:00Z') });
    const r = replyKey('bk:1', 'cancel', 5, 'sms:SM:1');
    expect(r).toBe('reply:bk%3A1:cancel:5:sms:SM:1');
    const reply = { trigger_key: r, direction: 'inbound' as const, channel: 'sms' as const, at: '2026-03-01T09:00:00Z' };
    expect(confirmationOf({ id: 'bk:1', start_at: new Date(5).toISOString() }, [reply])).toEqual({ action: 'cancel', channel: 'sms', at: reply.at });
    expect(confirmationOf({ id: 'bk:1', start_at: new Date(6).toISOString() }, [reply])).toBeNull();
    expect(confirmationOf({ id: 'bk', start_at: new Date(5).toISOString() }, [reply])).toBeNull();
    expect(parseReminderKey('at_risk:br-a:cu-1:2026-03-01')).toBeNull();
    expect(isReminderTraffic(k) && isReminderTraffic(r) && !isReminderTraffic('birthday:cu:2026')).toBe(true);
    expect(isMarketing({ campaign_id: '', purpose: 'appointment reminder', trigger_key: k })).toBe(false);
    expect(isMarketing({ campaign_id: '', purpose: 'automated:at_risk', trigger_key: 'at_risk:br-a:cu-1:2026-03-01' })).toBe(true);
  });

  it('reads replies', () => {
    expect(['YES', ' yes! ', 'Y', 'c', 'Confirm', 'ok'].map(replyIntent)).toEqual(Array(6).fill('confirm'));
    expect(['NO', 'n', 'Cancel please', 'X'].map(replyIntent)).toEqual(Array(4).fill('cancel'));
    expect(['maybe', '', 'what time?'].map(replyIntent)).toEqual([null, null, null]);
  });

  it('chooses the channel by preference, address and consent', () => {
    const none = { granted: false, at: '' };
    const withdrawn = { granted: false, at: '2026-01-01T00:00:00Z' };
    const c = { phone: '+639171234567', email: 'a@example.com', preferred_contact: 'email' as const, consent: { sms: none, email: none, push: none } };
    expect(reminderChannel(c)).toBe('email');
    expect(reminderChannel({ ...c, preferred_contact: 'sms' })).toBe('sms');
    expect(reminderChannel({ ...c, consent: { ...c.consent, email: withdrawn } })).toBe('sms');
    expect(reminderChannel({ ...c, email: '' })).toBe('sms');
    expect(reminderChannel({ ...c, preferred_contact: 'none' })).toBeNull();
    expect(reminderChannel({ ...c, phone: '', email: '' })).toBeNull();
  });

  it('renders the template in the branch time zone', () => {
    expect(renderReminder('{first_name}: {service} with {staff}, {date} {time} at {branch}', booking, 'Ana Reyes', 'Makati', MANILA)).toBe('Ana: Haircut with Ana, 2 March 2026 10:00 at Makati');
  });

  it('names every bad field of a settings change and refuses unknown ones', () => {
    expect(parseSettingsChange({ enabled: true, offsets_minutes: [120, 1440] })).toEqual({ change: { enabled: true, offsets_minutes: [1440, 120] }, problems: [] });
    const { problems } = parseSettingsChange({ enabled: 'yes', offsets_minutes: [120, 120], quiet_end: '8:00', template: 'Hi {last_visit}', extra: 1 });
    expect(problems.map((p) => p.field)).toEqual(['enabled', 'offsets_minutes', 'quiet_end', 'template', 'extra']);
    expect(problems[3]?.message).toContain('{last_visit}');
    expect(parseSettingsChange([]).problems).toHaveLength(1);
    expect(applySettingsChange(on, { quiet_start: '' }, '2026-03-01T00:00:00Z').problems).toEqual([{ field: 'quiet_start', message: 'quiet hours need both a start and an end (or neither)' }]);
  });

  it('derives the confirmation from the latest reply for the current start only', () => {
    const start = at(booking.start_at);
    const comms = [
      { trigger_key: replyKey('bk:1', 'confirm', start, 'sms:1'), direction: 'inbound' as const, channel: 'sms' as const, at: '2026-03-01T06:02:00Z' },
      { trigger_key: replyKey('bk:1', 'cancel', start - 3_600_000, 'sms:2'), direction: 'inbound' as const, channel: 'sms' as const, at: '2026-03-01T07:00:00Z' },
      { trigger_key: replyKey('bk:2', 'cancel', start, 'link'), direction: 'inbound' as const, channel: 'email' as const, at: '2026-03-01T08:00:00Z' },
    ];
    expect(confirmationOf(booking, comms)).toEqual({ action: 'confirm', channel: 'sms', at: '2026-03-01T06:02:00Z' });
    expect(confirmationOf({ ...booking, start_at: '2026-03-02T03:00:00Z' }, comms)).toBeNull();
  });

  it('counts no-shows of reminded and not reminded finished bookings', () => {
    const bookings = [
      { id: 'a', status: 'completed' as const },
      { id: 'b', status: 'no_show' as const },
      { id: 'c', status: 'completed' as const },
      { id: 'd', status: 'no_show' as const },
      { id: 'e', status: 'scheduled' as const },
    ];
    expect(noShowReport(bookings, new Set(['a', 'c', 'e']))).toEqual({
      reminded: { bookings: 2, no_shows: 0, rate: 0 },
      not_reminded: { bookings: 2, no_shows: 2, rate: 1 },
    });
    expect(noShowReport([], new Set()).reminded.rate).toBeNull();
  });
});
