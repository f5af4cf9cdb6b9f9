/**
 * Customer checks that need stored state: scope (linked to the desk's branch, or proof that the
 * desk knows the person — the id derived from the pushed phone/email with the organisation
 * secret), branch references, and contact fields that changed.
 */
import type { CustomerDoc } from '../../shared/domain/schemas';
import { deriveCustomerId, normaliseEmail } from '../../shared/domain/contact';
import { customerContactProblems } from '../../shared/domain/validate';
import type { ErrorDetail } from '../../shared/sync/protocol';
import { phoneKey } from '../store/tables';

/** True when the customer id is the one a desk derives from the document's phone or email. */
export function isDerivedId(secret: string, doc: Pick<CustomerDoc, 'id' | 'phone' | 'email'>): boolean {
  const email = normaliseEmail(doc.email);
  const byPhone = doc.phone !== '' ? deriveCustomerId(secret, phoneKey(doc.phone), '') : null;
  const byEmail = email.ok && email.email !== '' ? deriveCustomerId(secret, '', email.email) : null;
  return doc.id === byPhone || doc.id === byEmail;
}

/** Contact and date fields of a customer that are new or changed compared with the master (the shared rule). */
export function customerFieldProblems(doc: CustomerDoc, master: CustomerDoc | undefined, todayDay: number): Omit<ErrorDetail, 'document' | 'collection'>[] {
  return customerContactProblems(doc, master, todayDay);
}
