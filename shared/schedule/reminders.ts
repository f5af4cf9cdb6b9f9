/**
 * Appointment reminders (issue 12, item 1; docs/DESIGN.md §11). Pure rules shared by the server,
 * which schedules and sends them from its outbox, and the desk, which edits the settings and
 * shows what customers replied:
 * - per-branch settings: offsets before the start (e.g. 24 h and 2 h), quiet hours in the
 *   branch's time zone, one message template;
 * - which reminder of a booking is due now (at most one per offset window, never in quiet hours);
 * - the de-duplication keys of reminders (`reminder:<booking>:<offset>:<start ms>`) and of replies
 *   (`reply:<booking>:<action>:<start ms>:<source>`), stored in the communications' `trigger_key`;
 * - what a reply means, and the confirmation a booking carries (derived from its replies, never a
 *   booking status: §4's forward-only status rule is untouched).
 */
import type { BookingDoc, CommunicationDoc, CustomerDoc } from '../domain/schemas';
import { renderTemplate, templateProblems, firstName, humanDate } from '../domain/template';
import { formatDay } from '../time/calendar';
import { parseInstant } from '../time/instant';
import { zoneClock } from '../time/zone';

export const REMINDER_PLACEHOLDERS = ['name', 'first_name', 'service', 'staff', 'date', 'time', 'branch'] as const;

/** Longest offset before the start (7 days), most offsets per branch. */
export const MAX_OFFSET_MINUTES = 7 * 24 * 60;
export const MAX_OFFSETS = 4;
/** No reminder is sent this close to the start (a walk-in booked for now needs none). */
export const MIN_LEAD_MINUTES = 15;
/** The outbox purpose of a reminder (one of TRANSACTIONAL_PURPOSES) and of a recorded reply. */
export const REMINDER_PURPOSE = 'appointment reminder';
export const REPLY_PURPOSE = 'reply';

export interface ReminderSettings {
  branch_id: string;
  enabled: boolean;
  /** Minutes before the start, distinct, 15…10080 (stored in descending order). */
  offsets_minutes: number[];
  /** Local "HH:MM" of the branch; '' for both = no quiet hours. The end may be on the next day. */
  quiet_start: string;
  quiet_end: string;
  template: string;
  updated_at: string;
}

export const DEFAULT_REMINDER_TEMPLATE = 'Hi {first_name}, a reminder of your {service} with {staff} at {branch} on {date} at {time}.';

export function defaultReminderSettings(branchId: string): ReminderSettings {
  return { branch_id: branchId, enabled: false, offsets_minutes: [1440, 120], quiet_start: '21:00', quiet_end: '08:00', template: DEFAULT_REMINDER_TEMPLATE, updated_at: '' };
}

/** The fields a manager edits (a change names only those it changes). */
export const EDITABLE_FIELDS = ['enabled', 'offsets_minutes', 'quiet_start', 'quiet_end', 'template'] as const;
export type ReminderSettingsChange = Partial<Pick<ReminderSettings, (typeof EDITABLE_FIELDS)[number]>>;

export interface FieldProblem {
  field: string;
  message: string;
}

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

function minuteOfDay(hhmm: string): number {
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
}

/**
 * Checks a change (an untrusted object) and returns it typed, or the problems naming each field.
 * Unknown fields are refused, so a typo is never silently ignored.
 */
export function parseSettingsChange(input: unknown): { change: ReminderSettingsChange; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const change: ReminderSettingsChange = {};
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return { change, problems: [{ field: '', message: 'the body must be an object of the fields to change' }] };
  for (const [key, value] of Object.entries(input as Record<string, unknown>)) {
    switch (key) {
      case 'enabled':
        if (typeof value !== 'boolean') problems.push({ field: key, message: 'must be true or false' });
        else change.enabled = value;
        break;
      case 'offsets_minutes': {
        if (!Array.isArray(value) || value.length === 0 || value.length > MAX_OFFSETS) {
          problems.push({ field: key, message: `must be a list of 1 to ${MAX_OFFSETS} offsets in minutes` });
          break;
        }
        const bad = value.find((v) => !Number.isInteger(v) || (v as number) < MIN_LEAD_MINUTES || (v as number) > MAX_OFFSET_MINUTES);
        if (bad !== undefined) problems.push({ field: key, message: `${JSON.stringify(bad)} is not a whole number of minutes from ${MIN_LEAD_MINUTES} to ${MAX_OFFSET_MINUTES} (7 days)` });
        else if (new Set(value).size !== value.length) problems.push({ field: key, message: 'lists the same offset twice' });
        else change.offsets_minutes = [...(value as number[])].sort((a, b) => b - a);
        break;
      }
      case 'quiet_start':
      case 'quiet_end':
        if (typeof value !== 'string' || (value !== '' && !HHMM.test(value))) problems.push({ field: key, message: 'must be a local time HH:MM (e.g. 21:00) or empty' });
        else change[key] = value;
        break;
      case 'template': {
        if (typeof value !== 'string') {
          problems.push({ field: key, message: 'must be text' });
          break;
        }
        if (value.length > 1000) {
          problems.push({ field: key, message: 'is longer than 1000 characters' });
          break;
        }
        const p = templateProblems(value, REMINDER_PLACEHOLDERS);
        if (p.length > 0) problems.push({ field: key, message: p.map((x) => x.message).join('; ') });
        else change.template = value;
        break;
      }
      default:
        problems.push({ field: key, message: `is not a reminder setting (settings: ${EDITABLE_FIELDS.join(', ')})` });
    }
  }
  return { change, problems };
}

