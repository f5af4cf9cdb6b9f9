import { useRef, useState } from 'react';
import { defaultTiersFor } from '../../../../shared/domain/currency';
import type { TierBoundaries } from '../../../../shared/domain/settings';
import { inputLocale } from '../../lib/input-locale';
import { useDraftGuard } from '../../ui/draft-guard';
import { Field } from '../../ui/Field';
import { errorMessage, toast } from '../../ui/toasts';
import { CurrencyField } from './CurrencyField';
import { formOfMoney, moneyOfForm, type MoneyErrors, type MoneyForm } from './money-model';

type Spending = TierBoundaries['spending'];

const TIER_FIELDS = [
  { key: 'vipAbove', label: 'VIP above', hint: 'Lifetime spend at this branch above this amount' },
  { key: 'highFrom', label: 'High spender from', hint: 'From this amount up to the VIP boundary' },
  { key: 'mediumFrom', label: 'Medium spender from', hint: 'Below it: low spender' },
] as const;

/**
 * The currency and the three spending-tier boundaries, typed in the desk's locale (an unclear
 * amount refused, boundaries not decreasing), "typical boundaries" for the chosen currency, and
 * Save only once something changed. `onSave` stores them (the desk's settings, or the server's
 * for HQ) and returns the message for the toast.
 */
export function MoneyEditor({ initial, onSave, label = 'Money settings' }: { initial: MoneyForm; onSave: (currency: string, spending: Spending) => Promise<string>; label?: string }) {
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
      toast.success(await onSave(result.currency, result.spending));
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
      aria-label={label}
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
