/**
 * Document schemas: one source for the renderer's RxDB collections, the server's push
 * validation and the importers. Written with TypeBox, which yields plain JSON Schema *and* the
 * TypeScript types, and validates by interpretation (no `eval`, so it runs under a strict CSP).
 *
 * Sync-owned fields (`_deleted`, the server's stamp) are not part of these schemas. Every field
 * is required (empty string / empty array / null instead of absent) so that documents compare
 * field by field in the three-way merge and so any field can be indexed.
 */
import { Type, type Static, type TLiteral, type TUnion } from '@sinclair/typebox';
import {
  BOOKING_STATUSES,
  CAMPAIGN_KINDS,
  CORRECTION_ROLES,
  FINAL_BOOKING_STATUSES,
  DISCOUNT_KINDS,
  TENDER_METHODS,
  CAMPAIGN_STATUSES,
  COMMUNICATION_CHANNELS,
  COMMUNICATION_DIRECTIONS,
  COMMUNICATION_STATUSES,
  CONTACT_CHANNELS,
  CUSTOMER_STATUSES,
  FREQUENCY_TIERS,
  SPENDING_TIERS,
} from './types';
import { MAX_THRESHOLD_DAYS } from './settings';
import { MAX_PRICE_CENTS } from '../money';

/**
 * Bumped whenever a schema changes shape; clients send it, the server answers 426 when stale.
 * Version 1 (issue 5): customers `preferred_staff` + `allergies`; communications `variant`,
 * `trigger_key`, `attempts`, `next_attempt_at`, `direction` and the statuses sending / held /
 * cancelled; campaigns `variants`, `holdout_pct`, `segment_id`, `offer`, `kind`, `sent_at` and
 * typed `criteria` (their single `message` became the first variant); new collections
 * `segments` and `branch_settings`. `upgrade.ts` turns a version-0 document into version 1.
 * Version 2 (issue 11): bookings `amendments` (corrections of finished visits, shared/schedule/
 * corrections.ts); `upgradeV1toV2` gives every stored booking an empty list.
 * Version 3 (issue 11, item 6): bookings `series` (recurring appointments, shared/schedule/
 * recurrence.ts; null for a booking outside a series); `upgradeV2toV3` gives every stored
 * booking `series: null`.
 * Version 4 (issue 13): segment and campaign criteria on predictions and cadence —
 * `chance_from_pct` / `chance_below_pct` (chance of return), `min_predicted_value`,
 * `min_value_at_risk` (cents, next 90 days) and `overdue_for_them`; `upgradeV3toV4` reads every
 * stored criteria with `coerceCriteria`, which sets the new ones to null (no filter).
 * Also version 4 (issue 12, item 2): bookings `payment` (checkout: tenders, discount, tip;
 * shared/schedule/payment.ts; null until the visit is paid) and each amendment's `payment` and
 * `before.payment` (a manager's correction of how a visit was paid); `upgradeV3toV4` gives every
 * stored booking `payment: null` and every stored amendment `payment: null`, `before.payment: null`.
 * The collections `services` and `staff` (issue 11) were added without a bump: no existing
 * document changed shape, and a desk without them simply does not replicate them. So were
 * `members` and `audit_events` (issue 11, item 8: team passcodes and the audit trail).
 */
export const SCHEMA_VERSION = 4;

export const LIMITS = {
  id: 100,
  name: 200,
  shortText: 200,
  email: 254,
  phone: 32,
  longText: 5000,
  message: 2000,
  tags: 30,
  tag: 40,
  allergies: 1000,
  variants: 5,
  milestones: 10,
  triggerKey: 240,
  /** Corrections one booking may carry. */
  amendments: 50,
  reason: 500,
  /** Breaks in one working day of a staff member. */
  breaks: 6,
  /** Days off a staff member's document keeps. */
  daysOff: 400,
  /** Occurrences of one recurring series (shared/schedule/recurrence.ts). */
  seriesLength: 52,
  /** Tenders of one payment (a split: cash + card + …). */
  tenders: 6,
  /** A discount's reason. */
  discountReason: 200,
} as const;

/** Largest share of a campaign's audience kept as a holdout (percent). */
export const MAX_HOLDOUT_PCT = 50;
/** Longest marketing frequency cap (days). */
export const MAX_CAP_DAYS = 365;

