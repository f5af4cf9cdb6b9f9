import { useRef, useState } from 'react';
import { useDraftGuard } from '../../ui/draft-guard';
import { defaultTiersFor } from '../../../../shared/domain/currency';
import { useDeskSettings } from '../../data/hooks';
import { setBusinessMoney } from '../../data/session';
import { formatPrice } from '../../lib/format';
import { inputLocale } from '../../lib/input-locale';
import { Field } from '../../ui/Field';
import { errorMessage, toast } from '../../ui/toasts';
import { CurrencyField } from './CurrencyField';
import { formOfMoney, moneyOfForm, type MoneyErrors, type MoneyForm } from './money-model';

const TIER_FIELDS = [
  { key: 'vipAbove', label: 'VIP above', hint: 'Lifetime spend at this branch above this amount' },
  { key: 'highFrom', label: 'High spender from', hint: 'From this amount up to the VIP boundary' },
  { key: 'mediumFrom', label: 'Medium spender from', hint: 'Below it: low spender' },
] as const;

/**
 * The business's currency and spending-tier boundaries. A desk that is not paired edits them
 * (only what changed is saved; customer tiers recompute at once); a paired desk shows the
 * organisation's, which come from the server.
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
      ) : (
        <MoneyEditor key={`${currency}:${JSON.stringify(settings.tiers.spending)}`} initial={formOfMoney(currency, settings.tiers.spending, inputLocale())} />
      )}
    </section>
  );
}

function MoneyEditor({ initial }: { initial: MoneyForm }) {
  const locale = inputLocale();
  const [form, setForm] = useState(initial);
  const [errors, setErrors] = useState<MoneyErrors>({});
  const [busy, setBusy] = useState(false);
  const changed = (Object.keys(form) as (keyof MoneyForm)[]).some((k) => form[k] !== initial[k]);
  const scaled = formOfMoney(form.currency, defaultTiersFor(form.currency).spending, locale);
  const atDefaults = TIER_FIELDS.every(({ key }) => form[key] === scaled[key]);
  const formRef = useRef<HTMLFormElement>(null);
  useDraftGuard(formRef, changed);

  const save = async (): Promise<void> => {
    const result = moneyOfForm(form, locale);
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      await setBusinessMoney(result.currency, result.spending);
      toast.success('Money settings saved — spending tiers are up to date');
    } catch (error) {
      toast.error(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      ref={formRef}
      className="stack"
      noValidate
      aria-label="Money settings"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <CurrencyField
        value={form.currency}
        onChange={(currency) => setForm((f) => ({ ...f, currency }))}
        hint="Changing it does not convert amounts already stored: only how they are shown"
      />
      <div className="form-grid form-grid-3">
        {TIER_FIELDS.map(({ key, label, hint }) => (
          <Field key={key} label={label} hint={hint} error={errors[key]}>
            {(p) => (
              <input
                {...p}
                className="input nums"
                inputMode="decimal"
                value={form[key]}
                onChange={(e) => {
                  const value = e.target.value;
                  setForm((f) => ({ ...f, [key]: value }));
                  setErrors((x) => ({ ...x, [key]: undefined }));
                }}
              />
            )}
          </Field>
        ))}
      </div>
      <div className="form-actions">
        <button type="button" className="btn" disabled={atDefaults} onClick={() => setForm((f) => ({ ...f, ...scaled }))}>
          Use typical boundaries for {form.currency === '' ? 'no currency' : form.currency}
        </button>
        <button type="submit" className="btn btn-primary" disabled={busy || !changed}>
          Save money settings
        </button>
      </div>
    </form>
  );
}
