import { useMemo, useRef, useState } from 'react';
import { useDraftGuard } from '../../ui/draft-guard';
import { LIMITS } from '../../../../shared/domain/schemas';
import type { Thresholds } from '../../../../shared/domain/settings';
import { isValidTimeZone } from '../../../../shared/time/zone';
import { canonicalZoneName } from '../../../../shared/time/zone-names';
import { DocumentRejected } from '../../data/write-errors';
import { timeZoneOptions } from '../../lib/regions';
import { CountryField } from './CountryField';
import { CurrencyField } from './CurrencyField';
import { currencyOfCountry, priceScale } from '../../../../shared/domain/currency';
import { Field } from '../../ui/Field';
import { errorMessage } from '../../ui/toasts';
import { choiceOf, PRESET_LABELS, PRESET_ORDER, resolveThresholds, zoneChangeWarning, type ThresholdChoice } from './thresholds-model';
import { branchCountry } from '../../../../shared/csv/customer-import';
import { now } from '../../data/session';

export interface BranchValues {
  name: string;
  timezone: string;
  country: string;
  thresholds: Thresholds;
  /** The business's currency (ISO 4217, '' = none); asked only when the form is given one (set-up). */
  currency?: string;
}

interface Errors {
  name?: string;
  timezone?: string;
  country?: string;
  activeDays?: string;
  atRiskDays?: string;
  form?: string;
}

function currencyHint(currency: string): string {
  if (currency === '') return 'Prices are shown without a currency; spending tiers start at VIP above 1,000.00';
  const k = priceScale(currency);
  const vip = new Intl.NumberFormat('en', { style: 'currency', currency, maximumFractionDigits: 0 }).format(1000 * k);
  return `Prices are shown in ${currency}; spending tiers start at VIP above ${vip} (changeable in Settings)`;
}

