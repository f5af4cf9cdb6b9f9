import type { CommunicationDoc, CustomerDoc } from '../../../../shared/domain/schemas';
import type { DeskData } from '../../data/desk-data';
import { assertValid, bulkWriteError } from '../../data/write-errors';
import { erasePlan } from './erase-plan';
import { recordAudit } from '../../data/team';

/**
 * Erases a customer on this desk: the anonymised document replaces theirs (same id, so bookings
 * and totals still count, anonymously) and their messages lose their text (unsent ones are
 * cancelled). Both sync to the server and every desk, where the erased side wins every merge.
 * The desk's search index and derived data follow the change stream: the name, phone and email
 * are gone from search at once. Everything is checked before the first write; erasing again is
 * harmless (and finishes an erasure that stopped half-way).
 */
export async function eraseCustomerOnDesk(desk: DeskData, customerId: string, nowMs: number): Promise<{ messages: number }> {
  const doc = await desk.db.customers.findOne(customerId).exec();
  if (doc === null) throw new Error(`There is no customer “${customerId}” on this desk`);
  const comms = await desk.db.communications.find({ selector: { customer_id: customerId } }).exec();
  const plan = erasePlan(doc.toJSON() as CustomerDoc, comms.map((c) => c.toJSON() as CommunicationDoc), nowMs);
  const stored = new Map(comms.map((c) => [c.id, c.toJSON() as CommunicationDoc]));
  assertValid('customers', plan.customer, doc.toJSON(), nowMs);
  for (const c of plan.communications) assertValid('communications', c, stored.get(c.id), nowMs);
  await desk.db.customers.upsert(plan.customer);
  if (plan.communications.length > 0) {
    const result = await desk.db.communications.bulkUpsert(plan.communications);
    if (result.error.length > 0) throw bulkWriteError('communications', result.error);
  }
  const branchId = desk.currentBranch?.id;
  // the log keeps no name of an erased customer: only its id and who erased it
  if (branchId !== undefined) await recordAudit(desk.db, branchId, 'erase', 'customer', customerId, 'Customer erased (personal data removed)', nowMs);
  return { messages: plan.communications.length };
}
