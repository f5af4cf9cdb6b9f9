import type { CommunicationDoc, CustomerDoc } from '../../../../shared/domain/schemas';
import { eraseCommunication, eraseCustomer } from '../../../../shared/privacy/erase';

export interface ErasePlan {
  customer: CustomerDoc;
  /** The customer's messages that change (text blanked; unsent ones cancelled). */
  communications: CommunicationDoc[];
}

/**
 * What erasing a customer writes: the anonymised customer document (same id: bookings and
 * totals stay, anonymously) and each of their communications that still holds personal data.
 */
export function erasePlan(customer: CustomerDoc, communications: Iterable<CommunicationDoc>, nowMs: number): ErasePlan {
  const at = new Date(nowMs).toISOString();
  const changed: CommunicationDoc[] = [];
  for (const c of communications) {
    if (c.customer_id !== customer.id) continue;
    const erased = eraseCommunication(c, at);
    if (erased !== null) changed.push(erased);
  }
  return { customer: eraseCustomer(customer, at), communications: changed };
}

/** The typed confirmation the erase dialog asks for. */
export const ERASE_WORD = 'ERASE';

export function confirmationMatches(typed: string): boolean {
  return typed.trim().toUpperCase() === ERASE_WORD;
}

/** `customer-data-cu-123-2026-03-02.json`: only characters every file system accepts. */
export function exportFileName(customerId: string, date: string): string {
  const id = customerId.replace(/[^A-Za-z0-9_-]+/g, '-').slice(0, 60);
  return `customer-data-${id}-${date}.json`;
}