/** Branch name, time zone, country for phone numbers and the status thresholds preset. */
export function BranchForm({
  initial,
  submitLabel,
  onSubmit,
  label,
}: {
  initial: BranchValues;
  submitLabel: string;
  onSubmit: (values: BranchValues) => Promise<void>;
  label: string;
}) {
  const [name, setName] = useState(initial.name);
  // A zone stored under a renamed name (Asia/Calcutta) shows as its current one: the same zone.
  const [timezone, setTimezone] = useState(canonicalZoneName(initial.timezone));
  const [country, setCountry] = useState(initial.country);
  const [currency, setCurrency] = useState(initial.currency ?? '');
  // The currency follows the country until the person picks one.
  const [currencyPicked, setCurrencyPicked] = useState(false);
  // Set-up (the form asks the currency): the country follows the time zone until the person picks one.
  const askCurrency = initial.currency !== undefined;
  const [countryPicked, setCountryPicked] = useState(false);
  // Settings: a changed time zone moves every booking's displayed time, so the first save says so.
  const [zoneWarning, setZoneWarning] = useState<string | null>(null);
  const chooseCountry = (next: string): void => {
    setCountry(next);
    if (askCurrency && !currencyPicked) setCurrency(currencyOfCountry(next) || currency);
  };
  const [choice, setChoice] = useState<ThresholdChoice>(() => choiceOf(initial.thresholds));
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  const zones = useMemo(() => timeZoneOptions(), []);
  const formRef = useRef<HTMLFormElement>(null);
  const first = choiceOf(initial.thresholds);
  const changed =
    name !== initial.name ||
    timezone !== canonicalZoneName(initial.timezone) ||
    country !== initial.country ||
    currency !== (initial.currency ?? '') ||
    choice.preset !== first.preset ||
    (choice.preset === 'custom' && (choice.activeDays !== first.activeDays || choice.atRiskDays !== first.atRiskDays));
  useDraftGuard(formRef, changed);

  const submit = async (): Promise<void> => {
    const next: Errors = {};
    const trimmed = name.trim();
    if (trimmed === '') next.name = 'Enter the branch name';
    else if (trimmed.length > LIMITS.name) next.name = `At most ${LIMITS.name} characters`;
    if (!isValidTimeZone(timezone)) next.timezone = 'Choose a time zone from the list';
    const resolved = resolveThresholds(choice);
    if (!resolved.ok) Object.assign(next, resolved.errors);
    setErrors(next);
    if (Object.keys(next).length > 0 || !resolved.ok) return;
    if (!askCurrency && zoneWarning === null) {
      const warning = zoneChangeWarning(canonicalZoneName(initial.timezone), timezone, now());
      if (warning !== null) {
        setZoneWarning(warning);
        return;
      }
    }
    setBusy(true);
    try {
      await onSubmit({ name: trimmed, timezone, country, thresholds: resolved.thresholds, ...(askCurrency ? { currency } : {}) });
    } catch (error) {
      setErrors({ form: error instanceof DocumentRejected ? error.problems.map((p) => p.message).join('; ') : errorMessage(error) });
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
        void submit();
      }}
    >
      <Field label="Branch name" error={errors.name}>
        {(p) => (
          <input
            {...p}
            className="input"
            value={name}
            placeholder="e.g. Makati Central"
            onChange={(e) => {
              setName(e.target.value);
              setErrors((x) => ({ ...x, name: undefined }));
            }}
          />
        )}
      </Field>
      <div className="form-grid">
        <Field label="Time zone" error={errors.timezone} hint="Dates and “days since last visit” follow this zone">
          {(p) => (
            <select
              {...p}
              className="select"
              value={timezone}
              onChange={(e) => {
                const zone = e.target.value;
                setTimezone(zone);
                setZoneWarning(null);
                if (askCurrency && !countryPicked) {
                  const implied = branchCountry({ country: '', timezone: zone });
                  if (implied !== '') chooseCountry(implied);
                }
              }}
            >
              {zones.map((z) => (
                <option key={z} value={z}>
                  {z.replace(/_/g, ' ')}
                </option>
              ))}
            </select>
          )}
        </Field>
        <CountryField
          value={country}
          onChange={(next) => {
            setCountryPicked(true);
            chooseCountry(next);
          }}
          hint="Local numbers are read in this country"
          error={errors.country}
        />
      </div>
      {askCurrency && (
        <CurrencyField
          value={currency}
          onChange={(next) => {
            setCurrency(next);
            setCurrencyPicked(true);
          }}
          hint={currencyHint(currency)}
        />
      )}
      <fieldset className="choice-group">
        <legend className="field-label">When is a customer at risk?</legend>
        {PRESET_ORDER.map((preset) => (
          <label key={preset} className="choice">
            <input
              type="radio"
              name="threshold-preset"
              value={preset}
              checked={choice.preset === preset}
              onChange={() => {
                setChoice((c) => ({ ...c, preset }));
                setErrors((x) => ({ ...x, activeDays: undefined, atRiskDays: undefined }));
              }}
            />
            <span className="choice-title">{PRESET_LABELS[preset].title}</span>
            <span className="choice-detail">{PRESET_LABELS[preset].detail}</span>
          </label>
        ))}
      </fieldset>
      {choice.preset === 'custom' && (
        <div className="form-grid">
          <Field label="Active for (days)" error={errors.activeDays} hint="Last visit at most this many days ago">
            {(p) => <input {...p} className="input" inputMode="numeric" value={choice.activeDays} onChange={(e) => setChoice((c) => ({ ...c, activeDays: e.target.value }))} />}
          </Field>
          <Field label="At risk until (days)" error={errors.atRiskDays} hint="After this many days a customer counts as churned">
            {(p) => <input {...p} className="input" inputMode="numeric" value={choice.atRiskDays} onChange={(e) => setChoice((c) => ({ ...c, atRiskDays: e.target.value }))} />}
          </Field>
        </div>
      )}
      {zoneWarning !== null && (
        <div className="notice notice-warning" role="alert">
          {zoneWarning}
        </div>
      )}
      {errors.form !== undefined && (
        <div className="notice notice-error" role="alert">
          {errors.form}
        </div>
      )}
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {zoneWarning === null ? submitLabel : 'Change time zone and save'}
        </button>
      </div>
    </form>
  );
}