/** The settings after a change; problems when the result is inconsistent (one quiet bound only). */
export function applySettingsChange(current: ReminderSettings, change: ReminderSettingsChange, at: string): { settings: ReminderSettings; problems: FieldProblem[] } {
  const settings: ReminderSettings = { ...current, ...change, updated_at: at };
  const problems: FieldProblem[] = [];
  if ((settings.quiet_start === '') !== (settings.quiet_end === '')) {
    problems.push({ field: settings.quiet_start === '' ? 'quiet_start' : 'quiet_end', message: 'quiet hours need both a start and an end (or neither)' });
  } else if (settings.quiet_start !== '' && settings.quiet_start === settings.quiet_end) {
    problems.push({ field: 'quiet_end', message: 'quiet hours cannot start and end at the same time' });
  }
  return { settings, problems };
}

/** True when the instant falls within the branch's quiet hours (local time, end exclusive). */
function inQuietHours(settings: Pick<ReminderSettings, 'quiet_start' | 'quiet_end'>, timeZone: string, ms: number): boolean {
  if (settings.quiet_start === '' || settings.quiet_end === '') return false;
  const m = zoneClock(timeZone).localMinuteOfDay(ms);
  const start = minuteOfDay(settings.quiet_start);
  const end = minuteOfDay(settings.quiet_end);
  return start < end ? m >= start && m < end : m >= start || m < end;
}

/**
 * The offset whose reminder is due for a booking now, or null. The offsets cut the time before
 * the start into windows ([start − 24 h, start − 2 h), [start − 2 h, start − 15 min)); the due
 * offset is the one whose window holds `nowMs`, outside quiet hours. A reminder held back by quiet
 * hours goes out when they end if its window is still open, else the next offset's takes over.
 */
export function dueOffset(booking: Pick<BookingDoc, 'status' | 'start_at'>, settings: ReminderSettings, timeZone: string, nowMs: number): number | null {
  if (!settings.enabled || booking.status !== 'scheduled') return null;
  const start = parseInstant(booking.start_at);
  if (start === null || start - nowMs < MIN_LEAD_MINUTES * 60_000) return null;
  const offsets = [...settings.offsets_minutes].sort((a, b) => b - a);
  for (let i = 0; i < offsets.length; i += 1) {
    const opens = start - (offsets[i] as number) * 60_000;
    const closes = start - (offsets[i + 1] ?? MIN_LEAD_MINUTES) * 60_000;
    if (nowMs >= opens && nowMs < closes) return inQuietHours(settings, timeZone, nowMs) ? null : (offsets[i] as number);
  }
  return null;
}

const enc = (id: string) => encodeURIComponent(id);

/** The de-dup key of a booking's reminder at an offset for its current start. */
export function reminderKey(bookingId: string, offsetMinutes: number, startAt: string): string {
  return `reminder:${enc(bookingId)}:${offsetMinutes}:${parseInstant(startAt) ?? startAt}`;
}

export function parseReminderKey(key: string): { bookingId: string; offsetMinutes: number; startMs: number } | null {
  const m = /^reminder:([^:]+):(\d+):(-?\d+)$/.exec(key);
  if (m === null) return null;
  try {
    return { bookingId: decodeURIComponent(m[1] as string), offsetMinutes: Number(m[2]), startMs: Number(m[3]) };
  } catch {
    return null;
  }
}

export type ReplyAction = 'confirm' | 'cancel';
export type ReplySource = 'sms' | 'email';

/** The de-dup key of a reply: one per booking, action, start and source message (or link). */
export function replyKey(bookingId: string, action: ReplyAction, startMs: number, source: string): string {
  return `reply:${enc(bookingId)}:${action}:${startMs}:${source}`;
}

function parseReplyKey(key: string): { bookingId: string; action: ReplyAction; startMs: number; source: string } | null {
  const m = /^reply:([^:]+):(confirm|cancel):(-?\d+):(.+)$/.exec(key);
  if (m === null) return null;
  try {
    return { bookingId: decodeURIComponent(m[1] as string), action: m[2] as ReplyAction, startMs: Number(m[3]), source: m[4] as string };
  } catch {
    return null;
  }
}