const Id = Type.String({ minLength: 1, maxLength: LIMITS.id, pattern: '^[^\\s\\u0000]+$' });
const OptionalId = Type.String({ maxLength: LIMITS.id });
/** ISO 8601 instant with offset or Z; the exact calendar check is in domain-checks. */
const Instant = Type.String({
  maxLength: 40,
  pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}([.,]\\d{1,9})?)?(Z|z|[+-]\\d{2}(:?\\d{2})?)$',
});
const OptionalInstant = Type.Union([Type.Literal(''), Instant]);
const DateOnly = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', maxLength: 10 });
const OptionalDate = Type.Union([Type.Literal(''), DateOnly]);
const Text = (maxLength: number) => Type.String({ maxLength });
function Enum<const T extends readonly string[]>(values: T): TUnion<TLiteral<T[number]>[]> {
  return Type.Union(values.map((v) => Type.Literal(v))) as TUnion<TLiteral<T[number]>[]>;
}
const Threshold = Type.Union([Type.Integer({ minimum: 0, maximum: MAX_THRESHOLD_DAYS }), Type.Null()]);

const strict = { additionalProperties: false } as const;
const Tag = Type.String({ minLength: 1, maxLength: LIMITS.tag });
const Cents = Type.Integer({ minimum: 0, maximum: MAX_PRICE_CENTS });

export const BranchSchema = Type.Object(
  {
    id: Id,
    name: Text(LIMITS.name),
    timezone: Type.String({ minLength: 1, maxLength: 64 }),
    active_days: Threshold,
    at_risk_days: Threshold,
    /** ISO 3166 alpha-2 region for phone numbers without a country code ('' = none). */
    country: Type.String({ pattern: '^([A-Z]{2})?$', maxLength: 2 }),
    updated_at: OptionalInstant,
  },
  strict,
);

export const ConsentSchema = Type.Object(
  {
    granted: Type.Boolean(),
    /** When consent was last given or withdrawn ('' = never recorded). */
    at: OptionalInstant,
  },
  strict,
);

export const CustomerSchema = Type.Object(
  {
    id: Id,
    name: Text(LIMITS.name),
    /** E.164 or ''. */
    phone: Text(LIMITS.phone),
    email: Text(LIMITS.email),
    birthday: OptionalDate,
    opted_in_marketing: Type.Boolean(),
    preferred_contact: Enum(CONTACT_CHANNELS),
    /** Marketing consent per channel with the time it was given or withdrawn. */
    consent: Type.Object({ sms: ConsentSchema, email: ConsentSchema, push: ConsentSchema }, strict),
    tags: Type.Array(Tag, { maxItems: LIMITS.tags }),
    notes: Text(LIMITS.longText),
    /** Free-form preferences (music, drinks, how they like it done). */
    preferences: Text(LIMITS.longText),
    /** The staff member the customer asks for ('' = none), as written on bookings. */
    preferred_staff: Text(LIMITS.shortText),
    /** Allergies and sensitivities (products, materials), free text ('' = none known). */
    allergies: Text(LIMITS.allergies),
    home_branch_id: OptionalId,
    /** The branch whose desk registered the customer ('' for imports). */
    registered_branch_id: OptionalId,
    referred_by: OptionalId,
    follow_up_date: OptionalDate,
    created_at: OptionalInstant,
    updated_at: OptionalInstant,
    /** Set when the customer's personal data was erased (privacy request). */
    erased_at: OptionalInstant,
  },
  strict,
);

/**
 * How a completed visit was paid (docs/DESIGN.md §18, shared/schedule/payment.ts): the price before
 * any discount (`subtotal`), the discount (an amount, or a whole percentage of the subtotal, with a
 * reason; `amount` is what it took off, in minor units), the tip, and the tenders that paid the
 * booking's final `price` (= subtotal − discount) plus the tip. Every amount in minor units.
 */
export const PaymentSchema = Type.Object(
  {
    subtotal: Cents,
    discount: Type.Union([
      Type.Object(
        {
          kind: Enum(DISCOUNT_KINDS),
          /** The percentage for a `percent` discount (1–100), null for an `amount`. */
          percent: Type.Union([Type.Integer({ minimum: 1, maximum: 100 }), Type.Null()]),
          amount: Cents,
          reason: Type.String({ minLength: 1, maxLength: LIMITS.discountReason }),
        },
        strict,
      ),
      Type.Null(),
    ]),
    tip: Cents,
    tenders: Type.Array(Type.Object({ method: Enum(TENDER_METHODS), amount: Cents }, strict), { maxItems: LIMITS.tenders }),
    paid_at: Instant,
  },
  strict,
);

