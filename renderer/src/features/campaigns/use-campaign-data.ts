import type { CampaignDoc, CommunicationDoc } from '../../../../shared/domain/schemas';
import { useCurrentBranch, useDesk } from '../../data/hooks';
import { useRxDocs } from '../segments';

/** The branch's campaigns, newest first (null while loading). */
export function useCampaigns(): CampaignDoc[] | null {
  const desk = useDesk();
  const branchId = useCurrentBranch()?.id ?? '';
  const docs = useRxDocs(() => desk.db.campaigns.find({ selector: { branch_id: branchId } }), `campaigns:${branchId}`);
  return docs === null ? null : [...docs].sort((a, b) => (a.created_at < b.created_at ? 1 : a.created_at > b.created_at ? -1 : a.id < b.id ? -1 : 1));
}

/** One campaign (undefined: not on this desk; null while loading). */
export function useCampaign(id: string): CampaignDoc | undefined | null {
  const desk = useDesk();
  const docs = useRxDocs(() => desk.db.campaigns.find({ selector: { id } }), `campaign:${id}`);
  return docs === null ? null : docs[0];
}

/** A campaign's messages (the outbox and their delivery status as the server reports it). */
export function useCampaignMessages(campaignId: string): CommunicationDoc[] | null {
  const desk = useDesk();
  return useRxDocs(() => desk.db.communications.find({ selector: { campaign_id: campaignId } }), `campaign-messages:${campaignId}`);
}

/** Outbound messages the desk holds (the frequency cap looks at the marketing ones). */
export function useOutboundMessages(): CommunicationDoc[] | null {
  const desk = useDesk();
  return useRxDocs(() => desk.db.communications.find({ selector: { direction: 'outbound' } }), 'outbound-messages');
}
