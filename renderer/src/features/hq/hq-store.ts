import { create } from 'zustand';
import type { BranchDoc } from '../../../../shared/domain/schemas';
import type { SyncApi } from '../../sync/api';
import { problemKind, problemMessage, SyncHttpError, SyncNetworkError } from '../../sync/errors';
import { StreamReader } from '../../sync/stream-reader';
import { HqCacheDb, reportKey, storeReport, type CachedReport } from './hq-cache';
import { RefreshThrottle } from './refresh-throttle';
import { ALL_PARTS, partsChangedBy, REFRESH_DELAY_MS, REFRESH_GAP_MS, type ReportPart } from './hq-live';
import { comparisonDates, DEFAULT_RANGE, rangeDates, type RangeChoice } from './hq-model';

export interface HqState {
  /** The report on screen (fresh or from the cache). */
  report: CachedReport | null;
  loading: boolean;
  /** The last refresh failed; the report shown is the cached one. */
  error: string | null;
  /** The last refresh failed for lack of a connection. */
  offline: boolean;
  /** Live updates arrive (the server's stream is open). */
  live: boolean;
  /** The date asked for ('' = today). */
  asOf: string;
  /** The range every chart covers, ending on the report's date. */
  range: RangeChoice;
  /** Why the chosen range cannot be shown (a custom range out of order, too long). */
  rangeProblem: string | null;
  /** The branch drilled into ('' = every branch). */
  focus: string;
}

export const useHqStore = create<HqState>(() => ({ report: null, loading: false, error: null, offline: false, live: false, asOf: '', range: DEFAULT_RANGE, rangeProblem: null, focus: '' }));

async function branchNames(api: SyncApi): Promise<Record<string, string>> {
  const names: Record<string, string> = {};
  let checkpoint = null;
  for (;;) {
    const page = await api.pull('branches', checkpoint, 2000);
    for (const doc of page.documents) if (!doc._deleted) names[doc.id] = (doc as unknown as BranchDoc).name;
    if (page.documents.length < 2000 || page.checkpoint === null) return names;
    checkpoint = page.checkpoint;
  }
}

/** A sentence for HQ's report line (a desk's wording, except for a revoked sign-in). */
function hqProblem(error: unknown): string {
  return problemKind(error) === 'revoked' ? 'The server revoked this HQ sign-in' : problemMessage(error);
}

/**
 * The HQ dashboard's data: reads the cached report first (offline), fetches metrics, trend and
 * branch names from the server, caches them, and refreshes what the server's live stream says
 * changed (its notices name the branches and days; throttled: RefreshThrottle) or everything
 * when the browser comes back online.
 */
export class HqSession {
  private readonly cache = new HqCacheDb();
  private readonly reader: StreamReader;
  private readonly throttle: RefreshThrottle<ReportPart>;
  /** The last report fetched in this session (not from the cache): parts not refreshed come from it. */
  private fresh: CachedReport | null = null;
  private generation = 0;
  private readonly onOnline = (): void => {
    void this.refresh();
    this.reader.reconnectNow();
  };

  constructor(
    private readonly api: SyncApi | null,
    private readonly serverUrl: string,
    private readonly now: () => number = () => Date.now(),
    /** The server refused the token as revoked (a report request or the live stream): sign-in ends. */
    private readonly onRevoked: () => void = () => undefined,
  ) {
    this.throttle = new RefreshThrottle((parts) => this.refresh(parts), { delayMs: REFRESH_DELAY_MS, minGapMs: REFRESH_GAP_MS, now });
    this.reader = new StreamReader({
      openStream: (signal) => (this.api as SyncApi).openStream(signal),
      // every (re)connection may have missed changes: `resync` refreshes everything
      onMessage: (message) => this.throttle.request(partsChangedBy(message, useHqStore.getState().asOf)),
      onState: (s) => useHqStore.setState({ live: s.phase === 'open' }),
      onFatal: (error) => {
        useHqStore.setState({ error: hqProblem(error), live: false });
        if (problemKind(error) === 'revoked') this.onRevoked();
      },
    });
  }

  async start(): Promise<void> {
    this.throttle.ranNow();
    await this.showCached(useHqStore.getState().asOf);
    if (this.api === null) return;
    window.addEventListener('online', this.onOnline);
    this.reader.start();
    await this.refresh();
  }

  async stop(): Promise<void> {
    this.throttle.stop();
    window.removeEventListener('online', this.onOnline);
    await this.reader.stop();
    this.cache.close();
  }

  async setAsOf(asOf: string): Promise<void> {
    useHqStore.setState({ asOf });
    await this.showCached(asOf);
    await this.refresh();
  }

  async setRange(range: RangeChoice): Promise<void> {
    useHqStore.setState({ range });
    await this.refresh(new Set<ReportPart>(['trend']));
  }

  private async showCached(asOf: string): Promise<void> {
    const cached = await this.cache.reports.get(reportKey(this.serverUrl, asOf));
    if (useHqStore.getState().asOf === asOf) useHqStore.setState({ report: cached ?? null });
  }

  /**
   * Fetches the report for the chosen date (only `parts` when the rest was fetched for that date
   * in this session); on failure the cached one stays on screen.
   */
  async refresh(parts: ReadonlySet<ReportPart> = new Set(ALL_PARTS)): Promise<void> {
    if (this.api === null) return;
    const api = this.api;
    const generation = ++this.generation;
    const asOf = useHqStore.getState().asOf;
    const range = useHqStore.getState().range;
    const base = this.fresh !== null && this.fresh.asOf === asOf ? this.fresh : null;
    useHqStore.setState({ loading: true });
    try {
      const fetchMetrics = base === null || parts.has('metrics');
      const [metrics, names] = await Promise.all([fetchMetrics ? api.metrics(asOf || undefined) : base.metrics, base === null || parts.has('names') ? branchNames(api) : base.branchNames]);
      // Every chart's range ends on the report's date (the as-of date, or the latest branch-local today).
      const dates = rangeDates(range, metrics.as_of);
      if ('problem' in dates) {
        useHqStore.setState({ loading: false, rangeProblem: dates.problem });
        return;
      }
      const sameRange = base !== null && JSON.stringify(base.range) === JSON.stringify(range) && base.metrics.as_of === metrics.as_of;
      const compare = comparisonDates(metrics.as_of);
      const [trend, lastMonth, lastYear] = await Promise.all([
        !sameRange || parts.has('trend') ? api.trendRange(dates.from, dates.to) : base.trend,
        fetchMetrics || base.earlier === undefined ? api.metrics(compare.lastMonth) : base.earlier.lastMonth,
        fetchMetrics || base.earlier === undefined ? api.metrics(compare.lastYear) : base.earlier.lastYear,
      ]);
      const report: CachedReport = { key: reportKey(this.serverUrl, asOf), serverUrl: this.serverUrl, asOf, fetchedAt: this.now(), metrics, trend, branchNames: names, range, earlier: { lastMonth, lastYear } };
      await storeReport(this.cache, report);
      if (generation === this.generation) {
        this.fresh = report;
        useHqStore.setState({ report, loading: false, error: null, offline: false, rangeProblem: null });
      }
    } catch (error) {
      if (generation === this.generation) {
        const offline = error instanceof SyncNetworkError || !navigator.onLine;
        const message = error instanceof SyncHttpError && error.status === 403 ? `This device may not read reports: ${error.message}` : hqProblem(error);
        useHqStore.setState({ loading: false, offline, error: offline ? null : message });
      }
      if (problemKind(error) === 'revoked') this.onRevoked();
    }
  }
}