/**
 * One correction of a finished visit (shared/schedule/corrections.ts): the values it sets (null =
 * left as it was), the values before, why, who (the desk's pairing: device and role; '' on a desk
 * that is not paired) and when.
 */
export const AmendmentSchema = Type.Object(
  {
    id: Id,
    at: Instant,
    by_device: OptionalId,
    by_role: Enum(CORRECTION_ROLES),
    reason: Type.String({ minLength: 1, maxLength: LIMITS.reason }),
    price: Type.Union([Cents, Type.Null()]),
    service: Type.Union([Text(LIMITS.shortText), Type.Null()]),
    staff: Type.Union([Text(LIMITS.shortText), Type.Null()]),
    status: Type.Union([Enum(FINAL_BOOKING_STATUSES), Type.Null()]),
    /** How the visit was paid after the correction (null = left as it was). */
    payment: Type.Union([PaymentSchema, Type.Null()]),
    before: Type.Object(
      {
        price: Cents,
        service: Text(LIMITS.shortText),
        staff: Text(LIMITS.shortText),
        status: Enum(BOOKING_STATUSES),
        payment: Type.Union([PaymentSchema, Type.Null()]),
      },
      strict,
    ),
  },
  strict,
);

/**
 * A booking's place in a recurring series (shared/schedule/recurrence.ts): the series id shared by
 * its occurrences, this one's 1-based index and how many were planned ("3 of 6"). Set when the
 * series is booked, never changed afterwards (policy row bookings `series`, server/PROTOCOL.md).
 */
export const BookingSeriesSchema = Type.Object(
  {
    id: Id,
    index: Type.Integer({ minimum: 1, maximum: LIMITS.seriesLength }),
    count: Type.Integer({ minimum: 2, maximum: LIMITS.seriesLength }),
  },
  strict,
);

export const BookingSchema = Type.Object(
  {
    id: Id,
    customer_id: Id,
    branch_id: Id,
    service: Text(LIMITS.shortText),
    staff: Text(LIMITS.shortText),
    start_at: Instant,
    duration_min: Type.Integer({ minimum: 5, maximum: 24 * 60 }),
    status: Enum(BOOKING_STATUSES),
    /** Cents. */
    price: Type.Integer({ minimum: 0, maximum: MAX_PRICE_CENTS }),
    notes: Text(LIMITS.longText),
    created_at: OptionalInstant,
    updated_at: OptionalInstant,
    /** Corrections made after the visit was finished, oldest first (shared/schedule/corrections.ts). */
    amendments: Type.Array(AmendmentSchema, { maxItems: LIMITS.amendments }),
    /** The recurring series this booking is an occurrence of, or null (docs/DESIGN.md §17). */
    series: Type.Union([BookingSeriesSchema, Type.Null()]),
    /** How the visit was paid (docs/DESIGN.md §18), null until it is; only a completed visit has one. */
    payment: Type.Union([PaymentSchema, Type.Null()]),
  },
  strict,
);

export const CommunicationSchema = Type.Object(
  {
    id: Id,
    customer_id: Id,
    branch_id: Id,
    channel: Enum(COMMUNICATION_CHANNELS),
    purpose: Text(LIMITS.shortText),
    status: Enum(COMMUNICATION_STATUSES),
    message: Text(LIMITS.message),
    /** Instant the contact happened or was queued. */
    at: Instant,
    campaign_id: OptionalId,
    /** Campaign group: '' (no campaign or a single message), a variant key, or 'holdout'. */
    variant: Type.String({ maxLength: 20, pattern: '^[A-Za-z0-9_-]*$' }),
    /**
     * De-duplication key of an automated message (`at_risk:<branch>:<customer>:<date>`), unique
     * on the server; '' for everything else. Set by the server only.
     */
    trigger_key: Text(LIMITS.triggerKey),
    direction: Enum(COMMUNICATION_DIRECTIONS),
    /** Delivery attempts made by the server's outbox worker. */
    attempts: Type.Integer({ minimum: 0, maximum: 1000 }),
    /** When a failed delivery is tried again ('' = not scheduled: final, or never tried). */
    next_attempt_at: OptionalInstant,
    /** Reason of the last failure ('' when none). */
    error: Text(LIMITS.shortText),
    updated_at: OptionalInstant,
  },
  strict,
);