/** Reminders and replies are transactional, not marketing (no marketing consent or cap applies). */
export function isReminderTraffic(triggerKey: string): boolean {
  return triggerKey.startsWith('reminder:') || triggerKey.startsWith('reply:');
}

/** What a reply text asks for: YES / Y / C / CONFIRM / OK → confirm; NO / N / X / CANCEL / STOP… → cancel. */
export function replyIntent(text: string): ReplyAction | null {
  const word = text.trim().toUpperCase().replace(/[.!\s]+$/, '').split(/\s+/)[0] ?? '';
  if (['YES', 'Y', 'C', 'CONFIRM', 'CONFIRMED', 'OK', 'SI', 'SÍ', 'JA', 'OUI'].includes(word)) return 'confirm';
  if (['NO', 'N', 'X', 'CANCEL', 'CANCELLED', 'CANCELED'].includes(word)) return 'cancel';
  return null;
}

/** The channel of a reminder: the preferred one if it has an address and no withdrawn consent, else the other. */
export function reminderChannel(customer: Pick<CustomerDoc, 'phone' | 'email' | 'preferred_contact' | 'consent'>): 'sms' | 'email' | null {
  if (customer.preferred_contact === 'none') return null;
  const usable = (c: 'sms' | 'email') => {
    const withdrawn = !customer.consent[c].granted && customer.consent[c].at !== '';
    return !withdrawn && (c === 'sms' ? customer.phone : customer.email) !== '';
  };
  const order: ('sms' | 'email')[] = customer.preferred_contact === 'email' ? ['email', 'sms'] : ['sms', 'email'];
  return order.find(usable) ?? null;
}

/** The reminder text of a booking (without the reply instructions the server adds per channel). */
export function renderReminder(
  template: string,
  booking: Pick<BookingDoc, 'service' | 'staff' | 'start_at'>,
  customerName: string,
  branchName: string,
  timeZone: string,
): string {
  const start = parseInstant(booking.start_at) ?? 0;
  const clock = zoneClock(timeZone);
  const minute = clock.localMinuteOfDay(start);
  return renderTemplate(
    template,
    {
      name: customerName.trim(),
      first_name: firstName(customerName),
      service: booking.service,
      staff: booking.staff,
      date: humanDate(formatDay(clock.localDay(start))),
      time: `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`,
      branch: branchName,
    },
    REMINDER_PLACEHOLDERS,
  );
}

export interface Confirmation {
  action: ReplyAction;
  channel: ReplySource;
  /** When the reply arrived. */
  at: string;
}

/**
 * A booking's confirmation as its replies say: the latest reply for its current start (a reply
 * to a reminder of an earlier time no longer counts once the booking moved). Null without one.
 */
export function confirmationOf(
  booking: Pick<BookingDoc, 'id' | 'start_at'>,
  communications: Iterable<Pick<CommunicationDoc, 'trigger_key' | 'direction' | 'channel' | 'at'> & { _deleted?: boolean }>,
): Confirmation | null {
  const start = parseInstant(booking.start_at);
  let best: Confirmation | null = null;
  for (const c of communications) {
    if (c._deleted === true || c.direction !== 'inbound') continue;
    const k = parseReplyKey(c.trigger_key);
    if (k === null || k.bookingId !== booking.id || k.startMs !== start) continue;
    if (best === null || c.at > best.at) best = { action: k.action, channel: c.channel === 'email' ? 'email' : 'sms', at: c.at };
  }
  return best;
}

export interface NoShowFigures {
  /** Finished bookings (completed or no-show) in the group. */
  bookings: number;
  no_shows: number;
  /** no_shows / bookings, null without bookings. */
  rate: number | null;
}

/** No-show rate of reminded vs not reminded bookings (completed or no-show; others are left out). */
export function noShowReport(
  bookings: Iterable<Pick<BookingDoc, 'id' | 'status'>>,
  reminded: ReadonlySet<string>,
): { reminded: NoShowFigures; not_reminded: NoShowFigures } {
  const groups = { reminded: { bookings: 0, no_shows: 0 }, not_reminded: { bookings: 0, no_shows: 0 } };
  for (const b of bookings) {
    if (b.status !== 'completed' && b.status !== 'no_show') continue;
    const g = reminded.has(b.id) ? groups.reminded : groups.not_reminded;
    g.bookings += 1;
    if (b.status === 'no_show') g.no_shows += 1;
  }
  const figures = (g: { bookings: number; no_shows: number }): NoShowFigures => ({ ...g, rate: g.bookings === 0 ? null : g.no_shows / g.bookings });
  return { reminded: figures(groups.reminded), not_reminded: figures(groups.not_reminded) };
}
