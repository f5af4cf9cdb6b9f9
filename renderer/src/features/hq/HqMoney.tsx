import { useEffect, useState } from 'react';
import type { OrgMoney } from '../../../../shared/sync/protocol';
import { currentDesk, adoptServerMoney } from '../../data/session';
import { inputLocale } from '../../lib/input-locale';
import { problemMessage } from '../../sync/errors';
import { pairedApi } from '../../sync/sync-session';
import { useSyncStore } from '../../sync/sync-store';
import { formOfMoney, MoneyEditor } from '../settings';

/**
 * Business money (docs/DESIGN.md §10): the currency and the spending-tier boundaries, one set for
 * every branch, kept by the server and set here by HQ. Saving recomputes every branch's figures on
 * the server; desks take the new values at their next session check (within minutes).
 */
export function HqMoney() {
  const signedOut = useSyncStore((s) => s.signedOut);
  // the pairing is set once the session is attached (with its token): read then, and again
  // after signing in anew
  const pairing = useSyncStore((s) => s.pairing);
  const [money, setMoney] = useState<OrgMoney | null>(null);
  const [problem, setProblem] = useState('');

  useEffect(() => {
    const api = pairedApi();
    if (api === null || signedOut) return;
    const controller = new AbortController();
    api.orgMoney(controller.signal).then(
      (m) => {
        setMoney(m);
        setProblem('');
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setProblem(problemMessage(error));
      },
    );
    return () => controller.abort();
  }, [pairing, signedOut]);

  const save = async (currency: string, spending: OrgMoney['spending']): Promise<string> => {
    const api = pairedApi();
    if (api === null) throw new Error('Sign in to HQ again to change the money settings');
    const saved = await api.saveOrgMoney({ currency, spending });
    setMoney(saved);
    // HQ's own amounts follow the business's currency at once
    const desk = currentDesk();
    await adoptServerMoney(desk, saved.currency, { ...desk.settings.tiers, spending: saved.spending });
    return 'Business money saved — every branch’s spending tiers are recomputed; desks follow within minutes';
  };

  return (
    <section className="card settings-section hq-money" aria-labelledby="hq-money-title">
      <header>
        <h2 id="hq-money-title">Business money</h2>
        <p>The currency every branch shows prices in, and the lifetime spend that makes a customer a high spender or VIP at any branch.</p>
      </header>
      {money === null ? (
        <p className="muted" role="status">
          {problem !== '' ? `Could not read the money settings: ${problem}` : signedOut ? 'Sign in to HQ again to see and change them.' : 'Reading the money settings…'}
        </p>
      ) : (
        <MoneyEditor key={JSON.stringify(money)} label="Business money settings" initial={formOfMoney(money.currency, money.spending, inputLocale())} onSave={save} />
      )}
    </section>
  );
}
