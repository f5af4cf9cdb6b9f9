/**
 * Erasure (right to be forgotten): the customer document keeps its id — so bookings, activity
 * and every total still add up, anonymously — and loses everything personal. An erased
 * document wins every sync conflict and never comes back (shared/sync/merge.ts).
 */
import type { CommunicationDoc, CustomerDoc } from '../domain/schemas';

export function isErased(doc: Pick<CustomerDoc, 'erased_at'> | null | undefined): boolean {
  return doc !== null && doc !== undefined && typeof doc.erased_at === 'string' && doc.erased_at !== '';
}

/** Fields blanked by an erasure (text fields that may hold personal data). */
export const ERASED_TEXT_FIELDS = ['name', 'phone', 'email', 'birthday', 'notes', 'preferences', 'preferred_staff', 'allergies', 'referred_by', 'follow_up_date'] as const;

/**
 * The anonymised customer: name, contact, birthday, tags, notes, preferences, staff preference,
 * allergies, referral and follow-up blanked; marketing consent withdrawn on every channel at
 * `at`; `erased_at` = `at`. Kept: id, home and registering branch, created_at. A document that
 * is already erased keeps its erasure time and is only scrubbed again (idempotent).
 */
export function eraseCustomer<T extends CustomerDoc>(doc: T, at: string): T {
  const when = isErased(doc) ? doc.erased_at : at;
  const consent = (c: { granted: boolean; at: string }) => (c.granted || c.at === '' ? { granted: false, at: when } : { granted: false, at: c.at });
  const out: T = {
    ...doc,
    opted_in_marketing: false,
    preferred_contact: 'none',
    consent: { sms: consent(doc.consent.sms), email: consent(doc.consent.email), push: consent(doc.consent.push) },
    tags: [],
    erased_at: when,
    updated_at: isErased(doc) ? doc.updated_at : at,
  };
  for (const f of ERASED_TEXT_FIELDS) out[f] = '';
  return out;
}

/** Problems of an erased document that still holds personal data (empty otherwise). */
export function erasedProblems(doc: CustomerDoc): { field: string; message: string }[] {
  if (!isErased(doc)) return [];
  const out: { field: string; message: string }[] = [];
  for (const f of ERASED_TEXT_FIELDS) if (doc[f] !== '') out.push({ field: f, message: 'must be empty: the customer was erased' });
  if (doc.tags.length > 0) out.push({ field: 'tags', message: 'must be empty: the customer was erased' });
  if (doc.opted_in_marketing) out.push({ field: 'opted_in_marketing', message: 'must be false: the customer was erased' });
  for (const ch of ['sms', 'email', 'push'] as const) {
    if (doc.consent[ch].granted) out.push({ field: `consent.${ch}.granted`, message: 'must be false: the customer was erased' });
  }
  return out;
}

/** Statuses of a message that has not left yet: erasure cancels them. */
const NOT_SENT = new Set(['queued', 'failed']);

/**
 * A communication of an erased customer: the message text (personal by nature) and the error
 * blanked; a message still waiting in the outbox (queued, or failed awaiting a retry) is
 * cancelled. Null when nothing changes.
 */
export function eraseCommunication(doc: CommunicationDoc, at: string): CommunicationDoc | null {
  const cancel = NOT_SENT.has(doc.status);
  if (doc.message === '' && doc.error === '' && !cancel) return null;
  return {
    ...doc,
    message: '',
    error: cancel ? 'cancelled: the customer was erased' : '',
    status: cancel ? 'cancelled' : doc.status,
    next_attempt_at: cancel ? '' : doc.next_attempt_at,
    updated_at: at,
  };
}
