import type { PushCollection } from './protocol';

/** A reference a pushed document holds to another document. */
export interface Reference {
  field: string;
  target: 'customers' | 'campaigns' | 'segments' | 'branches';
  /** `linked`: a customer linked to the device's branch; `branch`: a document of the device's branch; `exists`: any. */
  scope: 'linked' | 'branch' | 'exists';
}

/**
 * Every reference a pushed document holds, which the server checks when the document is new or
 * the field changed (server/authz/push-authz.ts): the target must exist, not be deleted, and be in
 * the scope named.
 */
export const REFERENCES: Readonly<Record<PushCollection, readonly Reference[]>> = {
  branches: [],
  customers: [
    { field: 'home_branch_id', target: 'branches', scope: 'exists' },
    { field: 'referred_by', target: 'customers', scope: 'linked' },
  ],
  bookings: [{ field: 'customer_id', target: 'customers', scope: 'linked' }],
  communications: [
    { field: 'customer_id', target: 'customers', scope: 'linked' },
    { field: 'campaign_id', target: 'campaigns', scope: 'branch' },
  ],
  campaigns: [{ field: 'segment_id', target: 'segments', scope: 'branch' }],
  segments: [],
  branch_settings: [],
  services: [],
  staff: [],
  members: [],
  audit_events: [],
};

/**
 * The collections a pushed document of each collection may name (the server refuses a reference
 * it does not have yet with 409 and the desk retries: server/PROTOCOL.md). A desk pushes a
 * collection only once these are sent, so a booking goes after its new customer and a campaign's
 * messages after the campaign in normal operation. Read from REFERENCES: every pushed collection
 * a collection refers to, other than itself (a customer naming a customer, `referred_by`, is sent
 * in the same batch or after it, by the server's own rule) and branches (a desk never creates one:
 * the server has every branch a document may name).
 */
export function pushAfter(collection: PushCollection): PushCollection[] {
  return [...new Set(REFERENCES[collection].flatMap((r) => (r.target === collection || r.target === 'branches' ? [] : [r.target])))];
}
