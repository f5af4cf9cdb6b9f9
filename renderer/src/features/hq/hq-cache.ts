import { Dexie, type Table } from 'dexie';
import type { MetricsReport } from '../../../../shared/engine/metrics';
import type { TrendResponse } from '../../../../shared/sync/protocol';
import type { RangeChoice } from './hq-model';

/** One HQ report as fetched, kept so the dashboard can be read offline. */
export interface CachedReport {
  /** `${serverUrl}|${asOf}` */
  key: string;
  serverUrl: string;
  /** The date asked for ('' = today in each branch's zone). */
  asOf: string;
  /** When it was fetched (ms). */
  fetchedAt: number;
  metrics: MetricsReport;
  trend: TrendResponse;
  /** Branch names by id (the report keys are ids). */
  branchNames: Record<string, string>;
  /** The range the trend covers (absent in reports cached before ranges existed). */
  range?: RangeChoice;
  /** The same figures a month and a year before the report's date (period over period). */
  earlier?: { lastMonth: MetricsReport; lastYear: MetricsReport };
}

export const HQ_CACHE_DB_NAME = 'branchdesk-hq';

/** Plain Dexie database of fetched HQ reports (derived data: never replicated). */
export class HqCacheDb extends Dexie {
  reports!: Table<CachedReport, string>;

  constructor(name: string = HQ_CACHE_DB_NAME) {
    super(name);
    this.version(1).stores({ reports: 'key, serverUrl, fetchedAt' });
  }
}

export function reportKey(serverUrl: string, asOf: string): string {
  return `${serverUrl}|${asOf}`;
}

/** Keeps the newest reports of a server (one per date asked for), dropping the oldest beyond `keep`. */
export async function storeReport(db: HqCacheDb, report: CachedReport, keep = 20): Promise<void> {
  await db.transaction('rw', db.reports, async () => {
    await db.reports.put(report);
    const all = await db.reports.where('serverUrl').equals(report.serverUrl).sortBy('fetchedAt');
    const drop = all.slice(0, Math.max(0, all.length - keep)).map((r) => r.key);
    if (drop.length > 0) await db.reports.bulkDelete(drop);
  });
}
