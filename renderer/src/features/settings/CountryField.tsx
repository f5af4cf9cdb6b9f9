import { useMemo } from 'react';
import { countryOptions } from '../../lib/regions';
import { Field } from '../../ui/Field';

/** "Country for phone numbers": the region local numbers (without a country code) are read in. */
export function CountryField({ value, onChange, hint, error }: { value: string; onChange: (country: string) => void; hint: string; error?: string | undefined }) {
  const countries = useMemo(() => countryOptions(), []);
  return (
    <Field label="Country for phone numbers" error={error} hint={hint}>
      {(p) => (
        <select {...p} className="select" value={value} onChange={(e) => onChange(e.target.value)}>
          <option value="">No default country</option>
          {countries.map((c) => (
            <option key={c.code} value={c.code}>
              {c.name}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
