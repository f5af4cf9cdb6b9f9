import { Type, type Static } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { DEFAULT_THRESHOLDS, DEFAULT_TIERS, MAX_THRESHOLD_DAYS, thresholdsProblem, type RuleSettings } from '../../../shared/domain/settings';
import { LIMITS } from '../../../shared/domain/schemas';
import { currencyProblem } from '../../../shared/domain/currency';
import { branchCountry } from '../../../shared/csv/customer-import';
import type { Replica } from './replica';
import { setMoneyDisplay } from '../lib/format';
import { inputLocale } from '../lib/input-locale';

/**
 * Settings of this desk, kept in an RxDB local document (never replicated): which branch the
 * desk serves, the business-wide rules (default thresholds a branch does not override, tier
 * boundaries) and the organisation secret customer ids are derived with.
 */
const Days = Type.Integer({ minimum: 0, maximum: MAX_THRESHOLD_DAYS });
const Cents = Type.Integer({ minimum: 0 });
const Count = Type.Integer({ minimum: 0 });

export const DeskSettingsSchema = Type.Object(
  {
    /** The branch this desk serves ('' until set up). */
    branchId: Type.String({ maxLength: LIMITS.id }),
    /** Organisation secret for `deriveCustomerId`; shared by every desk of the business. */
    orgSecret: Type.String({ minLength: 16, maxLength: 256 }),
    /**
     * This desk's own country for phone numbers typed without a country code, over its branch's
     * (absent: the branch's). A paired desk's branch comes from the server and is overwritten by
     * it, so a desk-level choice lives here, never replicated.
     */
    phoneCountry: Type.Optional(Type.String({ pattern: '^([A-Z]{2})?$', maxLength: 2 })),
    /**
     * The business's currency (ISO 4217): how money is shown; chosen at set-up, changed in
     * Settings; a paired desk takes the organisation's. Absent or '': none (amounts without a symbol).
     */
    currency: Type.Optional(Type.String({ pattern: '^([A-Z]{3})?$', maxLength: 3 })),
    defaults: Type.Object({ activeDays: Days, atRiskDays: Days }, { additionalProperties: false }),
    tiers: Type.Object(
      {
        spending: Type.Object({ vipAbove: Cents, highFrom: Cents, mediumFrom: Cents }, { additionalProperties: false }),
        frequency: Type.Object({ frequentAbove: Count, regularFrom: Count, occasionalFrom: Count }, { additionalProperties: false }),
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);

export type DeskSettings = Static<typeof DeskSettingsSchema>;

export const DESK_SETTINGS_ID = 'desk-settings';

/** A fresh random organisation secret (hex, 256 bits). */
export function newOrgSecret(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export function defaultDeskSettings(orgSecret: string = newOrgSecret()): DeskSettings {
  return { branchId: '', orgSecret, defaults: { ...DEFAULT_THRESHOLDS }, tiers: structuredClone(DEFAULT_TIERS) };
}

/** Problems with a settings object ('' = none), in words a person can act on. */
function deskSettingsProblem(value: unknown): string {
  const first = Value.Errors(DeskSettingsSchema, value).First();
  if (first !== undefined) return `desk settings ${first.path || '(root)'}: ${first.message}`;
  const settings = value as DeskSettings;
  if (settings.currency !== undefined && settings.currency !== '') {
    const c = currencyProblem(settings.currency);
    if (c !== null) return `desk settings: ${c}`;
  }
  const t = thresholdsProblem(settings.defaults);
  if (t !== null) return `desk settings defaults: ${t}`;
  const s = settings.tiers.spending;
  if (!(s.vipAbove >= s.highFrom && s.highFrom >= s.mediumFrom)) return 'desk settings tiers: spending boundaries must not decrease (vip ≥ high ≥ medium)';
  const f = settings.tiers.frequency;
  if (!(f.frequentAbove >= f.regularFrom && f.regularFrom >= f.occasionalFrom)) {
    return 'desk settings tiers: frequency boundaries must not decrease (frequent ≥ regular ≥ occasional)';
  }
  return '';
}

/**
 * The country local phone numbers are read in at this desk ('' = none: a country code is needed):
 * the desk's own choice, else the branch's country — which its managers set, or, for a branch
 * imported without one (branches.csv has no country column), the country its time zone implies.
 */
export function phoneCountryOf(settings: DeskSettings, branch: { country: string; timezone: string } | undefined): string {
  return settings.phoneCountry ?? (branch === undefined ? '' : branchCountry(branch));
}

/** Money shows in the business's currency, formatted for the desk's locale. */
export function applyMoneyDisplay(settings: DeskSettings): void {
  setMoneyDisplay(settings.currency ?? '', inputLocale());
}

export function rulesOf(settings: DeskSettings): RuleSettings {
  return { thresholds: settings.defaults, tiers: settings.tiers };
}

/** Reads the desk settings, creating the defaults (with a new organisation secret) on first run. */
export async function loadDeskSettings(db: Replica): Promise<DeskSettings> {
  const doc = await db.getLocal<DeskSettings>(DESK_SETTINGS_ID);
  if (doc === null) {
    const fresh = defaultDeskSettings();
    await db.upsertLocal<DeskSettings>(DESK_SETTINGS_ID, fresh);
    return fresh;
  }
  const data = doc.toJSON().data as unknown;
  const problem = deskSettingsProblem(data);
  if (problem !== '') throw new Error(`The stored ${problem}. Reset local data in Settings to start again.`);
  return data as DeskSettings;
}

/** Validates and stores the desk settings; throws (storing nothing) when they are not usable. */
export async function saveDeskSettings(db: Replica, settings: DeskSettings): Promise<void> {
  const problem = deskSettingsProblem(settings);
  if (problem !== '') throw new Error(problem);
  await db.upsertLocal<DeskSettings>(DESK_SETTINGS_ID, settings);
}
