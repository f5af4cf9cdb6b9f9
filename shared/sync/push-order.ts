import type { PushCollection } from './protocol';

/**
 * The collections a pushed document of each collection may name (the server refuses a reference
 * it does not have yet with 409 and the desk retries: server/PROTOCOL.md). A desk pushes a
 * collection only once these are sent, so a booking goes after its new customer and a campaign's
 * messages after the campaign in normal operation. Matches the server's reference table
 * (server/authz/push-authz.ts REFERENCES; a test compares them). A customer naming a customer
 * (`referred_by`) is sent in the same batch or after it, by the server's own rule.
 */
export const PUSH_AFTER: Readonly<Record<PushCollection, readonly PushCollection[]>> = {
  branches: [],
  segments: [],
  branch_settings: [],
  services: [],
  staff: [],
  members: [],
  audit_events: [],
  customers: [],
  campaigns: ['segments'],
  bookings: ['customers'],
  communications: ['customers', 'campaigns'],
};
