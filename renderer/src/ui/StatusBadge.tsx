import type { CustomerStatus, SpendingTier, FrequencyTier, BookingStatus } from '../../../shared/domain/types';
import { BOOKING_STATUS_LABELS, FREQUENCY_TIER_LABELS, SPENDING_TIER_LABELS, STATUS_LABELS, statusDetail } from '../lib/format';

/** A customer's status at a branch; with `days` it reads "At risk — last visit 21 days ago". */
export function StatusBadge({ status, days, detailed = false }: { status: CustomerStatus; days?: number | null; detailed?: boolean }) {
  return (
    <span className={`badge status-${status}`} data-status={status}>
      {detailed && days !== undefined ? statusDetail(status, days) : STATUS_LABELS[status]}
    </span>
  );
}

export function SpendingTierTag({ tier }: { tier: SpendingTier }) {
  return <span className={`tier tier-${tier}`}>{SPENDING_TIER_LABELS[tier]}</span>;
}

export function FrequencyTierTag({ tier }: { tier: FrequencyTier }) {
  return <span className={`tier tier-${tier}`}>{FREQUENCY_TIER_LABELS[tier]}</span>;
}

export function BookingStatusTag({ status }: { status: BookingStatus }) {
  return <span className={`booking-status booking-status-${status}`}>{BOOKING_STATUS_LABELS[status]}</span>;
}
