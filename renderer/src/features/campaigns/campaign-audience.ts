import type { CommunicationDoc, CustomerDoc, SegmentCriteria } from '../../../../shared/domain/schemas';
import type { CommunicationChannel } from '../../../../shared/domain/types';
import { assignGroup } from '../../../../shared/insights/assignment';
import { buildAudience, lastMarketingContact, previewAudience, type Audience, type AudiencePreview } from '../../../../shared/insights/audience';
import type { CustomerView } from '../../../../shared/insights/customer-view';
import { segmentMembers } from '../../../../shared/insights/segment';
import { placeholderValues, renderTemplate } from '../../../../shared/domain/template';
import { csvLine } from '../../../../shared/csv/table';
import { formatMoney } from '../../../../shared/money';
import { spreadsheetSafe } from '../customers/model';

export interface AudienceResult {
  /** Segment members before the campaign rules. */
  members: number;
  audience: Audience<CustomerView>;
  preview: AudiencePreview;
}

/**
 * Who the campaign would reach now: the segment's members at the branch, then the audience
 * rules (consent on the channel with an address, no future booking, no marketing message within
 * the frequency cap), split between variants and the holdout.
 */
export function campaignAudience(input: {
  campaign: { id: string; channel: CommunicationChannel; variants: readonly { key: string }[]; holdout_pct: number };
  criteria: SegmentCriteria;
  views: readonly CustomerView[];
  today: number;
  communications: Iterable<CommunicationDoc>;
  capDays: number;
  nowMs: number;
}): AudienceResult {
  const members = segmentMembers(input.criteria, input.views, input.today);
  const audience = buildAudience({
    channel: input.campaign.channel,
    members,
    lastContact: lastMarketingContact(input.communications, input.campaign.id),
    capDays: input.capDays,
    nowMs: input.nowMs,
  });
  return { members: members.length, audience, preview: previewAudience(input.campaign, audience) };
}

/** The customer a message preview is shown for: the first recipient by name, else the first member. */
export function sampleCustomer(recipients: readonly CustomerView[]): CustomerView | null {
  let best: CustomerView | null = null;
  for (const v of recipients) if (best === null || v.customer.name.localeCompare(best.customer.name) < 0) best = v;
  return best;
}

/** A template rendered for one customer ('' when it has problems: the editor shows them instead). */
export function previewMessage(template: string, customer: Pick<CustomerDoc, 'name'>, lastVisitDate: string | null, branchName: string, offer: string): string {
  try {
    return renderTemplate(template, placeholderValues({ customerName: customer.name, branchName, lastVisitDate, offer }));
  } catch {
    return '';
  }
}

const AUDIENCE_CSV_COLUMNS = ['customer_id', 'name', 'phone', 'email', 'group', 'message', 'status', 'last_visit_date', 'total_spent'] as const;

/**
 * The audience as CSV (header, CRLF): each recipient with their group (variant or holdout) and
 * the message they would get (empty for the holdout). Text a spreadsheet would run is escaped.
 */
export function audienceCsv(input: {
  campaign: { id: string; variants: readonly { key: string; message: string }[]; holdout_pct: number; offer: string };
  recipients: readonly CustomerView[];
  branchName: string;
}): string {
  const keys = input.campaign.variants.map((v) => v.key);
  const templates = new Map(input.campaign.variants.map((v) => [v.key, v.message]));
  const lines = [AUDIENCE_CSV_COLUMNS.join(',')];
  for (const v of input.recipients) {
    const c = v.customer;
    const group = assignGroup(input.campaign.id, c.id, keys, input.campaign.holdout_pct);
    const template = templates.get(group);
    const message = template === undefined ? '' : previewMessage(template, c, v.activity?.last_visit_date ?? null, input.branchName, input.campaign.offer);
    lines.push(
      csvLine([
        spreadsheetSafe(c.id),
        spreadsheetSafe(c.name),
        /^\+\d+$/.test(c.phone) ? c.phone : spreadsheetSafe(c.phone),
        spreadsheetSafe(c.email),
        group,
        spreadsheetSafe(message),
        v.activity?.status ?? '',
        v.activity?.last_visit_date ?? '',
        formatMoney(v.activity?.total_spent ?? 0),
      ]),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}
