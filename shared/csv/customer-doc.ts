/**
 * The customer document for an imported CSV row, merged with what is already stored: the same
 * mapping for the desk's import and the server's. The CSV carries the person and the marketing
 * flag; what only the desk records (consent history, care details, referrals, follow-up) is kept,
 * and tags, notes and preferences are kept when the row leaves them empty. An erased customer is
 * never brought back: the stored document is returned unchanged.
 */
import type { CustomerDoc } from '../domain/schemas';
import type { Customer } from '../domain/types';

export function importedCustomerDoc(c: Customer, existing: CustomerDoc | undefined): CustomerDoc {
  if (existing !== undefined && existing.erased_at !== '') return existing;
  const channel = (ch: 'sms' | 'email' | 'push') => ({ granted: c.opted_in_marketing && c.preferred_contact === ch, at: '' });
  return {
    id: c.id,
    name: c.name,
    phone: c.phone,
    email: c.email,
    birthday: c.birthday,
    opted_in_marketing: c.opted_in_marketing,
    preferred_contact: c.preferred_contact,
    consent: existing?.consent ?? { sms: channel('sms'), email: channel('email'), push: channel('push') },
    tags: c.tags.length > 0 ? c.tags : (existing?.tags ?? []),
    notes: c.notes !== '' ? c.notes : (existing?.notes ?? ''),
    preferences: c.preferences !== '' ? c.preferences : (existing?.preferences ?? ''),
    preferred_staff: existing?.preferred_staff ?? '',
    allergies: existing?.allergies ?? '',
    home_branch_id: c.home_branch_id,
    registered_branch_id: existing?.registered_branch_id ?? '',
    referred_by: existing?.referred_by ?? '',
    follow_up_date: existing?.follow_up_date ?? '',
    created_at: c.created_at,
    updated_at: existing?.updated_at ?? '',
    erased_at: '',
  };
}