const Score = Type.Union([Type.Integer({ minimum: 1, maximum: 5 }), Type.Null()]);
const DayCount = Type.Union([Type.Integer({ minimum: 0, maximum: 36_500 }), Type.Null()]);
const TriState = Type.Union([Type.Boolean(), Type.Null()]);
const DateWindow = Enum(['', 'today', 'week', 'month'] as const);
const Percent = Type.Union([Type.Integer({ minimum: 0, maximum: 100 }), Type.Null()]);

/**
 * Segment criteria (shared/insights/segment.ts): every filter of the Customers list plus RFM
 * score ranges, value flags, consent, birthday / first-visit anniversary windows and future
 * bookings, and (schema 4) the pair's predictions and cadence (shared/predict/outlook.ts): chance of
 * return in [chance_from_pct, chance_below_pct) percent, predicted value and value at risk in the
 * next 90 days at least so many cents, overdue for their own cadence. Within a list any value
 * matches; filters combine with AND; null / [] / '' = no filter.
 */
export const SegmentCriteriaSchema = Type.Object(
  {
    statuses: Type.Array(Enum(CUSTOMER_STATUSES), { maxItems: CUSTOMER_STATUSES.length }),
    spending_tiers: Type.Array(Enum(SPENDING_TIERS), { maxItems: SPENDING_TIERS.length }),
    frequency_tiers: Type.Array(Enum(FREQUENCY_TIERS), { maxItems: FREQUENCY_TIERS.length }),
    tags: Type.Array(Tag, { maxItems: LIMITS.tags }),
    min_visits: Type.Union([Type.Integer({ minimum: 0, maximum: 1_000_000 }), Type.Null()]),
    /** Cents. */
    min_spent: Type.Union([Cents, Type.Null()]),
    days_since_min: DayCount,
    days_since_max: DayCount,
    rfm: Type.Object({ r_min: Score, r_max: Score, f_min: Score, f_max: Score, m_min: Score, m_max: Score }, strict),
    high_value: TriState,
    vip: TriState,
    opted_in: TriState,
    has_future_booking: TriState,
    birthday: DateWindow,
    anniversary: DateWindow,
    /** Chance of return (p_alive) at least this many percent. */
    chance_from_pct: Percent,
    /** Chance of return below this many percent ("likely to lapse": below 50). */
    chance_below_pct: Percent,
    /** Predicted value in the next 90 days at least this many cents. */
    min_predicted_value: Type.Union([Cents, Type.Null()]),
    /** Value at risk in the next 90 days at least this many cents. */
    min_value_at_risk: Type.Union([Cents, Type.Null()]),
    /** Past their own cadence's due date by more than its tolerance (true) or not (false). */
    overdue_for_them: TriState,
  },
  strict,
);

export const SegmentSchema = Type.Object(
  {
    id: Id,
    branch_id: Id,
    name: Type.String({ minLength: 1, maxLength: LIMITS.name }),
    criteria: SegmentCriteriaSchema,
    created_at: OptionalInstant,
    updated_at: OptionalInstant,
  },
  strict,
);

/** Variant keys: letters, digits, '-' or '_'; 'holdout' is reserved. */
export const VariantSchema = Type.Object(
  {
    key: Type.String({ minLength: 1, maxLength: 20, pattern: '^[A-Za-z0-9_-]+$' }),
    message: Text(LIMITS.message),
  },
  strict,
);

export const CampaignSchema = Type.Object(
  {
    id: Id,
    /** '' = every branch the author may reach. */
    branch_id: OptionalId,
    name: Text(LIMITS.name),
    kind: Enum(CAMPAIGN_KINDS),
    /** The saved segment the audience came from ('' = criteria set on the campaign itself). */
    segment_id: OptionalId,
    /** Audience criteria, copied from the segment when the campaign is queued. */
    criteria: SegmentCriteriaSchema,
    channel: Enum(COMMUNICATION_CHANNELS),
    /** Message templates, one per group (one variant = no split test). */
    variants: Type.Array(VariantSchema, { minItems: 1, maxItems: LIMITS.variants }),
    /** Percent of the audience kept as a holdout that receives nothing (0 = none). */
    holdout_pct: Type.Integer({ minimum: 0, maximum: MAX_HOLDOUT_PCT }),
    /** The text of the `{offer}` placeholder. */
    offer: Text(LIMITS.shortText),
    status: Enum(CAMPAIGN_STATUSES),
    audience_size: Type.Integer({ minimum: 0 }),
    /** When the messages were queued (the report's 30-day window starts here; '' = not yet). */
    sent_at: OptionalInstant,
    created_at: OptionalInstant,
    updated_at: OptionalInstant,
  },
  strict,
);

