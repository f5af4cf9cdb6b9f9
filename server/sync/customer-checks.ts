/**
 * Customer checks that need stored state: branch references and contact fields that changed
 * (scope, and the proof that a desk knows a person, are server/authz/'s).
 */
import type { CustomerDoc } from '../../shared/domain/schemas';
import { customerContactProblems } from '../../shared/domain/validate';
import type { ErrorDetail } from '../../shared/sync/protocol';

/** Contact and date fields of a customer that are new or changed compared with the master (the shared rule). */
export function customerFieldProblems(doc: CustomerDoc, master: CustomerDoc | undefined, todayDay: number): Omit<ErrorDetail, 'document' | 'collection'>[] {
  return customerContactProblems(doc, master, todayDay);
}
