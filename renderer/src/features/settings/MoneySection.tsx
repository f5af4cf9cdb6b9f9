import { useDeskSettings } from '../../data/hooks';
import { setBusinessMoney } from '../../data/session';
import { formatPrice } from '../../lib/format';
import { inputLocale } from '../../lib/input-locale';
import { MoneyEditor } from './MoneyEditor';
import { formOfMoney } from './money-model';

/**
 * The business's currency and spending-tier boundaries. A desk that is not paired edits them
 * (only what changed is saved; customer tiers recompute at once); a paired desk shows the
 * organisation's, which HQ sets on the server (HQ dashboard → Business money) and the desk
 * takes at each session check.
 */
export function MoneySection({ paired }: { paired: boolean }) {
  const settings = useDeskSettings();
  const currency = settings.currency ?? '';
  return (
    <section className="card settings-section" aria-labelledby="money-settings-title">
      <header>
        <h2 id="money-settings-title">Money</h2>
        <p>The currency prices are shown in, and the lifetime spend that makes a customer a high spender or VIP.</p>
      </header>
      {paired ? (
        <>
          <p className="muted">Set by HQ for every branch of the business; this desk follows the server.</p>
          <dl className="facts" aria-label="Money settings from the server">
            <dt>Currency</dt>
            <dd>{currency === '' ? 'None (amounts only)' : currency}</dd>
            <dt>VIP above</dt>
            <dd className="nums">{formatPrice(settings.tiers.spending.vipAbove)}</dd>
            <dt>High spender from</dt>
            <dd className="nums">{formatPrice(settings.tiers.spending.highFrom)}</dd>
            <dt>Medium spender from</dt>
            <dd className="nums">{formatPrice(settings.tiers.spending.mediumFrom)}</dd>
          </dl>
        </>
      ) : (
        <MoneyEditor
          key={`${currency}:${JSON.stringify(settings.tiers.spending)}`}
          initial={formOfMoney(currency, settings.tiers.spending, inputLocale())}
          onSave={async (c, spending) => {
            await setBusinessMoney(c, spending);
            return 'Money settings saved — spending tiers are up to date';
          }}
        />
      )}
    </section>
  );
}