/**
 * A branch's insight and automation settings (id = branch_id; pushed by that branch's managers).
 * A branch without this document uses the defaults (`effectiveBranchSettings`, shared/insights/branch-settings).
 */
export const BranchSettingsSchema = Type.Object(
  {
    id: Id,
    branch_id: Id,
    auto_at_risk: Type.Boolean(),
    auto_churned: Type.Boolean(),
    auto_birthday: Type.Boolean(),
    auto_milestones: Type.Boolean(),
    message_at_risk: Text(LIMITS.message),
    message_churned: Text(LIMITS.message),
    message_birthday: Text(LIMITS.message),
    message_milestone: Text(LIMITS.message),
    /** Lifetime spend at the branch (cents, ascending) that triggers a milestone message. */
    milestones: Type.Array(Type.Integer({ minimum: 1, maximum: MAX_PRICE_CENTS }), { maxItems: LIMITS.milestones }),
    /** Nobody gets a marketing message if they had one within this many days (0 = no cap). */
    marketing_cap_days: Type.Integer({ minimum: 0, maximum: MAX_CAP_DAYS }),
    /** The text of the `{offer}` placeholder in automated messages. */
    offer: Text(LIMITS.shortText),
    /** Retention rule: anonymise customers with no visit for `retention_years` (off by default). */
    retention_enabled: Type.Boolean(),
    retention_years: Type.Integer({ minimum: 1, maximum: 100 }),
    updated_at: OptionalInstant,
  },
  strict,
);

/** A clock time of the branch's day, "HH:MM" (24 h). */
const ClockTime = Type.String({ pattern: '^([01]\\d|2[0-3]):[0-5]\\d$', maxLength: 5 });
const TimeSpan = Type.Object({ start: ClockTime, end: ClockTime }, strict);

/**
 * One service of a branch's menu (shared/schedule/services.ts). A booking picks it by name and
 * gets its duration and price by default. `price_max` null = a fixed price; else the price is
 * "from `price` to `price_max`" and `price` is the booking's default. A retired service stays for
 * the history (bookings keep its name) but is not offered for new bookings.
 */
export const ServiceSchema = Type.Object(
  {
    id: Id,
    branch_id: Id,
    name: Type.String({ minLength: 1, maxLength: LIMITS.shortText }),
    /** Menu group ("Hair", "Beard"…; '' = none). */
    category: Text(LIMITS.shortText),
    duration_min: Type.Integer({ minimum: 5, maximum: 24 * 60 }),
    price: Cents,
    price_max: Type.Union([Cents, Type.Null()]),
    active: Type.Boolean(),
    created_at: OptionalInstant,
    updated_at: OptionalInstant,
  },
  strict,
);

/** One weekday of a staff member's week: working hours and breaks ('' start and end = day off). */
export const WorkDaySchema = Type.Object(
  {
    start: Type.Union([Type.Literal(''), ClockTime]),
    end: Type.Union([Type.Literal(''), ClockTime]),
    breaks: Type.Array(TimeSpan, { maxItems: LIMITS.breaks }),
  },
  strict,
);

/**
 * A staff member of a branch and their weekly hours (shared/schedule/staff-hours.ts), in the
 * branch's local time. Bookings name staff by `name` (compared trimmed, without case). `week` is
 * Monday first; `days_off` are whole local dates (holidays, leave).
 */
export const StaffSchema = Type.Object(
  {
    id: Id,
    branch_id: Id,
    name: Type.String({ minLength: 1, maxLength: LIMITS.shortText }),
    active: Type.Boolean(),
    week: Type.Array(WorkDaySchema, { minItems: 7, maxItems: 7 }),
    days_off: Type.Array(DateOnly, { maxItems: LIMITS.daysOff }),
    created_at: OptionalInstant,
    updated_at: OptionalInstant,
  },
  strict,
);

/** How a member's passcode is stored: a slow key derivation, never the passcode (shared/team/passcode.ts). */
export const PASSCODE_KDF = 'PBKDF2-SHA256' as const;
/** Fewest PBKDF2 iterations a stored passcode may have been derived with (desk and server refuse fewer). */
export const MIN_PASSCODE_ITERATIONS = 100_000;
const Base64 = (min: number, max: number) => Type.String({ minLength: min, maxLength: max, pattern: '^[A-Za-z0-9+/]+={0,2}$' });

