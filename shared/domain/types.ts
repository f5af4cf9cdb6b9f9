/** Domain vocabulary shared by the renderer, the server and the CLI. */

export const BOOKING_STATUSES = ['scheduled', 'checked_in', 'completed', 'cancelled', 'no_show'] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];

export const CONTACT_CHANNELS = ['sms', 'email', 'push', 'none'] as const;
export type PreferredContact = (typeof CONTACT_CHANNELS)[number];

export const CUSTOMER_STATUSES = ['new', 'active', 'win_back', 'at_risk', 'churned'] as const;
export type CustomerStatus = (typeof CUSTOMER_STATUSES)[number];

export const SPENDING_TIERS = ['vip', 'high', 'medium', 'low', 'none'] as const;
export type SpendingTier = (typeof SPENDING_TIERS)[number];

export const FREQUENCY_TIERS = ['frequent', 'regular', 'occasional', 'one_time', 'none'] as const;
export type FrequencyTier = (typeof FREQUENCY_TIERS)[number];

export const COMMUNICATION_CHANNELS = ['sms', 'email', 'phone', 'in_person', 'push'] as const;
export type CommunicationChannel = (typeof COMMUNICATION_CHANNELS)[number];

/**
 * `queued`: in the outbox, waiting for the server's delivery worker; `sending`: the worker is
 * handing it to a provider; `sent`/`delivered`/`failed`: the outcome (`failed` may be retried,
 * see `next_attempt_at`); `logged`: a contact recorded by hand (call, visit); `held`: a campaign's
 * holdout member, recorded for the report, never sent; `cancelled`: withdrawn before sending
 * (consent withdrawn, customer erased).
 */
export const COMMUNICATION_STATUSES = ['queued', 'sending', 'sent', 'delivered', 'failed', 'logged', 'held', 'cancelled'] as const;
export type CommunicationStatus = (typeof COMMUNICATION_STATUSES)[number];

export const COMMUNICATION_DIRECTIONS = ['outbound', 'inbound'] as const;
export type CommunicationDirection = (typeof COMMUNICATION_DIRECTIONS)[number];

export const CAMPAIGN_STATUSES = ['draft', 'queued', 'sending', 'sent', 'cancelled'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

export const CAMPAIGN_KINDS = ['manual', 'automated'] as const;

export interface Branch {
  id: string;
  name: string;
  timezone: string;
  /** Branch override of the business default, `null` when not set. */
  active_days: number | null;
  at_risk_days: number | null;
}

export interface Customer {
  id: string;
  name: string;
  /** E.164 (`+639171234567`) or empty. */
  phone: string;
  email: string;
  /** `YYYY-MM-DD` or empty. */
  birthday: string;
  opted_in_marketing: boolean;
  preferred_contact: PreferredContact;
  tags: string[];
  notes: string;
  preferences: string;
  /** Empty when the customer has no home branch. */
  home_branch_id: string;
  /** Instant (ISO 8601) or empty when unknown (legacy imports). */
  created_at: string;
}

export interface Booking {
  id: string;
  customer_id: string;
  branch_id: string;
  service: string;
  staff: string;
  /** Instant, ISO 8601 with an offset or Z. */
  start_at: string;
  status: BookingStatus;
  /** Integer cents. */
  price: number;
}

/** Statuses a booking may move to from each status: forward only. */
export const BOOKING_TRANSITIONS: Record<BookingStatus, readonly BookingStatus[]> = {
  scheduled: ['checked_in', 'completed', 'cancelled', 'no_show'],
  checked_in: ['completed', 'cancelled', 'no_show'],
  completed: [],
  cancelled: [],
  no_show: [],
};

/** The statuses a finished visit can have, and a correction can set. */
export const FINAL_BOOKING_STATUSES = ['completed', 'cancelled', 'no_show'] as const;
export type FinalBookingStatus = (typeof FINAL_BOOKING_STATUSES)[number];

/** Who made a correction: the pairing's role, or `desk` for a desk that is not paired (its owner). */
export const CORRECTION_ROLES = ['desk', 'front_desk', 'manager', 'hq'] as const;
export type CorrectionRole = (typeof CORRECTION_ROLES)[number];

/** How a visit was paid: each tender is one of these (shared/schedule/payment.ts). */
export const TENDER_METHODS = ['cash', 'card', 'other'] as const;
export type TenderMethod = (typeof TENDER_METHODS)[number];

/** A discount is an amount (in minor units) or a whole percentage of the price before it. */
export const DISCOUNT_KINDS = ['amount', 'percent'] as const;
export type DiscountKind = (typeof DISCOUNT_KINDS)[number];

export function isTerminalStatus(status: BookingStatus): boolean {
  return BOOKING_TRANSITIONS[status].length === 0;
}
