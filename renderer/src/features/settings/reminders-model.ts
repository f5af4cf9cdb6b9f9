/**
 * The appointment reminders form (Settings): the server's settings as typed, and back to a change
 * naming only the fields that differ (the server checks them again, shared/schedule/reminders.ts).
 */
import { parseSettingsChange, type ReminderSettings, type ReminderSettingsChange } from '../../../../shared/schedule/reminders';

export interface RemindersForm {
  enabled: boolean;
  /** Hours before the start, e.g. "24, 2" (decimals allowed: "0.5" is 30 minutes). */
  offsets: string;
  /** "HH:MM" or '' (an `<input type="time">`). */
  quietStart: string;
  quietEnd: string;
  template: string;
}

export type RemindersErrors = Partial<Record<'offsets' | 'quietStart' | 'quietEnd' | 'template' | 'form', string>>;

const hours = (minutes: number): string => String(Math.round((minutes / 60) * 100) / 100);

export function formOfReminders(s: ReminderSettings): RemindersForm {
  return { enabled: s.enabled, offsets: s.offsets_minutes.map(hours).join(', '), quietStart: s.quiet_start, quietEnd: s.quiet_end, template: s.template };
}

/** "24, 2" → [1440, 120], or the problem in words. */
function parseOffsets(text: string): number[] | string {
  const parts = text.split(/[,;\s]+/).filter((p) => p !== '');
  if (parts.length === 0) return 'Give at least one time before the appointment, e.g. 24, 2';
  const out: number[] = [];
  for (const p of parts) {
    const n = /^\d+([.,]\d+)?$/.test(p) ? Number(p.replace(',', '.')) : NaN;
    if (!Number.isFinite(n)) return `“${p}” is not a number of hours (e.g. 24 or 1.5)`;
    out.push(Math.round(n * 60));
  }
  return out;
}

const FIELD_OF: Record<string, keyof RemindersErrors> = { offsets_minutes: 'offsets', quiet_start: 'quietStart', quiet_end: 'quietEnd', template: 'template' };

/** Only what the form changed, or the problems per field. */
export function remindersChange(form: RemindersForm, current: ReminderSettings): { ok: true; change: ReminderSettingsChange } | { ok: false; errors: RemindersErrors } {
  const offsets = parseOffsets(form.offsets);
  if (typeof offsets === 'string') return { ok: false, errors: { offsets } };
  const raw: Record<string, unknown> = {};
  if (form.enabled !== current.enabled) raw.enabled = form.enabled;
  const sorted = [...offsets].sort((a, b) => b - a);
  if (sorted.join(',') !== current.offsets_minutes.join(',')) raw.offsets_minutes = sorted;
  if (form.quietStart !== current.quiet_start) raw.quiet_start = form.quietStart;
  if (form.quietEnd !== current.quiet_end) raw.quiet_end = form.quietEnd;
  if (form.template !== current.template) raw.template = form.template;
  const { change, problems } = parseSettingsChange(raw);
  if (problems.length > 0) {
    const errors: RemindersErrors = {};
    for (const p of problems) {
      const field = FIELD_OF[p.field] ?? 'form';
      const message = p.field === 'offsets_minutes' ? p.message.replace(/^(\d+) is not a whole number of minutes from 15 to 10080 \(7 days\)$/, (_m, n: string) => `${hours(Number(n))} h is outside 0.25 h to 168 h (7 days)`) : p.message;
      errors[field] = message.charAt(0).toUpperCase() + message.slice(1);
    }
    return { ok: false, errors };
  }
  if ((form.quietStart === '') !== (form.quietEnd === '')) return { ok: false, errors: { [form.quietStart === '' ? 'quietStart' : 'quietEnd']: 'Give both ends of the quiet hours, or neither' } };
  return { ok: true, change };
}

/** "7.5 % (3 of 40)", or a dash without bookings. */
export function rateText(f: { bookings: number; no_shows: number; rate: number | null }): string {
  if (f.rate === null) return '— (no finished bookings)';
  return `${(Math.round(f.rate * 1000) / 10).toFixed(1)} % (${f.no_shows} of ${f.bookings})`;
}
