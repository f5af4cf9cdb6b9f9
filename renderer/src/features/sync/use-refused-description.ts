import { useEffect, useState } from 'react';
import { parseInstant } from '../../../../shared/time/instant';
import type { DeskData } from '../../data/desk-data';
import { useDesk } from '../../data/hooks';
import { deskTimeZone } from '../../data/session';
import type { RefusedDoc } from '../../sync/refused-store';
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
  // the server's message names the customer itself ('customer "cu-1" was erased')
  customer_id: '',
};

const when = (timeZone: string) => new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone });

/** "the date and time must be within 5 years of today" from a field and the server's message. */
export function reasonText(field: string, message: string): string {
  const words = field === '' ? '' : (FIELD_WORDS[field] ?? field);
  return `${words === '' ? '' : `${words} `}${message}`;
}

/**
 * A document in words a receptionist recognises ("Siobhán Tane’s booking on 10 May 2032, 10:00",
 * "customer Ana Cruz") instead of its id, read from the local replica (`fallback`: the refused
 * state, for a document no longer stored).
 */
export async function describeDocument(desk: DeskData, collection: string, id: string, fallback?: Record<string, unknown>): Promise<string> {
  if (collection === 'bookings') {
    const stored = await desk.db.bookings.findOne(id).exec();
    const booking = (stored?.toJSON() as Record<string, unknown> | undefined) ?? fallback;
    if (booking !== undefined) {
      const customer = desk.customers.get(String(booking.customer_id));
      const name = customer === undefined ? 'a customer' : customer.erased_at !== '' ? 'an erased customer' : customer.name || 'a customer';
      const ms = typeof booking.start_at === 'string' ? parseInstant(booking.start_at) : null;
      return `${name}’s booking${ms === null ? '' : ` on ${when(deskTimeZone(desk)).format(ms)}`}`;
    }
  }
  if (collection === 'customers') {
    const customer = desk.customers.get(id);
    const name = customer?.name ?? (typeof fallback?.name === 'string' ? fallback.name : '');
    if (name !== '') return `customer ${name}`;
  }
  if (collection === 'communications') {
    const customerId = typeof fallback?.customer_id === 'string' ? fallback.customer_id : '';
    const name = desk.customers.get(customerId)?.name;
    if (name !== undefined) return `a message to ${name}`;
  }
  if (collection === 'campaigns' && typeof fallback?.name === 'string' && fallback.name !== '') return `campaign “${fallback.name}”`;
  if (collection === 'segments' && typeof fallback?.name === 'string' && fallback.name !== '') return `segment “${fallback.name}”`;
  return `${collection} ${id}`;
}

/** One parked document in words ("Siobhán Tane’s booking on …: the date and time must be …"); null while reading. */
export function useRefusedDocText(doc: RefusedDoc | undefined): string | null {
  const desk = useDesk();
  const [described, setDescribed] = useState<{ doc: RefusedDoc; text: string } | null>(null);
  useEffect(() => {
    let live = true;
    if (doc === undefined) return;
    void describeDocument(desk, doc.collection, doc.id, doc.refused).then((what) => {
      if (live) setDescribed({ doc, text: `${what}: ${reasonText(doc.field, doc.message)}` });
    });
    return () => {
      live = false;
    };
  }, [desk, doc]);
  return doc !== undefined && described?.doc === doc ? described.text : null;
}

/**
 * The first refused change in words — a parked document, else a collection held back by a
 * refusal naming a document — read from the local replica; null when nothing is refused.
 */
export function useRefusedDescription(): string | null {
  const desk = useDesk();
  const parked = useSyncStore((s) => s.status.refused[0]);
  const parkedText = useRefusedDocText(parked);
  const refused = useSyncStore((s) => Object.values(s.status.rejected).find((p): p is SyncProblem => p?.document !== undefined) ?? null);
  const [described, setDescribed] = useState<{ doc: SyncProblem['document']; text: string } | null>(null);
  const doc = refused?.document;
  useEffect(() => {
    let live = true;
    if (doc === undefined) return;
    void describeDocument(desk, doc.collection, doc.id).then((what) => {
      if (live) setDescribed({ doc, text: `${what}: ${reasonText(doc.field, doc.message)}` });
    });
    return () => {
      live = false;
    };
  }, [desk, doc]);
  if (doc !== undefined) return described?.doc === doc ? described.text : null;
  return parkedText;
}
