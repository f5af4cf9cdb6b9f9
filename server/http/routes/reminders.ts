/**
 * Appointment reminders (server/reminders/, docs/DESIGN.md §11):
 * - `GET /api/reminders/settings?branch_id=` — policy `reminder_settings read`;
 * - `PUT /api/reminders/settings?branch_id=` with only the fields that change — `reminder_settings
 *   write` (a manager of the branch); every bad field is named, nothing is stored then;
 * - `GET /api/reminders/report?branch_id=&from=&to=` — `reminder_report read`: no-show rate of
 *   reminded vs not reminded finished bookings;
 * - `POST /api/reminders/sms` — inbound SMS from the gateway (no device token: the gateway's
 *   shared secret, server/reminders/inbound.ts);
 * - `GET /r?t=<token>` shows what a reply link does, `POST /r?t=<token>` does it (a link scanner that
 *   only fetches links changes nothing); signed, single use, expiring (server/reminders/links.ts).
 */
import { createHash } from 'node:crypto';
import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { BookingDoc } from '../../../shared/domain/schemas';
import { noShowReport, parseReminderKey, parseSettingsChange, replyIntent, type NoShowFigures, type ReminderSettings } from '../../../shared/schedule/reminders';
import { humanDate } from '../../../shared/domain/template';
import { formatDay } from '../../../shared/time/calendar';
import { formatInstant, parseInstant } from '../../../shared/time/instant';
import { zoneClock } from '../../../shared/time/zone';
import { authorize, deniedMessage, readBranch } from '../../authz/policy';
import { loadBranches } from '../../store/branches';
import { loadMasters } from '../../store/documents';
import { ApiError, badRequest } from '../../store/errors';
import type { Store } from '../../store/store';
import type { Device } from '../../store/device';
import type { RemindersConfig } from '../../reminders/config';
import { checkInbound } from '../../reminders/inbound';
import { verifyLink } from '../../reminders/links';
import { applyReply, bookingRepliedTo } from '../../reminders/replies';
import { changeReminderSettings, reminderSettingsOf } from '../../reminders/settings';
import { deviceFirst, requireDevice } from '../guards';
import { FORMATS, instantOf } from '../input-schemas';

export const INBOUND_SMS_PATH = '/api/reminders/sms';

export interface ReminderReport {
  branch_id: string;
  from: string;
  to: string;
  reminded: NoShowFigures;
  not_reminded: NoShowFigures;
}

const BranchQuery = Type.Object({ branch_id: Type.Optional(Type.String({ maxLength: 100, description: 'one branch id' })) });
type BranchQuery = Static<typeof BranchQuery>;

const instant = Type.String({ format: FORMATS.instant, description: 'an ISO 8601 instant (e.g. 2026-03-01T00:00:00Z)' });
const ReportQuery = Type.Object({ ...BranchQuery.properties, from: Type.Optional(instant), to: Type.Optional(instant) });

/** The branch a request names, limited to what the device may reach (403 beyond it). */
function branchOf(device: Device, asked: string | undefined, allowed: string | null, what: 'reminder_settings' | 'reminder_report', op: 'read' | 'write'): string {
  if (allowed !== null) {
    if (asked !== undefined && asked !== allowed) throw new ApiError(403, `${deniedMessage(device.role, what, op)} of branch ${asked} (only ${allowed})`);
    return allowed;
  }
  if (asked === undefined) throw badRequest('name the branch: ?branch_id=…', [{ field: 'branch_id', message: 'is required' }]);
  return asked;
}

async function knownBranch(store: Store, id: string): Promise<void> {
  if (!(await loadBranches(store.db)).has(id)) throw new ApiError(404, `no branch ${id}`);
}

