/**
 * A campaign turned into communications (the outbox): one document per audience member, with
 * its group's message rendered for that customer; holdout members get a `held` record with no
 * message (measured, never sent). Ids are derived from (campaign, customer), so queuing the same
 * campaign twice creates nothing new. Every template is checked first: an unknown placeholder
 * rejects the whole campaign before anything is produced.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { utf8ToBytes } from '@noble/hashes/utils.js';
import { LIMITS, type CampaignDoc, type CommunicationDoc } from '../domain/schemas';
import { truncateText } from '../domain/string-rules';
import { assignGroup, HOLDOUT_KEY } from './assignment';
import type { CustomerView } from './customer-view';
import { CAMPAIGN_PLACEHOLDERS, placeholderValues, renderTemplate, templateProblems, TemplateError } from '../domain/template';

/** Purpose recorded on campaign messages. */
export const CAMPAIGN_PURPOSE = 'campaign';

function base64url(bytes: Uint8Array): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = ((bytes[i] as number) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = Math.min(4, Math.ceil(((bytes.length - i) * 8) / 6));
    for (let j = 0; j < chars; j += 1) out += alphabet[(n >> (18 - 6 * j)) & 63];
  }
  return out;
}

/** Deterministic communication id of a customer's message in a campaign (`cm-` + 22 chars). */
function campaignMessageId(campaignId: string, customerId: string): string {
  return `cm-${base64url(sha256(utf8ToBytes(`campaign\u0000${campaignId}\u0000${customerId}`)).slice(0, 16))}`;
}

/** Problems of every variant's template (field `variants.N.message`); empty when all render. */
export function campaignTemplateProblems(campaign: Pick<CampaignDoc, 'variants'>): { field: string; message: string }[] {
  const out: { field: string; message: string }[] = [];
  campaign.variants.forEach((v, i) => {
    for (const p of templateProblems(v.message, CAMPAIGN_PLACEHOLDERS)) out.push({ field: `variants.${i}.message`, message: p.message });
  });
  return out;
}

export interface CampaignMessagesInput {
  campaign: Pick<CampaignDoc, 'id' | 'branch_id' | 'channel' | 'variants' | 'holdout_pct' | 'offer'>;
  /** The audience (`buildAudience(...).recipients`). */
  recipients: readonly CustomerView[];
  /** The branch the messages are sent from (its name fills `{branch}`). */
  branch: { id: string; name: string };
  /** Instant the campaign is queued (ISO 8601): every message's `at`. */
  at: string;
}

/** The outbox documents of a campaign; throws TemplateError (nothing produced) on a bad template. */
export function campaignCommunications(input: CampaignMessagesInput): CommunicationDoc[] {
  const { campaign, branch, at } = input;
  const problems = campaignTemplateProblems(campaign);
  if (problems.length > 0) throw new TemplateError(problems.map((p) => ({ at: 0, message: `${p.field}: ${p.message}` })));
  const keys = campaign.variants.map((v) => v.key);
  const messages = new Map(campaign.variants.map((v) => [v.key, v.message]));
  return input.recipients.map((view) => {
    const customer = view.customer;
    const group = assignGroup(campaign.id, customer.id, keys, campaign.holdout_pct);
    const held = group === HOLDOUT_KEY;
    const message = held
      ? ''
      : renderTemplate(
          messages.get(group) as string,
          placeholderValues({ customerName: customer.name, branchName: branch.name, lastVisitDate: view.activity?.last_visit_date ?? null, offer: campaign.offer }),
        );
    return {
      id: campaignMessageId(campaign.id, customer.id),
      customer_id: customer.id,
      branch_id: branch.id,
      channel: campaign.channel,
      purpose: CAMPAIGN_PURPOSE,
      status: held ? 'held' : 'queued',
      message: truncateText(message, LIMITS.message),
      at,
      campaign_id: campaign.id,
      variant: group,
      trigger_key: '',
      direction: 'outbound',
      attempts: 0,
      next_attempt_at: '',
      error: '',
      updated_at: at,
    };
  });
}
