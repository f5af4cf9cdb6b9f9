import { useEffect, useMemo, useState } from 'react';
import type { BookingDoc, CommunicationDoc } from '../../../../shared/domain/schemas';
import { confirmationOf, type Confirmation } from '../../../../shared/schedule/reminders';
import { useDesk } from '../../data/hooks';

const NONE: ReadonlyMap<string, Confirmation> = new Map();

/**
 * What customers replied to the reminders of these bookings (the server records replies as
 * inbound communications, which sync like every communication): booking id → its confirmation
 * for the booking's current start (shared/schedule/reminders.ts `confirmationOf`).
 */
export function useConfirmations(bookings: readonly BookingDoc[] | null): ReadonlyMap<string, Confirmation> {
  const desk = useDesk();
  const customers = useMemo(() => [...new Set((bookings ?? []).map((b) => b.customer_id))].sort(), [bookings]);
  const key = customers.join('\u0000');
  const [replies, setReplies] = useState<{ key: string; docs: CommunicationDoc[] }>({ key: '', docs: [] });
  useEffect(() => {
    if (key === '') return undefined;
    const subscription = desk.db.communications
      .find({ selector: { customer_id: { $in: key.split('\u0000') }, direction: 'inbound' } })
      .$.subscribe((docs) => setReplies({ key, docs: docs.map((d) => d.toJSON() as CommunicationDoc) }));
    return () => subscription.unsubscribe();
  }, [desk, key]);
  return useMemo(() => {
    if (bookings === null || replies.key !== key || replies.docs.length === 0) return NONE;
    const out = new Map<string, Confirmation>();
    for (const b of bookings) {
      const c = confirmationOf(b, replies.docs);
      if (c !== null) out.set(b.id, c);
    }
    return out;
  }, [bookings, replies, key]);
}
