import { useEffect, useState } from 'react';
import type { CustomerDoc } from '../../../../shared/domain/schemas';
import { CONSENT_CHANNELS, type ConsentChange, type ConsentChannel, type ConsentHistory } from '../../../../shared/sync/protocol';
import type { Replica } from '../../data/replica';
import { pairedApi } from '../../sync/sync-session';
import { useSyncStore } from '../../sync/sync-store';
import { consentWho, ownDeskLabel } from './consent-who-model';

/**
 * Who changed a customer's marketing consent. The server is the authority: it records every
 * accepted consent change with the pushing device (GET /api/customers/:id/consent, never a
 * client-supplied "who"). Until this desk's own change has been pushed, the desk shows its own
 * label for it, from a note it keeps of the consent changes it made (an RxDB local document of
 * the replica, never replicated).
 */
const MARKS_DOC = 'consent-marks';
const MAX_MARKS = 2000;

interface ConsentMarks {
  /** `${customerId}:${channel}` → the consent `at` this desk wrote, oldest first. */
  marks: Record<string, string>;
}

/** Notes that this desk wrote these consent changes (after the write succeeded). */
export async function markLocalConsent(db: Replica, doc: CustomerDoc, channels: readonly ConsentChannel[]): Promise<void> {
  const stored = await db.getLocal<ConsentMarks>(MARKS_DOC);
  const changed = new Map(channels.map((ch) => [`${doc.id}:${ch}`, doc.consent[ch].at]));
  // oldest first: the changed keys move to the end, the oldest beyond MAX_MARKS are dropped
  const kept = Object.entries(stored?.toJSON().data.marks ?? {}).filter(([key]) => !changed.has(key));
  const marks = Object.fromEntries([...kept, ...changed].slice(-MAX_MARKS));
  await db.upsertLocal<ConsentMarks>(MARKS_DOC, { marks });
}

async function localMarks(db: Replica, customerId: string): Promise<Partial<Record<ConsentChannel, string>>> {
  const stored = await db.getLocal<ConsentMarks>(MARKS_DOC);
  const marks = stored?.toJSON().data.marks ?? {};
  const out: Partial<Record<ConsentChannel, string>> = {};
  for (const ch of CONSENT_CHANNELS) {
    const at = marks[`${customerId}:${ch}`];
    if (at !== undefined) out[ch] = at;
  }
  return out;
}

/** Who changed each channel's consent of `customer`, re-read whenever its consent changes. */
export function useConsentWho(db: Replica, customer: CustomerDoc): Record<ConsentChannel, string> {
  const pairing = useSyncStore((s) => s.pairing);
  const [history, setHistory] = useState<ConsentHistory | null>(null);
  const [marks, setMarks] = useState<Partial<Record<ConsentChannel, string>>>({});
  const consentKey = CONSENT_CHANNELS.map((ch) => customer.consent[ch].at).join('|');
  const active = pairing?.active === true;
  useEffect(() => {
    let live = true;
    const abort = new AbortController();
    void localMarks(db, customer.id).then((m) => live && setMarks(m), () => undefined);
    const api = active ? pairedApi() : null;
    // offline or refused: the desk shows what it knows itself
    api?.consentHistory(customer.id, abort.signal).then(
      (h) => live && setHistory(h),
      () => undefined,
    );
    return () => {
      live = false;
      abort.abort();
    };
  }, [db, customer.id, consentKey, active]);
  const own = ownDeskLabel(pairing);
  const latest = (ch: ConsentChannel): ConsentChange | null => (active && history !== null && history.customer_id === customer.id ? history.latest[ch] : null);
  return {
    sms: consentWho('sms', customer, latest('sms'), marks.sms, own),
    email: consentWho('email', customer, latest('email'), marks.email, own),
    push: consentWho('push', customer, latest('push'), marks.push, own),
  };
}
