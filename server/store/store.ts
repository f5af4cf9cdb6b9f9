import type { Database } from '../db/database';
import { migrate } from '../db/migrate';
import type { Migration } from '../db/migrations';
import { openPglite } from '../db/pglite';
import { openPostgres } from '../db/postgres';
import { todayIn } from '../../shared/time/zone';
import type { BranchInfo } from './branches';
import { silentLogger, systemClock, type Clock, type Logger, type StoreContext } from './context';
import { ensureOrg, loadOrg, type OrgSettings } from './org';

export interface DatabaseTarget {
  /** postgres://… — a real PostgreSQL server (several processes may share it). */
  databaseUrl?: string | undefined;
  /** PGlite files directory; undefined with no databaseUrl = in memory (tests). */
  pgliteDir?: string | undefined;
}

export interface OpenOptions extends DatabaseTarget {
  clock?: Clock;
  log?: Logger;
  migrations?: readonly Migration[];
}

/** The opened database with its migrations applied and the organisation settings loaded. */
export class Store implements StoreContext {
  private constructor(
    readonly db: Database,
    readonly clock: Clock,
    readonly log: Logger,
    private orgSettings: OrgSettings,
  ) {}

  static async open(options: OpenOptions): Promise<Store> {
    const log = options.log ?? silentLogger;
    const db = options.databaseUrl ? await openPostgres(options.databaseUrl, log) : await openPglite(options.pgliteDir);
    try {
      const applied = await migrate(db, options.migrations);
      if (applied.length > 0) log.info({ applied }, 'database migrated');
      await ensureOrg(db);
      return new Store(db, options.clock ?? systemClock, log, await loadOrg(db));
    } catch (error) {
      await db.close();
      throw error;
    }
  }

  get org(): OrgSettings {
    return this.orgSettings;
  }

  async reloadOrg(): Promise<OrgSettings> {
    this.orgSettings = await loadOrg(this.db);
    return this.orgSettings;
  }

  /** Today's local day number at a branch. */
  today(branch: Pick<BranchInfo, 'timezone'>): number {
    return todayIn(branch.timezone, this.clock());
  }

  async close(): Promise<void> {
    await this.db.close();
  }
}
