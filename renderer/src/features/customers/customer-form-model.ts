import { normaliseEmail, normalisePhone } from '../../../../shared/domain/contact';
import { LIMITS, type CustomerDoc } from '../../../../shared/domain/schemas';
import { CONTACT_CHANNELS, type PreferredContact } from '../../../../shared/domain/types';
import { parseDay } from '../../../../shared/time/calendar';
import type { CustomerDetails, CustomerInput } from '../../data/customers';

/** What the registration form holds: text as typed. */
export interface CustomerFormValues {
  name: string;
  phone: string;
  email: string;
  birthday: string;
  opted_in_marketing: boolean;
  preferred_contact: PreferredContact;
  tags: string;
  notes: string;
}

export type CustomerField = keyof CustomerFormValues;
export type CustomerFormErrors = Partial<Record<CustomerField, string>>;

export function emptyCustomerValues(): CustomerFormValues {
  return { name: '', phone: '', email: '', birthday: '', opted_in_marketing: false, preferred_contact: 'none', tags: '', notes: '' };
}

export function customerValuesOf(doc: CustomerDoc): CustomerFormValues {
  return {
    name: doc.name,
    phone: doc.phone,
    email: doc.email,
    birthday: doc.birthday,
    opted_in_marketing: doc.opted_in_marketing,
    preferred_contact: doc.preferred_contact,
    tags: doc.tags.join(', '),
    notes: doc.notes,
  };
}

/** Comma-separated tags → trimmed, de-duplicated (case-insensitively), in typed order. */
function parseTagList(text: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of text.split(',')) {
    const tag = raw.trim().replace(/\s+/g, ' ');
    if (tag === '' || seen.has(tag.toLowerCase())) continue;
    seen.add(tag.toLowerCase());
    out.push(tag);
  }
  return out;
}

export type CustomerFormResult = { ok: true; input: CustomerInput } | { ok: false; errors: CustomerFormErrors };

/**
 * Checks and normalises the form: name required; phone normalised to E.164 in the branch's
 * country; email checked and normalised; birthday a real past date; marketing consent needs a
 * way to reach the customer on the chosen channel; sizes within the shared schema's limits.
 */
export function validateCustomerForm(values: CustomerFormValues, country: string, todayDay: number): CustomerFormResult {
  const errors: CustomerFormErrors = {};
  const name = values.name.trim().replace(/\s+/g, ' ');
  if (name === '') errors.name = 'Enter the customer’s name';
  else if (name.length > LIMITS.name) errors.name = `A name is at most ${LIMITS.name} characters`;

  let phone = '';
  const phoneResult = normalisePhone(values.phone, country || undefined);
  if (phoneResult.ok) phone = phoneResult.e164;
  else errors.phone = phoneResult.message;

  let email = '';
  const emailResult = normaliseEmail(values.email);
  if (emailResult.ok) email = emailResult.email;
  else errors.email = emailResult.message;

  const birthday = values.birthday.trim();
  if (birthday !== '') {
    const day = parseDay(birthday);
    if (day === null) errors.birthday = 'Enter a real date like 1990-04-21';
    else if (day > todayDay) errors.birthday = 'A birthday cannot be in the future';
    else if (birthday < '1900-01-01') errors.birthday = 'Check the year: before 1900';
  }

  if (!CONTACT_CHANNELS.includes(values.preferred_contact)) errors.preferred_contact = 'Choose how to contact the customer';
  if (values.opted_in_marketing) {
    if (values.preferred_contact === 'sms' && phone === '' && errors.phone === undefined) errors.phone = 'Add a phone number to send text messages';
    if (values.preferred_contact === 'email' && email === '' && errors.email === undefined) errors.email = 'Add an email address to send emails';
  }

  const tags = parseTagList(values.tags);
  if (tags.length > LIMITS.tags) errors.tags = `At most ${LIMITS.tags} tags`;
  else {
    const long = tags.find((t) => t.length > LIMITS.tag);
    if (long !== undefined) errors.tags = `“${long.slice(0, 20)}…” is longer than ${LIMITS.tag} characters`;
  }

  const notes = values.notes.trim();
  if (notes.length > LIMITS.longText) errors.notes = `Notes are at most ${LIMITS.longText} characters`;

  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    input: { name, phone, email, birthday, opted_in_marketing: values.opted_in_marketing, preferred_contact: values.preferred_contact, tags, notes },
  };
}

/** Prefill for a new customer from a search query: a phone number, an email, or a name. */
export function prefillFromQuery(query: string): Partial<CustomerFormValues> {
  const text = query.trim();
  if (text === '') return {};
  if (/^[+\d\s().\-/]+$/.test(text) && /\d{3}/.test(text.replace(/\D/g, ''))) return { phone: text };
  if (text.includes('@')) return { email: text };
  return { name: text };
}

const DETAIL_FIELDS = ['name', 'phone', 'email', 'birthday', 'preferred_contact', 'tags', 'notes'] as const;

/**
 * The details an edit changes: the fields whose text differs from what the form opened with, in
 * their checked, normalised form. A field left as it was is not part of the change (even where
 * normalising would rewrite it), so the save never writes it over another desk's change.
 * Marketing consent is never among them: it changes only through the consent control.
 */
export function changedDetails(opened: CustomerFormValues, values: CustomerFormValues, input: CustomerInput): Partial<CustomerDetails> {
  const out: Partial<CustomerDetails> = {};
  for (const field of DETAIL_FIELDS) {
    if (values[field] !== opened[field]) (out as Record<string, unknown>)[field] = input[field];
  }
  return out;
}
