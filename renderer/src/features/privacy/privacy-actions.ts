import type { BookingDoc, CommunicationDoc, CustomerDoc } from '../../../../shared/domain/schemas';
import { exportCustomerData } from '../../../../shared/privacy/export';
import { formatDay } from '../../../../shared/time/calendar';
import type { DeskData } from '../../data/desk-data';
import { platform } from '../../platform/bridge';
import { exportFileName } from './erase-plan';

/**
 * Everything this desk holds about one customer (profile, bookings, messages, activity per
 * branch) as JSON, through the save dialog on the desktop or a download in the browser.
 */
export async function exportCustomer(desk: DeskData, customerId: string, nowMs: number): Promise<{ saved: boolean; path?: string; name: string }> {
  const customer = await desk.db.customers.findOne(customerId).exec();
  if (customer === null) throw new Error(`There is no customer “${customerId}” on this desk`);
  const [bookings, communications] = await Promise.all([
    desk.db.bookings.find({ selector: { customer_id: customerId } }).exec(),
    desk.db.communications.find({ selector: { customer_id: customerId } }).exec(),
  ]);
  const bundle = exportCustomerData(
    customer.toJSON() as CustomerDoc,
    bookings.map((b) => b.toJSON() as BookingDoc),
    communications.map((c) => c.toJSON() as CommunicationDoc),
    desk.activity.forCustomer(customerId),
    new Date(nowMs).toISOString(),
  );
  const name = exportFileName(customerId, formatDay(desk.asOfDay));
  const result = await platform.files.saveJson({ suggestedName: name, content: `${JSON.stringify(bundle, null, 2)}\n` });
  return { ...result, name };
}

export { eraseCustomerOnDesk } from './erase-customer';
