import { useMemo } from 'react';
import { currencyCodes } from '../../../../shared/domain/currency';
import { Field } from '../../ui/Field';

/** Every ISO 4217 currency Intl formats, named in English ("Philippine Peso (PHP)"), by name. */
export function currencyOptions(): { code: string; name: string }[] {
  const names = new Intl.DisplayNames(['en'], { type: 'currency' });
  return currencyCodes()
    .map((code) => ({ code, name: `${names.of(code) ?? code} (${code})` }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** "Currency": the business's ISO 4217 currency; '' = amounts without a currency. */
export function CurrencyField({ value, onChange, hint, error }: { value: string; onChange: (currency: string) => void; hint: string; error?: string | undefined }) {
  const options = useMemo(() => currencyOptions(), []);
  return (
    <Field label="Currency" error={error} hint={hint}>
      {(p) => (
        <select {...p} className="select" value={value} onChange={(e) => onChange(e.target.value)}>
          <option value="">No currency (amounts only)</option>
          {options.map((c) => (
            <option key={c.code} value={c.code}>
              {c.name}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
