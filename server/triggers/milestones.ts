/**
 * Spending milestones, found where spend changes: in the push transaction that completed a
 * booking, from the pair's activity before and after (refreshPairs). Only recent spending counts
 * (the pair's last visit within the last week), so a desk syncing old history late does not
 * congratulate anyone for last year's visits.
 */
import { milestoneEvent } from '../../shared/insights/triggers';
import type { Queryable } from '../db/database';
import type { BranchInfo } from '../store/branches';
import type { PairChange } from '../services/projection';
import type { Store } from '../store/store';
import { loadBranchSettings } from './branch-settings';
import { queueAutomatedMessages, type DueEvent } from './queue';

export const MILESTONE_RECENT_DAYS = 7;

/** Queues milestone messages for the changed pairs (call under the stamp lock). Returns ids queued. */
export async function queueMilestones(tx: Queryable, store: Store, changes: readonly PairChange[], branches: ReadonlyMap<string, BranchInfo>): Promise<string[]> {
  const grew = changes.filter(
    (c) =>
      c.after !== undefined &&
      c.after.total_spent > (c.before?.total_spent ?? 0) &&
      c.after.days_since_last_visit !== null &&
      c.after.days_since_last_visit <= MILESTONE_RECENT_DAYS,
  );
  if (grew.length === 0) return [];
  const settings = await loadBranchSettings(tx, [...new Set(grew.map((c) => c.after?.branch_id as string))]);
  const events: DueEvent[] = [];
  for (const c of grew) {
    const after = c.after as NonNullable<PairChange['after']>;
    const s = settings.get(after.branch_id);
    const branch = branches.get(after.branch_id);
    if (s === undefined || !s.auto_milestones || branch === undefined) continue;
    const e = milestoneEvent(c.before ?? null, after, s.milestones, store.today(branch));
    if (e !== null) events.push({ ...e, lastVisitDate: after.last_visit_date });
  }
  if (events.length === 0) return [];
  return queueAutomatedMessages(tx, events, { branches, settings, nowMs: store.clock(), log: store.log });
}
