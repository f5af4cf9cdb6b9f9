/**
 * Automated messages: trigger events turned into queued communications (the outbox delivers
 * them). An event becomes a message only when its branch's switch is on, the customer can be
 * reached with consent (SMS or email) and had no marketing message within the branch's cap.
 * Each message carries the event's de-dup key in `trigger_key`, UNIQUE in the database: the
 * insert skips keys that exist, so a customer never gets the same automated message twice for
 * the same event — even when two processes find the event at the same moment.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { LIMITS, type BranchSettingsDoc, type CommunicationDoc, type CustomerDoc } from '../../shared/domain/schemas';
import { truncateText } from '../../shared/domain/string-rules';
import { lastMarketingContact, withinCap } from '../../shared/insights/audience';
import { triggerEnabled, triggerMessage } from '../../shared/insights/branch-settings';
import { CAMPAIGN_PLACEHOLDERS, MILESTONE_PLACEHOLDERS, placeholderValues, renderTemplate, TemplateError } from '../../shared/domain/template';
import { automatedChannel, type TriggerEvent } from '../../shared/insights/triggers';
import { formatInstant } from '../../shared/time/instant';
import type { Queryable } from '../db/database';
import type { BranchInfo } from '../store/branches';
import { loadMasters } from '../store/documents';
import { notifyChange } from '../store/notify';
import type { Logger } from '../store/context';

export interface QueueContext {
  branches: ReadonlyMap<string, BranchInfo>;
  settings: ReadonlyMap<string, BranchSettingsDoc>;
  nowMs: number;
  log: Logger;
}

/** A trigger event with what the message needs from the pair's activity. */
export interface DueEvent extends TriggerEvent {
  lastVisitDate: string | null;
}

/** Deterministic id of the automated message of an event. */
export function automatedMessageId(key: string): string {
  return `auto-${bytesToHex(sha256(utf8ToBytes(key))).slice(0, 32)}`;
}

/** Purpose recorded on automated messages: `automated:<kind>`. */
export function automatedPurpose(kind: TriggerEvent['kind']): string {
  return `automated:${kind}`;
}

/**
 * Inserts the messages of the events that qualify (call under the stamp lock; the caller
 * advances the sync clock). Returns the ids inserted now.
 */
export async function queueAutomatedMessages(tx: Queryable, events: readonly DueEvent[], ctx: QueueContext): Promise<string[]> {
  const enabled = events.filter((e) => {
    const s = ctx.settings.get(e.branch_id);
    return s !== undefined && triggerEnabled(s, e.kind);
  });
  if (enabled.length === 0) return [];
  const customerIds = [...new Set(enabled.map((e) => e.customer_id))];
  const customers = await loadMasters<CustomerDoc>(tx, 'customers', customerIds);
  const history = await tx.query<{ data: CommunicationDoc }>('SELECT data FROM communications WHERE customer_id = ANY($1::text[]) AND NOT deleted', [customerIds]);
  const lastContact = lastMarketingContact(history.map((h) => h.data));
  const at = formatInstant(ctx.nowMs);
  const docs: CommunicationDoc[] = [];
  const queuedNow = new Set<string>();
  for (const e of enabled) {
    const settings = ctx.settings.get(e.branch_id) as BranchSettingsDoc;
    const customer = customers.get(e.customer_id)?.doc;
    if (customer === undefined || customer._deleted) continue;
    const channel = automatedChannel(customer);
    if (channel === null) continue;
    if (queuedNow.has(e.customer_id) || withinCap(lastContact.get(e.customer_id), settings.marketing_cap_days, ctx.nowMs)) continue;
    let message: string;
    try {
      message = renderTemplate(
        triggerMessage(settings, e.kind),
        placeholderValues({
          customerName: customer.name,
          branchName: ctx.branches.get(e.branch_id)?.doc.name ?? e.branch_id,
          lastVisitDate: e.lastVisitDate,
          offer: settings.offer,
          ...(e.milestone !== undefined ? { milestoneCents: e.milestone } : {}),
        }),
        e.kind === 'milestone' ? MILESTONE_PLACEHOLDERS : CAMPAIGN_PLACEHOLDERS,
      );
    } catch (error) {
      if (!(error instanceof TemplateError)) throw error;
      ctx.log.warn({ branch: e.branch_id, trigger: e.kind, problem: error.message }, 'automated message template is invalid; nothing queued');
      continue;
    }
    queuedNow.add(e.customer_id);
    docs.push({
      id: automatedMessageId(e.key),
      customer_id: e.customer_id,
      branch_id: e.branch_id,
      channel,
      purpose: automatedPurpose(e.kind),
      status: 'queued',
      message: truncateText(message, LIMITS.message),
      at,
      campaign_id: '',
      variant: '',
      trigger_key: e.key,
      direction: 'outbound',
      attempts: 0,
      next_attempt_at: '',
      error: '',
      updated_at: at,
    });
  }
  if (docs.length === 0) return [];
  const rows = await tx.query<{ id: string; branch_id: string }>(
    `INSERT INTO communications (id, stamp, deleted, data, branch_id, customer_id, status, channel, trigger_key, due_ms)
     SELECT r.id, nextval('doc_stamp'), false, r.data, r.branch_id, r.customer_id, 'queued', r.channel, r.trigger_key, 0
     FROM jsonb_to_recordset($1::jsonb) AS r(id text, data jsonb, branch_id text, customer_id text, channel text, trigger_key text)
     ON CONFLICT (trigger_key) WHERE trigger_key <> '' DO NOTHING
     RETURNING id, branch_id`,
    [JSON.stringify(docs.map((d) => ({ id: d.id, data: d, branch_id: d.branch_id, customer_id: d.customer_id, channel: d.channel, trigger_key: d.trigger_key })))],
  );
  if (rows.length > 0) {
    await notifyChange(tx, { collection: 'communications', branches: [...new Set(rows.map((r) => r.branch_id))] });
    ctx.log.info({ queued: rows.length }, 'automated messages queued');
  }
  return rows.map((r) => r.id);
}
