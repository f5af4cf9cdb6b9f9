import type { CampaignDoc, CommunicationDoc } from '../../../../shared/domain/schemas';
import { campaignCommunications } from '../../../../shared/insights/campaign-messages';
import type { CustomerView } from '../../../../shared/insights/customer-view';
import type { Replica } from '../../data/replica';
import { assertValid, bulkWriteError } from '../../data/write-errors';

/** Stores a campaign document (a draft, or its new status). */
export async function saveCampaign(db: Replica, doc: CampaignDoc): Promise<CampaignDoc> {
  assertValid('campaigns', doc);
  await db.campaigns.upsert(doc);
  return doc;
}

/**
 * Queues a campaign: one communication per recipient in the outbox (status `queued`; holdout
 * members a `held` record that is never sent), then the campaign as `queued` with its audience
 * size. Every message is built and validated before anything is written (an unknown placeholder
 * throws first); ids are derived from (campaign, customer), so queuing again adds nobody twice.
 * The communications sync to the server, whose outbox worker delivers them.
 */
export async function queueCampaign(
  db: Replica,
  campaign: CampaignDoc,
  recipients: readonly CustomerView[],
  branch: { id: string; name: string },
): Promise<{ queued: number; held: number; already: number }> {
  if (campaign.status !== 'queued' || campaign.sent_at === '') throw new Error('queueCampaign needs the campaign document as queued, with its sent_at');
  const at = campaign.sent_at;
  const docs: CommunicationDoc[] = campaignCommunications({ campaign, recipients, branch, at });
  for (const d of docs) assertValid('communications', d);
  assertValid('campaigns', campaign);
  const existing = await db.communications.findByIds(docs.map((d) => d.id)).exec();
  const fresh = docs.filter((d) => !existing.has(d.id));
  if (fresh.length > 0) {
    const result = await db.communications.bulkInsert(fresh);
    if (result.error.length > 0) throw bulkWriteError('communications', result.error);
  }
  await db.campaigns.upsert(campaign);
  return {
    queued: fresh.filter((d) => d.status === 'queued').length,
    held: fresh.filter((d) => d.status === 'held').length,
    already: docs.length - fresh.length,
  };
}
