/**
 * Customer checks that need stored state: scope (linked to the desk's branch, or proof that the
 * desk knows the person — the id derived from the pushed phone/email with the organisation
 * secret), branch references, and contact fields that changed.
 */
import type { CustomerDoc } from '../../shared/domain/schemas';
import { deriveCustomerId, normaliseEmail } from '../../shared/domain/contact';
import { parseDay } from '../../shared/time/calendar';
import type { ErrorDetail } from '../../shared/sync/protocol';
import { phoneKey } from '../store/tables';

const E164 = /^\+[1-9]\d{5,14}$/;

/** True when the customer id is the one a desk derives from the document's phone or email. */
export function isDerivedId(secret: string, doc: Pick<CustomerDoc, 'id' | 'phone' | 'email'>): boolean {
  const email = normaliseEmail(doc.email);
  const byPhone = doc.phone !== '' ? deriveCustomerId(secret, phoneKey(doc.phone), '') : null;
  const byEmail = email.ok && email.email !== '' ? deriveCustomerId(secret, '', email.email) : null;
  return doc.id === byPhone || doc.id === byEmail;
}

/** Contact and date fields of a customer that are new or changed compared with the master. */
export function customerFieldProblems(doc: CustomerDoc, master: CustomerDoc | undefined, todayDay: number): Omit<ErrorDetail, 'document' | 'collection'>[] {
  const problems: Omit<ErrorDetail, 'document' | 'collection'>[] = [];
  const changed = (f: keyof CustomerDoc) => master === undefined || master[f] !== doc[f];
  if (changed('phone') && doc.phone !== '' && !E164.test(doc.phone)) {
    problems.push({ field: 'phone', message: 'must be a normalised E.164 number like +639171234567' });
  }
  if (changed('email') && doc.email !== '' && !normaliseEmail(doc.email).ok) {
    problems.push({ field: 'email', message: 'is not an email address' });
  }
  if (changed('birthday') && doc.birthday !== '') {
    const day = parseDay(doc.birthday);
    if (day !== null && (day > todayDay || doc.birthday < '1900-01-01')) {
      problems.push({ field: 'birthday', message: 'must be a past date after 1900' });
    }
  }
  return problems;
}
