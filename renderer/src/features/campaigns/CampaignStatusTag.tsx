import type { CampaignStatus, CommunicationStatus } from '../../../../shared/domain/types';
import { DELIVERY_LABELS } from './delivery';

const CAMPAIGN_LABELS: Record<CampaignStatus, string> = { draft: 'Draft', queued: 'Queued', sending: 'Sending', sent: 'Sent', cancelled: 'Cancelled' };

export function CampaignStatusTag({ status }: { status: CampaignStatus }) {
  return <span className={`dstatus dstatus-${status}`}>{CAMPAIGN_LABELS[status]}</span>;
}

/** A message's delivery status as a small tag (queued, sending, sent, failed…). */
export function DeliveryTag({ status }: { status: CommunicationStatus }) {
  return <span className={`dstatus dstatus-${status}`}>{DELIVERY_LABELS[status]}</span>;
}
