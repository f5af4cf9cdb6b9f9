/**
 * The insight figures the desk should show for the demo data, computed in Node with the same
 * shared rules (segment criteria, RFM, value, future bookings, audience) — never read from the UI.
 */
import { toCustomerDoc } from '../../shared/demo';
import type { CustomerDoc, SegmentCriteria } from '../../shared/domain/schemas';
import type { CommunicationChannel } from '../../shared/domain/types';
import { buildAudience, type Audience } from '../../shared/insights/audience';
import { DEFAULT_INSIGHT_RULES } from '../../shared/insights/business-rules';
import type { CustomerView } from '../../shared/insights/customer-view';
import { segmentMembers } from '../../shared/insights/segment';
import type { BookingFact } from '../../shared/engine/activity';
import { pairKey } from '../../shared/engine/activity-index';
import { visitHistories } from '../../shared/predict/history';
import { fitRetentionModel } from '../../shared/predict/model';
import { pairOutlook, type PairOutlook } from '../../shared/predict/outlook';
import { parseDay } from '../../shared/time/calendar';
import { buildSnapshot, type InsightSnapshot } from '../../renderer/src/features/segments/insight-snapshot';
import type { DemoFacts } from '../pages/customers-page';

/**
 * Every pair's outlook with the business model fitted in Node over all of the demo's bookings as
 * of its "today" — what a desk with no server fits on the same data.
 */
export function demoOutlooks(facts: DemoFacts): Map<string, PairOutlook> {
  const day = parseDay(facts.today) ?? 0;
  const all: BookingFact[] = [];
  for (const h of facts.index.histories()) all.push(...h.bookings);
  const histories = visitHistories(all, day);
  const fitted = fitRetentionModel(histories, day);
  if (!fitted.ok) throw new Error(`the demo data should fit: ${fitted.reason}`);
  return new Map(histories.map((h) => [pairKey(h.branch_id, h.customer_id), pairOutlook(fitted.model, h, day)]));
}

/** The desk branch's insight snapshot as of the demo's "today" (with predictions when `outlooks` are given). */
export function demoSnapshot(facts: DemoFacts, change: (docs: Map<string, CustomerDoc>) => void = () => undefined, outlooks?: ReadonlyMap<string, PairOutlook>): InsightSnapshot {
  const customers = new Map(facts.data.customers.map((c) => [c.id, toCustomerDoc(c)]));
  change(customers);
  return buildSnapshot({
    customers,
    activities: facts.index.activities(),
    branchId: facts.homeId,
    today: parseDay(facts.today) ?? 0,
    rules: DEFAULT_INSIGHT_RULES,
    bookingsOf: (b, c) => facts.index.bookingsOf(b, c),
    ...(outlooks ? { outlookOf: (b: string, c: string) => outlooks.get(pairKey(b, c)) } : {}),
  });
}

export function members(snapshot: InsightSnapshot, criteria: SegmentCriteria): CustomerView[] {
  return segmentMembers(criteria, snapshot.views, snapshot.today);
}

/** The campaign audience with no marketing message sent yet (a fresh desk) and the default 7-day cap. */
export function audience(snapshot: InsightSnapshot, criteria: SegmentCriteria, channel: CommunicationChannel, lastContact: ReadonlyMap<string, number> = new Map(), nowMs = 0): Audience<CustomerView> {
  return buildAudience({ channel, members: members(snapshot, criteria), lastContact, capDays: 7, nowMs });
}