/** The two roles of a team member at the desk (the device's own role stays the server's). */
export const MEMBER_ROLES = ['front_desk', 'manager'] as const;

/**
 * A team member of a branch who signs in at the desk with a short passcode (docs/DESIGN.md §14).
 * Only the derived key and its salt are stored and synced; the desk checks a passcode offline.
 * Written by the branch's managers only (policy row `members`).
 */
export const MemberSchema = Type.Object(
  {
    id: Id,
    branch_id: Id,
    name: Type.String({ minLength: 1, maxLength: LIMITS.shortText }),
    role: Enum(MEMBER_ROLES),
    active: Type.Boolean(),
    passcode: Type.Object(
      {
        kdf: Type.Literal(PASSCODE_KDF),
        iterations: Type.Integer({ minimum: MIN_PASSCODE_ITERATIONS, maximum: 10_000_000 }),
        /** Per-member random salt, base64 (16 bytes). */
        salt: Base64(16, 88),
        /** The derived key, base64 (32 bytes). */
        hash: Base64(32, 88),
      },
      strict,
    ),
    created_at: OptionalInstant,
    updated_at: OptionalInstant,
  },
  strict,
);

/** What an audit record says a member did. */
export const AUDIT_ACTIONS = ['check_in', 'complete', 'no_show', 'cancel', 'correct', 'erase'] as const;

/**
 * One entry of the branch's audit trail: who (member) did what to which booking or customer,
 * when. Append-only: created by a desk of the branch, never changed or deleted (policy row
 * `audit_events`). `approved_by` names the manager whose passcode allowed a manager-only action
 * a front-desk member took ('' = none needed).
 */
export const AuditEventSchema = Type.Object(
  {
    id: Id,
    branch_id: Id,
    at: Instant,
    action: Enum(AUDIT_ACTIONS),
    subject: Enum(['booking', 'customer'] as const),
    subject_id: Id,
    /** A line for the log ("Ana Reyes · Haircut 10:00"). */
    summary: Text(LIMITS.reason),
    member_id: Id,
    member_name: Type.String({ minLength: 1, maxLength: LIMITS.shortText }),
    approved_by: OptionalId,
    approved_by_name: Text(LIMITS.shortText),
  },
  strict,
);

export type BranchDoc = Static<typeof BranchSchema>;
export type CustomerDoc = Static<typeof CustomerSchema>;
export type BookingDoc = Static<typeof BookingSchema>;
export type BookingSeries = Static<typeof BookingSeriesSchema>;
export type Payment = Static<typeof PaymentSchema>;
export type Amendment = Static<typeof AmendmentSchema>;
export type CommunicationDoc = Static<typeof CommunicationSchema>;
export type CampaignDoc = Static<typeof CampaignSchema>;
export type SegmentDoc = Static<typeof SegmentSchema>;
export type SegmentCriteria = Static<typeof SegmentCriteriaSchema>;
export type CampaignVariant = Static<typeof VariantSchema>;
export type BranchSettingsDoc = Static<typeof BranchSettingsSchema>;
export type ServiceDoc = Static<typeof ServiceSchema>;
export type StaffDoc = Static<typeof StaffSchema>;
export type WorkDay = Static<typeof WorkDaySchema>;
export type MemberDoc = Static<typeof MemberSchema>;
export type MemberRole = (typeof MEMBER_ROLES)[number];
export type AuditEventDoc = Static<typeof AuditEventSchema>;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const COLLECTION_SCHEMAS = {
  branches: BranchSchema,
  customers: CustomerSchema,
  bookings: BookingSchema,
  communications: CommunicationSchema,
  campaigns: CampaignSchema,
  segments: SegmentSchema,
  branch_settings: BranchSettingsSchema,
  services: ServiceSchema,
  staff: StaffSchema,
  members: MemberSchema,
  audit_events: AuditEventSchema,
} as const;

export type CollectionName = keyof typeof COLLECTION_SCHEMAS;

/** The document type of a collection (`CollectionDoc<'bookings'>` is `BookingDoc`). */
export type CollectionDoc<C extends CollectionName> = Static<(typeof COLLECTION_SCHEMAS)[C]>;

/** Plain JSON Schema (TypeBox's symbol keys stripped) for a collection. */
export function jsonSchemaOf(name: CollectionName): Record<string, unknown> {
  return JSON.parse(JSON.stringify(COLLECTION_SCHEMAS[name])) as Record<string, unknown>;
}
