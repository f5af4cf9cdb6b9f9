/** Answers of the reminder endpoints (server/PROTOCOL.md, "Appointment reminders"), checked before use. */
import type { NoShowFigures, ReminderSettings } from '../../../shared/schedule/reminders';
import { SyncProtocolError } from './errors';

export interface ReminderReport {
  branch_id: string;
  from: string;
  to: string;
  reminded: NoShowFigures;
  not_reminded: NoShowFigures;
}

function record(value: unknown, what: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new SyncProtocolError(`${what} is not an object`);
  return value as Record<string, unknown>;
}

function text(body: Record<string, unknown>, field: string, what: string): string {
  const v = body[field];
  if (typeof v !== 'string') throw new SyncProtocolError(`${what}: ${field} is not text`);
  return v;
}

export function parseReminderSettings(value: unknown): ReminderSettings {
  const what = 'the reminder settings';
  const body = record(value, what);
  const offsets = body.offsets_minutes;
  if (typeof body.enabled !== 'boolean') throw new SyncProtocolError(`${what}: enabled is not true or false`);
  if (!Array.isArray(offsets) || !offsets.every((o) => Number.isInteger(o) && (o as number) > 0)) throw new SyncProtocolError(`${what}: offsets_minutes is not a list of minutes`);
  return {
    branch_id: text(body, 'branch_id', what),
    enabled: body.enabled,
    offsets_minutes: offsets as number[],
    quiet_start: text(body, 'quiet_start', what),
    quiet_end: text(body, 'quiet_end', what),
    template: text(body, 'template', what),
    updated_at: text(body, 'updated_at', what),
  };
}

function figures(value: unknown, what: string): NoShowFigures {
  const body = record(value, what);
  const { bookings, no_shows, rate } = body;
  if (!Number.isInteger(bookings) || !Number.isInteger(no_shows) || !(rate === null || typeof rate === 'number')) throw new SyncProtocolError(`${what} is not { bookings, no_shows, rate }`);
  return { bookings: bookings as number, no_shows: no_shows as number, rate: rate as number | null };
}

export function parseReminderReport(value: unknown): ReminderReport {
  const what = 'the reminder report';
  const body = record(value, what);
  return {
    branch_id: text(body, 'branch_id', what),
    from: text(body, 'from', what),
    to: text(body, 'to', what),
    reminded: figures(body.reminded, `${what}: reminded`),
    not_reminded: figures(body.not_reminded, `${what}: not_reminded`),
  };
}
