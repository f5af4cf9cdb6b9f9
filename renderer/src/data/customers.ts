import type { CustomerDoc } from '../../../shared/domain/schemas';
import type { PreferredContact } from '../../../shared/domain/types';
import { deriveCustomerId } from '../../../shared/domain/contact';
import type { AppliedEdit } from '../../../shared/sync/apply-edit';
import type { Replica } from './replica';
import { saveChange } from './save-change';
import { assertValid } from './write-errors';

/** Customer fields a desk edits (already normalised: E.164 phone, checked email). */
export interface CustomerInput {
  name: string;
  phone: string;
  email: string;
  birthday: string;
  opted_in_marketing: boolean;
  preferred_contact: PreferredContact;
  tags: string[];
  notes: string;
}

/**
 * Id for a new customer: derived from the phone (else the email) with the organisation secret,
 * so two desks registering the same person offline create the same document; random otherwise.
 */
export function newCustomerId(orgSecret: string, phone: string, email: string): string {
  return deriveCustomerId(orgSecret, phone, email) ?? `cu-${crypto.randomUUID()}`;
}

/**
 * The document of a newly registered customer. Registering with the "agrees to offers" box ticked
 * is the customer's consent given at the counter: it is recorded, with the time, on the channel
 * of contact (all channels when no preferred channel). Home and registering branch: this desk's.
 */
export function customerDoc(input: CustomerInput, context: { id: string; branchId: string; nowMs: number }): CustomerDoc {
  const now = new Date(context.nowMs).toISOString();
  const consent = { sms: { granted: false, at: '' }, email: { granted: false, at: '' }, push: { granted: false, at: '' } };
  for (const channel of ['sms', 'email', 'push'] as const) {
    if (input.opted_in_marketing && (input.preferred_contact === channel || input.preferred_contact === 'none')) consent[channel] = { granted: true, at: now };
  }
  const doc: CustomerDoc = {
    id: context.id,
    name: input.name.trim(),
    phone: input.phone,
    email: input.email,
    birthday: input.birthday,
    opted_in_marketing: input.opted_in_marketing,
    preferred_contact: input.preferred_contact,
    consent,
    tags: input.tags,
    notes: input.notes,
    preferences: '',
    preferred_staff: '',
    allergies: '',
    home_branch_id: context.branchId,
    registered_branch_id: context.branchId,
    referred_by: '',
    follow_up_date: '',
    created_at: now,
    updated_at: now,
    erased_at: '',
  };
  assertValid('customers', doc);
  return doc;
}

/** The details the edit form changes; consent is not one of them (the consent control records it). */
export type CustomerDetails = Omit<CustomerInput, 'opted_in_marketing'>;

/**
 * The customer as the edit form would store it: `base` (the document as the form opened it) with
 * the details the person changed, stamped. Everything else — consent, home branch, care details —
 * stays as in `base`, so `saveCustomerChange` writes only these fields over the current document.
 */
export function editedCustomer(base: CustomerDoc, changes: Partial<CustomerDetails>, nowMs: number): CustomerDoc {
  const doc: CustomerDoc = { ...base, ...changes, updated_at: new Date(nowMs).toISOString() };
  assertValid('customers', doc, base, nowMs);
  return doc;
}

/**
 * Saves an edit of a stored customer as a three-way change over the customer as it is now
 * (`saveChange`): another desk's opt-out, tags or notes that arrived while the form was open stay.
 */
export async function saveCustomerChange(db: Replica, base: CustomerDoc, mine: CustomerDoc): Promise<AppliedEdit<CustomerDoc>> {
  return saveChange(db, 'customers', base, mine);
}

export interface Duplicate {
  customer: CustomerDoc;
  field: 'phone' | 'email';
}

/** Other customers with the same phone or email (the one being edited excluded). */
export function findDuplicates(
  customers: Iterable<CustomerDoc>,
  phone: string,
  email: string,
  exceptId?: string,
): Duplicate[] {
  const out: Duplicate[] = [];
  const mail = email.toLowerCase();
  for (const c of customers) {
    if (c.id === exceptId) continue;
    if (phone !== '' && c.phone === phone) out.push({ customer: c, field: 'phone' });
    else if (mail !== '' && c.email.toLowerCase() === mail) out.push({ customer: c, field: 'email' });
  }
  return out;
}

/** Stores a newly registered customer (validated); an id already stored is refused, never overwritten. */
export async function registerCustomer(db: Replica, doc: CustomerDoc): Promise<CustomerDoc> {
  assertValid('customers', doc);
  await db.customers.insert(doc);
  return doc;
}
