/**
 * Document upgrades between schema versions: one source for the desk's RxDB migration
 * strategies and the server's data migration, so both sides hold identical documents after an
 * upgrade (the three-way merge compares the desk's assumed master state with the server's).
 * Fields the upgrade does not know (RxDB's `_meta`, `_rev`, `_deleted`…) are kept as they are.
 */
import { coerceCriteria } from './criteria';
import type { CollectionName } from './schemas';

type Doc = Record<string, unknown>;

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** Version 0 → 1 of one document (collections without changes come back unchanged). */
export function upgradeV0toV1(collection: CollectionName, doc: Doc): Doc {
  switch (collection) {
    case 'customers':
      return { ...doc, preferred_staff: str(doc.preferred_staff), allergies: str(doc.allergies) };
    case 'communications':
      return {
        ...doc,
        variant: '',
        trigger_key: '',
        direction: 'outbound',
        attempts: 0,
        next_attempt_at: '',
      };
    case 'campaigns': {
      const { message, criteria, ...rest } = doc;
      return {
        ...rest,
        kind: 'manual',
        segment_id: '',
        criteria: coerceCriteria(criteria),
        variants: [{ key: 'A', message: str(message) }],
        holdout_pct: 0,
        offer: '',
        sent_at: '',
      };
    }
    default:
      return doc;
  }
}

/** Version 1 → 2 of one document: bookings get their (empty) list of corrections. */
export function upgradeV1toV2(collection: CollectionName, doc: Doc): Doc {
  if (collection === 'bookings') return { ...doc, amendments: Array.isArray(doc.amendments) ? doc.amendments : [] };
  return doc;
}

/** Version 2 → 3 of one document: bookings are outside any recurring series. */
export function upgradeV2toV3(collection: CollectionName, doc: Doc): Doc {
  if (collection === 'bookings') return { ...doc, series: doc.series === undefined ? null : doc.series };
  return doc;
}

/**
 * Version 3 → 4 of one document: segment and campaign criteria gain the prediction and cadence
 * filters, unset (read leniently with `coerceCriteria`, which also keeps every known field);
 * bookings are not paid yet (checkout, shared/schedule/payment.ts), and every correction they
 * carry left the payment as it was.
 */
export function upgradeV3toV4(collection: CollectionName, doc: Doc): Doc {
  if (collection === 'segments' || collection === 'campaigns') return { ...doc, criteria: coerceCriteria(doc.criteria) };
  if (collection !== 'bookings') return doc;
  const amendments = Array.isArray(doc.amendments) ? (doc.amendments as Doc[]) : [];
  return {
    ...doc,
    payment: doc.payment === undefined ? null : doc.payment,
    amendments: amendments.map((a) => {
      const before = a.before !== null && typeof a.before === 'object' ? (a.before as Doc) : {};
      return { ...a, payment: a.payment === undefined ? null : a.payment, before: { ...before, payment: before.payment === undefined ? null : before.payment } };
    }),
  };
}
