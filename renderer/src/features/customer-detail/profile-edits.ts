import { LIMITS, type CustomerDoc } from '../../../../shared/domain/schemas';
import { parseDay } from '../../../../shared/time/calendar';

/**
 * Edits of a customer's profile made on the detail screen, each returning the document the edit
 * started from (`base`) and the document to store (`doc`, `updated_at` stamped), or the problem in
 * words. Nothing here writes: callers save the pair with `saveCustomerChange`, which validates it
 * and writes only the changed fields over the customer as it is then.
 */
export type Edit = { ok: true; base: CustomerDoc; doc: CustomerDoc } | { ok: false; field: string; message: string };

function stamp(doc: CustomerDoc, change: Partial<CustomerDoc>, nowMs: number): Edit {
  return { ok: true, base: doc, doc: { ...doc, ...change, updated_at: new Date(nowMs).toISOString() } };
}

/** Tags as typed: trimmed, inner spaces collapsed. */
export function cleanTag(text: string): string {
  return text.trim().replace(/\s+/g, ' ');
}

export function addTag(doc: CustomerDoc, text: string, nowMs: number): Edit {
  const tag = cleanTag(text);
  if (tag === '') return { ok: false, field: 'tags', message: 'Type a tag first' };
  if (tag.length > LIMITS.tag) return { ok: false, field: 'tags', message: `A tag is at most ${LIMITS.tag} characters` };
  if (doc.tags.some((t) => t.toLowerCase() === tag.toLowerCase())) return { ok: false, field: 'tags', message: `Already tagged “${tag}”` };
  if (doc.tags.length >= LIMITS.tags) return { ok: false, field: 'tags', message: `At most ${LIMITS.tags} tags` };
  return stamp(doc, { tags: [...doc.tags, tag] }, nowMs);
}

export function removeTag(doc: CustomerDoc, tag: string, nowMs: number): Edit {
  return stamp(doc, { tags: doc.tags.filter((t) => t !== tag) }, nowMs);
}

export interface CareDetails {
  preferences: string;
  preferred_staff: string;
  allergies: string;
  notes: string;
}

/** Preferences, preferred staff, allergies and sensitivities, notes (trimmed, within the limits). */
export function withCare(doc: CustomerDoc, care: CareDetails, nowMs: number): Edit {
  const next = { preferences: care.preferences.trim(), preferred_staff: care.preferred_staff.trim().replace(/\s+/g, ' '), allergies: care.allergies.trim(), notes: care.notes.trim() };
  if (next.preferences.length > LIMITS.longText) return { ok: false, field: 'preferences', message: `Preferences are at most ${LIMITS.longText} characters` };
  if (next.preferred_staff.length > LIMITS.shortText) return { ok: false, field: 'preferred_staff', message: `At most ${LIMITS.shortText} characters` };
  if (next.allergies.length > LIMITS.allergies) return { ok: false, field: 'allergies', message: `At most ${LIMITS.allergies} characters` };
  if (next.notes.length > LIMITS.longText) return { ok: false, field: 'notes', message: `Notes are at most ${LIMITS.longText} characters` };
  return stamp(doc, next, nowMs);
}

/** A follow-up date (`YYYY-MM-DD`, not in the past) or '' to clear it. */
export function withFollowUp(doc: CustomerDoc, date: string, today: number, nowMs: number): Edit {
  const text = date.trim();
  if (text !== '') {
    const day = parseDay(text);
    if (day === null) return { ok: false, field: 'follow_up_date', message: 'Enter a date like 2026-03-15' };
    if (day < today && text !== doc.follow_up_date) return { ok: false, field: 'follow_up_date', message: 'Pick today or a later date' };
  }
  return stamp(doc, { follow_up_date: text }, nowMs);
}

export type ConsentChannel = 'sms' | 'email' | 'push';

/**
 * Gives or withdraws marketing consent on one channel, stamped with the time. Overall marketing
 * consent follows: on while any channel is on. Giving consent needs a way to reach the customer
 * on that channel.
 */
export function withConsent(doc: CustomerDoc, channel: ConsentChannel, granted: boolean, nowMs: number): Edit {
  if (doc.consent[channel].granted === granted) return { ok: true, base: doc, doc };
  if (granted && channel === 'sms' && doc.phone === '') return { ok: false, field: `consent.${channel}`, message: 'Add a phone number first' };
  if (granted && channel === 'email' && doc.email === '') return { ok: false, field: `consent.${channel}`, message: 'Add an email address first' };
  const at = new Date(nowMs).toISOString();
  const consent = { ...doc.consent, [channel]: { granted, at } };
  const any = consent.sms.granted || consent.email.granted || consent.push.granted;
  return stamp(doc, { consent, opted_in_marketing: any }, nowMs);
}

/**
 * The customer opts out of all marketing: every channel withdrawn, stamped with the time (also
 * the channels never given, so the withdrawal is on record), and overall consent off.
 */
export function withdrawAllConsent(doc: CustomerDoc, nowMs: number): Edit {
  if (!doc.opted_in_marketing && !doc.consent.sms.granted && !doc.consent.email.granted && !doc.consent.push.granted) return { ok: true, base: doc, doc };
  const at = new Date(nowMs).toISOString();
  const off = { granted: false, at };
  return stamp(doc, { consent: { sms: off, email: off, push: off }, opted_in_marketing: false }, nowMs);
}

/** Who referred the customer ('' = nobody); not themselves. */
export function withReferrer(doc: CustomerDoc, referrerId: string, nowMs: number): Edit {
  if (referrerId === doc.id) return { ok: false, field: 'referred_by', message: 'A customer cannot refer themselves' };
  return stamp(doc, { referred_by: referrerId }, nowMs);
}

/** Customers this one referred, by name. */
export function referredBy(customers: Iterable<CustomerDoc>, id: string): CustomerDoc[] {
  const out: CustomerDoc[] = [];
  for (const c of customers) if (c.referred_by === id && c.id !== id) out.push(c);
  return out.sort((a, b) => a.name.localeCompare(b.name) || (a.id < b.id ? -1 : 1));
}