const PAGE_STYLE = 'body{font:16px/1.5 system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem;color:#1b1f24}button{font:inherit;padding:.6rem 1.2rem;border-radius:.4rem;border:1px solid #1b1f24;background:#1b1f24;color:#fff;cursor:pointer}p.note{color:#555}';
const PAGE_CSP = `default-src 'none'; style-src 'sha256-${createHash('sha256').update(PAGE_STYLE).digest('base64')}'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'`;

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(reply: FastifyReply, status: number, title: string, body: string): FastifyReply {
  reply.header('content-security-policy', PAGE_CSP);
  reply.header('x-content-type-options', 'nosniff');
  reply.header('referrer-policy', 'no-referrer');
  reply.header('cache-control', 'no-store');
  return reply
    .code(status)
    .type('text/html; charset=utf-8')
    .send(`<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>${esc(title)}</title><style>${PAGE_STYLE}</style></head>\n<body><main><h1>${esc(title)}</h1>${body}</main></body></html>\n`);
}

function describe(booking: BookingDoc, branchName: string, timeZone: string): string {
  const start = parseInstant(booking.start_at) ?? 0;
  const clock = zoneClock(timeZone);
  const m = clock.localMinuteOfDay(start);
  const time = `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  return `${booking.service || 'Your appointment'}${booking.staff ? ` with ${booking.staff}` : ''} at ${branchName} on ${humanDate(formatDay(clock.localDay(start)))} at ${time}`;
}

export function reminderRoutes(app: FastifyInstance, store: Store, config: RemindersConfig): void {
  app.get<{ Querystring: BranchQuery }>('/api/reminders/settings', { preValidation: deviceFirst(store, { authorize: (device) => readBranch(device, 'reminder_settings') }), schema: { querystring: BranchQuery } }, async (request): Promise<ReminderSettings> => {
    const device = await requireDevice(store, request);
    const branch = branchOf(device, request.query.branch_id, readBranch(device, 'reminder_settings'), 'reminder_settings', 'read');
    await knownBranch(store, branch);
    return reminderSettingsOf(store.db, branch);
  });

  // The body is a partial change checked field by field (every bad field named): parseSettingsChange.
  app.put<{ Querystring: BranchQuery }>('/api/reminders/settings', { preValidation: deviceFirst(store, { authorize: (device) => authorize(device, 'reminder_settings', 'write') }), schema: { querystring: BranchQuery } }, async (request): Promise<ReminderSettings> => {
    const device = await requireDevice(store, request);
    const branch = branchOf(device, request.query.branch_id, device.branch_id, 'reminder_settings', 'write');
    await knownBranch(store, branch);
    const { change, problems } = parseSettingsChange(request.body);
    if (problems.length > 0) throw badRequest(`invalid reminder settings: ${problems.map((p) => (p.field === '' ? p.message : `${p.field} ${p.message}`)).join('; ')}`, problems);
    const result = await changeReminderSettings(store.db, branch, change, store.clock());
    if (result.problems.length > 0) throw badRequest(`invalid reminder settings: ${result.problems.map((p) => `${p.field} ${p.message}`).join('; ')}`, result.problems);
    return result.settings;
  });

  app.get<{ Querystring: Static<typeof ReportQuery> }>('/api/reminders/report', { preValidation: deviceFirst(store, { authorize: (device) => readBranch(device, 'reminder_report') }), schema: { querystring: ReportQuery } }, async (request): Promise<ReminderReport> => {
    const device = await requireDevice(store, request);
    const branch = branchOf(device, request.query.branch_id, readBranch(device, 'reminder_report'), 'reminder_report', 'read');
    await knownBranch(store, branch);
    const { query } = request;
    const to = query.to === undefined ? store.clock() : instantOf(query.to);
    const from = query.from === undefined ? to - 90 * 86_400_000 : instantOf(query.from);
    if (from > to) throw badRequest('from is after to', [{ field: 'from', message: 'must not be after to' }]);
    const bookings = await store.db.query<{ id: string; status: BookingDoc['status'] }>(
      `SELECT id, status FROM bookings WHERE NOT deleted AND branch_id = $1 AND start_ms >= $2 AND start_ms < $3 AND status IN ('completed', 'no_show')`,
      [branch, from, to],
    );
    const sent = await store.db.query<{ trigger_key: string }>(
      `SELECT trigger_key FROM communications WHERE NOT deleted AND branch_id = $1 AND trigger_key LIKE 'reminder:%' AND status IN ('sent', 'delivered')`,
      [branch],
    );
    const reminded = new Set(sent.flatMap((s) => parseReminderKey(s.trigger_key)?.bookingId ?? []));
    return { branch_id: branch, from: formatInstant(from), to: formatInstant(to), ...noShowReport(bookings, reminded) };
  });

  // Bodies of the gateway and of the reply page are read raw (the signature covers the exact bytes).
  app.register(async (raw) => {
    raw.removeAllContentTypeParsers();
    raw.addContentTypeParser('*', { parseAs: 'string', bodyLimit: 16 * 1024 }, (_request, body, done) => done(null, body));

    raw.post(INBOUND_SMS_PATH, async (request, reply) => {
      const check = checkInbound(config.inboundSecret, config.publicUrl, request.url, request.headers, typeof request.body === 'string' ? request.body : '', store.clock());
      if (!check.ok) {
        request.log.warn({ status: check.status, reason: check.reason }, 'inbound SMS refused');
        throw new ApiError(check.status, check.reason);
      }
      const intent = replyIntent(check.sms.text);
      const target = intent === null ? null : await bookingRepliedTo(store, check.sms.from);
      let outcome: string;
      if (intent === null) outcome = 'not a reply to a reminder (YES or NO expected)';
      else if (target === null) outcome = 'no upcoming reminded appointment for this number';
      else {
        const r = await applyReply(store, { ...target, action: intent, channel: 'sms', source: `sms:${check.sms.id}`, text: check.sms.text });
        outcome = r.ok ? (r.action === 'confirm' ? 'confirmed' : 'cancelled') : r.reason;
      }
      request.log.info({ outcome }, 'inbound SMS');
      if (check.format === 'twilio') return reply.type('text/xml').send('<?xml version="1.0" encoding="UTF-8"?><Response></Response>');
      return { outcome };
    });

    const linkPage = async (request: FastifyRequest, reply: FastifyReply, act: boolean) => {
      const t = (request.query as Record<string, unknown>).t;
      const token = typeof t === 'string' ? t : '';
      const link = verifyLink(store.org.server_secret, token, store.clock());
      if (!link.ok) return page(reply, link.status, 'This link cannot be used', `<p>${esc(link.reason)}</p>`);
      const { claim } = link;
      const booking = (await loadMasters<BookingDoc>(store.db, 'bookings', [claim.bookingId])).get(claim.bookingId)?.doc;
      const branch = booking === undefined ? undefined : (await loadBranches(store.db)).get(booking.branch_id);
      if (booking === undefined || booking._deleted || branch === undefined) return page(reply, 404, 'This link cannot be used', '<p>This appointment no longer exists. Please call the branch.</p>');
      const what = describe(booking, branch.doc.name, branch.timezone);
      const verb = claim.action === 'confirm' ? 'Confirm' : 'Cancel';
      if (!act) {
        if (parseInstant(booking.start_at) !== claim.startMs || booking.status !== 'scheduled') {
          return page(reply, 409, 'This link cannot be used', `<p>${esc(booking.status === 'cancelled' ? 'This appointment is already cancelled.' : 'This appointment has changed since the reminder was sent. Please check your newest reminder or call the branch.')}</p>`);
        }
        return page(reply, 200, `${verb} your appointment`, `<p>${esc(what)}.</p><form method="post"><button type="submit">${verb} appointment</button></form>`);
      }
      const r = await applyReply(store, { bookingId: claim.bookingId, action: claim.action, startMs: claim.startMs, channel: 'email', source: 'link', text: claim.action === 'confirm' ? 'Confirmed by email link' : 'Cancelled by email link' });
      if (!r.ok) return page(reply, r.status, 'This link cannot be used', `<p>${esc(r.reason)}</p>`);
      return page(reply, 200, claim.action === 'confirm' ? 'Appointment confirmed' : 'Appointment cancelled', `<p>${esc(what)}: ${claim.action === 'confirm' ? 'confirmed. See you then!' : 'cancelled. Thank you for letting us know.'}</p>`);
    };
    raw.get('/r', (request, reply) => linkPage(request, reply, false));
    raw.post('/r', (request, reply) => linkPage(request, reply, true));
  });
}
