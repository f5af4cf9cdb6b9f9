/**
 * Rolls each branch's projection to its new local day: the finished day's counters become a
 * final snapshot, missed days (server down) are recomputed from history, and every pair is
 * recomputed as of today. Runs at each branch's local midnight, on start-up, and lazily before a
 * "today" report. Safe with several processes: the check and the work happen under the lock.
 */
import { zoneClock } from '../../shared/time/zone';
import { loadBranches, type BranchInfo } from '../store/branches';
import { loadProjection, recomputeBranch, writeSnapshot } from './projection';
import { lockStamps } from '../store/stamps';
import type { Store } from '../store/store';

/** At most this many missed days are rebuilt from history when a branch rolls late. */
export const MAX_CATCH_UP_DAYS = 31;

export async function rollBranch(store: Store, branch: BranchInfo): Promise<boolean> {
  return store.db.transaction(async (tx) => {
    await lockStamps(tx);
    const today = store.today(branch);
    const current = (await loadProjection(tx, [branch.id])).get(branch.id);
    if (current !== undefined && current.asOfDay >= today) return false;
    let historyFrom: number | undefined;
    if (current !== undefined) {
      await writeSnapshot(tx, branch.id, current.asOfDay, current.acc, true);
      historyFrom = Math.max(current.asOfDay + 1, today - MAX_CATCH_UP_DAYS);
    }
    await recomputeBranch(tx, branch, today, historyFrom, 'if-stale');
    store.log.info({ branch: branch.id, day: today }, 'branch rolled to a new local day');
    return true;
  });
}

/** Rolls every branch whose stored day is behind its local today; returns the branches rolled. */
export async function rollStale(store: Store, only?: readonly string[]): Promise<string[]> {
  const branches = await loadBranches(store.db);
  const ids = only ?? [...branches.keys()];
  const projection = await loadProjection(store.db, ids);
  const rolled: string[] = [];
  for (const id of ids) {
    const branch = branches.get(id);
    if (branch === undefined) continue;
    const stored = projection.get(id);
    if (stored !== undefined && stored.asOfDay >= store.today(branch)) continue;
    if (await rollBranch(store, branch)) rolled.push(id);
  }
  return rolled;
}

/** Milliseconds until the next local midnight of any branch (at least 1 s, at most 1 h). */
export function msUntilNextMidnight(branches: Iterable<BranchInfo>, nowMs: number): number {
  let next = 3_600_000;
  for (const b of branches) {
    const clock = zoneClock(b.timezone);
    const wait = clock.startOfLocalDay(clock.localDay(nowMs) + 1) - nowMs;
    next = Math.min(next, wait);
  }
  return Math.max(1000, next + 500);
}

/** Work to do after each roll check (daily jobs: automated triggers, retention). */
export type AfterRoll = (rolled: string[]) => Promise<void>;

/** A timer that rolls branches at their local midnights until stopped. */
export class Roller {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> = Promise.resolve();
  private stopped = false;

  constructor(
    private readonly store: Store,
    private readonly afterRoll?: AfterRoll,
  ) {}

  start(): void {
    this.stopped = false;
    this.running = this.tick();
  }

  private async tick(): Promise<void> {
    let rolled: string[] = [];
    try {
      rolled = await rollStale(this.store);
    } catch (error) {
      this.store.log.error({ err: error }, 'rolling branches failed');
    }
    if (this.afterRoll !== undefined && !this.stopped) {
      try {
        await this.afterRoll(rolled);
      } catch (error) {
        this.store.log.error({ err: error }, 'daily jobs after the roll failed');
      }
    }
    if (this.stopped) return;
    let wait = 60_000;
    try {
      wait = msUntilNextMidnight((await loadBranches(this.store.db)).values(), this.store.clock());
    } catch (error) {
      this.store.log.error({ err: error }, 'scheduling the next roll failed');
    }
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.tick();
    }, wait);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer !== null) clearTimeout(this.timer);
    await this.running;
  }
}
