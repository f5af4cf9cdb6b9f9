import { useEffect, useState } from 'react';
import { parseInstant } from '../../../../shared/time/instant';
import { useDesk } from '../../data/hooks';
import { deskTimeZone } from '../../data/session';
import { useSyncStore } from '../../sync/sync-store';
import type { SyncProblem } from '../../sync/sync-status';

/** Field names as people say them (others are shown as they are). */
const FIELD_WORDS: Record<string, string> = {
  start_at: 'the date and time',
  at: 'the time',
  price: 'the price',
  phone: 'the phone number',
  email: 'the email address',
  birthday: 'the birthday',
  name: 'the name',
  status: 'the status',
};

const when = (timeZone: string) => new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone });

/**
 * The first refused change in words a receptionist recognises ("Siobhán Tane's booking on
 * 10 May 2032, 10:00: start_at must be within 5 years of today") instead of a document id, read
 * from the local replica; null when nothing is refused or the document is not found.
 */
export function useRefusedDescription(): string | null {
  const desk = useDesk();
  const refused = useSyncStore((s) => Object.values(s.status.rejected).find((p): p is SyncProblem => p?.document !== undefined) ?? null);
  const [described, setDescribed] = useState<{ doc: SyncProblem['document']; text: string } | null>(null);
  const doc = refused?.document;
  useEffect(() => {
    let live = true;
    if (doc === undefined) return;
    const what = async (): Promise<string> => {
      if (doc.collection === 'bookings') {
        const booking = await desk.db.bookings.findOne(doc.id).exec();
        if (booking !== null) {
          const name = desk.customers.get(booking.customer_id)?.name ?? 'a customer';
          const ms = parseInstant(booking.start_at);
          return `${name}’s booking${ms === null ? '' : ` on ${when(deskTimeZone(desk)).format(ms)}`}`;
        }
      }
      if (doc.collection === 'customers') {
        const customer = desk.customers.get(doc.id);
        if (customer !== undefined) return `customer ${customer.name}`;
      }
      return `${doc.collection} ${doc.id}`;
    };
    void what().then((w) => {
      const field = doc.field === '' ? '' : `${FIELD_WORDS[doc.field] ?? doc.field} `;
      if (live) setDescribed({ doc, text: `${w}: ${field}${doc.message}` });
    });
    return () => {
      live = false;
    };
  }, [desk, doc]);
  return doc !== undefined && described?.doc === doc ? described.text : null;
}
