/**
 * The business's money settings on a paired desk (docs/DESIGN.md §10): HQ sets the currency and
 * the spending tiers on the server (`PUT /api/org/money`); a desk reads them in its session check
 * (`GET /api/session`, `org.currency` and `org.rules.tiers`) as it attaches and every few minutes,
 * and takes them when they differ (customer tiers recompute). Offline, the last ones stay.
 */
import type { SessionInfo } from '../../../shared/sync/protocol';
import type { DeskData } from '../data/desk-data';
import { adoptServerMoney } from '../data/session';
import type { SyncApi } from './api';

/** How often a paired desk asks again (HQ changes them rarely; a restart asks at once). */
export const ORG_MONEY_REFRESH_MS = 5 * 60 * 1000;

/** Takes the session's money settings; whether the desk's changed. */
function adoptSessionMoney(desk: DeskData, session: Pick<SessionInfo, 'org'>): Promise<boolean> {
  return adoptServerMoney(desk, session.org.currency, session.org.rules.tiers);
}

/** Asks now and every ORG_MONEY_REFRESH_MS; stops with the returned function. */
export function followServerMoney(desk: DeskData, api: Pick<SyncApi, 'session'>, onChanged: () => void = () => undefined): () => void {
  let stopped = false;
  const refresh = async (): Promise<void> => {
    try {
      const session = await api.session();
      if (!stopped && (await adoptSessionMoney(desk, session))) onChanged();
    } catch (error) {
      console.warn('Reading the business money settings failed; keeping the last ones', error);
    }
  };
  void refresh();
  const timer = setInterval(() => void refresh(), ORG_MONEY_REFRESH_MS);
  return () => {
    stopped = true;
    clearInterval(timer);
  };
}
