/**
 * Everything held about one customer as one JSON-serialisable bundle (subject access request):
 * the profile, bookings, communications and the computed activity per branch.
 */
import type { BookingDoc, CommunicationDoc, CustomerDoc } from '../domain/schemas';
import type { PairActivity } from '../engine/activity';
import { parseInstant } from '../time/instant';
import { compareCodePoints } from '../util/compare';

export const EXPORT_FORMAT = 'branchdesk-customer-export';
export const EXPORT_VERSION = 1;

export interface CustomerExport {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  exported_at: string;
  customer: CustomerDoc;
  bookings: BookingDoc[];
  communications: CommunicationDoc[];
  activity: PairActivity[];
}

type Stored<T> = T & { _deleted?: boolean; _meta?: unknown; _rev?: unknown; _attachments?: unknown };

function plain<T extends object>(doc: Stored<T>): T {
  const { _deleted: _d, _meta: _m, _rev: _r, _attachments: _a, ...rest } = doc;
  return rest as unknown as T;
}

function byInstant(a: string, b: string, idA: string, idB: string): number {
  const d = (parseInstant(a) ?? 0) - (parseInstant(b) ?? 0);
  return d !== 0 ? d : compareCodePoints(idA, idB);
}

/**
 * The export bundle. Only the customer's own live documents are included (deleted ones and
 * other customers' are dropped), in time order; RxDB's bookkeeping fields are removed.
 */
export function exportCustomerData(
  customer: Stored<CustomerDoc>,
  bookings: Iterable<Stored<BookingDoc>>,
  communications: Iterable<Stored<CommunicationDoc>>,
  activity: Iterable<PairActivity>,
  exportedAt: string,
): CustomerExport {
  const id = customer.id;
  const ownBookings = [...bookings].filter((b) => b.customer_id === id && b._deleted !== true).map((b) => plain(b));
  ownBookings.sort((a, b) => byInstant(a.start_at, b.start_at, a.id, b.id));
  const ownComms = [...communications].filter((c) => c.customer_id === id && c._deleted !== true).map((c) => plain(c));
  ownComms.sort((a, b) => byInstant(a.at, b.at, a.id, b.id));
  const pairs = [...activity].filter((a) => a.customer_id === id).map((a) => ({ ...a }));
  pairs.sort((a, b) => compareCodePoints(a.branch_id, b.branch_id));
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exported_at: exportedAt,
    customer: plain(customer),
    bookings: ownBookings,
    communications: ownComms,
    activity: pairs,
  };
}
