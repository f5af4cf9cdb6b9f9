import type { CustomerDoc } from '../../../shared/domain/schemas';
import type { PreferredContact } from '../../../shared/domain/types';
import { deriveCustomerId } from '../../../shared/domain/contact';
import type { Replica } from './replica';
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
 * The document to store for new or edited customer details. Consent per channel records when it
 * was given or withdrawn: `opted_in_marketing` applies to the channel of contact (all channels
 * when no preferred channel), and a change of consent is stamped with the time.
 */
export function customerDoc(
  input: CustomerInput,
  context: { id: string; branchId: string; nowMs: number; existing?: CustomerDoc },
): CustomerDoc {
  const now = new Date(context.nowMs).toISOString();
  const base = context.existing;
  const consent = structuredClone(
    base?.consent ?? { sms: { granted: false, at: '' }, email: { granted: false, at: '' }, push: { granted: false, at: '' } },
  );
  for (const channel of ['sms', 'email', 'push'] as const) {
    const granted = input.opted_in_marketing && (input.preferred_contact === channel || input.preferred_contact === 'none');
    if (consent[channel].granted !== granted || (granted && consent[channel].at === '')) consent[channel] = { granted, at: now };
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
    preferences: base?.preferences ?? '',
    preferred_staff: base?.preferred_staff ?? '',
    allergies: base?.allergies ?? '',
    home_branch_id: base?.home_branch_id || context.branchId,
    registered_branch_id: base?.registered_branch_id ?? context.branchId,
    referred_by: base?.referred_by ?? '',
    follow_up_date: base?.follow_up_date ?? '',
    created_at: base?.created_at ?? now,
    updated_at: now,
    erased_at: base?.erased_at ?? '',
  };
  assertValid('customers', doc);
  return doc;
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

/** Stores a validated customer document (new or replacing the stored one). */
export async function saveCustomer(db: Replica, doc: CustomerDoc): Promise<CustomerDoc> {
  assertValid('customers', doc);
  await db.customers.upsert(doc);
  return doc;
}
