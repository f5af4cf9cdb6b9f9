/**
 * The business's currency (ISO 4217) and what it changes: how money is shown, and the default
 * spending-tier boundaries chosen at set-up.
 *
 * Amounts stay integer hundredths of the major unit everywhere (DESIGN §2: "cents"; CSV keeps two
 * decimal places), whatever the currency: a yen business stores ¥1,250 as 125000. Only display
 * follows the currency's own digits (no decimals for JPY).
 */
import { DEFAULT_TIERS, type TierBoundaries } from './settings';

/**
 * Typical price of one standard service — a men's haircut at an ordinary barbershop, in major
 * units — in the currencies the desk knows, with the countries that use each. The default tier
 * boundaries (vip > 1000.00, high ≥ 500.00, medium ≥ 100.00) were set for a business whose
 * haircut costs about 25.00 (the demo menu's price): medium = 4 haircuts, high = 20, VIP = 40.
 * A business in another currency gets the same boundaries in haircuts.
 *
 * The figures are round estimates of ordinary city prices (2024–2026), not exchange rates:
 * exchange rates say nothing about what a local customer spends in a year (a Manila haircut is
 * about ₱250, not the ₱1,450 that $25 converts to). They only need to be right within a factor
 * of about two: the scale is rounded to 1, 2 or 5 times a power of ten, so the boundaries stay
 * round numbers a manager recognises, and the manager can change them in Settings.
 */
const CURRENCY_PRICE_LEVELS: Record<string, { haircut: number; countries: readonly string[] }> = {
  USD: { haircut: 25, countries: ['US', 'EC', 'SV', 'PA', 'PR'] },
  EUR: {
    haircut: 25,
    countries: ['AT', 'BE', 'CY', 'DE', 'EE', 'ES', 'FI', 'FR', 'GR', 'HR', 'IE', 'IT', 'LT', 'LU', 'LV', 'MT', 'NL', 'PT', 'SI', 'SK'],
  },
  GBP: { haircut: 20, countries: ['GB'] },
  CHF: { haircut: 40, countries: ['CH', 'LI'] },
  CAD: { haircut: 30, countries: ['CA'] },
  AUD: { haircut: 35, countries: ['AU'] },
  NZD: { haircut: 35, countries: ['NZ'] },
  SEK: { haircut: 350, countries: ['SE'] },
  NOK: { haircut: 400, countries: ['NO'] },
  DKK: { haircut: 300, countries: ['DK'] },
  PLN: { haircut: 60, countries: ['PL'] },
  CZK: { haircut: 400, countries: ['CZ'] },
  HUF: { haircut: 5000, countries: ['HU'] },
  RON: { haircut: 60, countries: ['RO'] },
  TRY: { haircut: 400, countries: ['TR'] },
  ILS: { haircut: 80, countries: ['IL'] },
  AED: { haircut: 60, countries: ['AE'] },
  SAR: { haircut: 50, countries: ['SA'] },
  ZAR: { haircut: 150, countries: ['ZA'] },
  NGN: { haircut: 5000, countries: ['NG'] },
  KES: { haircut: 500, countries: ['KE'] },
  EGP: { haircut: 150, countries: ['EG'] },
  INR: { haircut: 300, countries: ['IN'] },
  PKR: { haircut: 800, countries: ['PK'] },
  PHP: { haircut: 250, countries: ['PH'] },
  IDR: { haircut: 75_000, countries: ['ID'] },
  THB: { haircut: 300, countries: ['TH'] },
  VND: { haircut: 100_000, countries: ['VN'] },
  MYR: { haircut: 30, countries: ['MY'] },
  SGD: { haircut: 25, countries: ['SG'] },
  HKD: { haircut: 150, countries: ['HK'] },
  CNY: { haircut: 60, countries: ['CN'] },
  JPY: { haircut: 3500, countries: ['JP'] },
  KRW: { haircut: 20_000, countries: ['KR'] },
  TWD: { haircut: 400, countries: ['TW'] },
  MXN: { haircut: 200, countries: ['MX'] },
  BRL: { haircut: 50, countries: ['BR'] },
  CLP: { haircut: 10_000, countries: ['CL'] },
  COP: { haircut: 30_000, countries: ['CO'] },
  PEN: { haircut: 30, countries: ['PE'] },
};

/** The haircut price the default tiers were set for (major units). */
export const BASE_HAIRCUT = 25;

const CODE = /^[A-Z]{3}$/;

/** Every ISO 4217 code this runtime can format (Intl), or the table's when it cannot list them. */
export function currencyCodes(): string[] {
  const intl = Intl as { supportedValuesOf?: (key: 'currency') => string[] };
  const listed = typeof intl.supportedValuesOf === 'function' ? intl.supportedValuesOf('currency') : [];
  return listed.length > 0 ? listed : Object.keys(CURRENCY_PRICE_LEVELS).sort();
}

/** A problem with a currency code, or `null` when Intl can format it. */
export function currencyProblem(code: string): string | null {
  if (!CODE.test(code)) return `currency "${code}" is not an ISO 4217 code (three capital letters, like EUR)`;
  try {
    new Intl.NumberFormat('en', { style: 'currency', currency: code });
  } catch {
    return `currency "${code}" is not an ISO 4217 code`;
  }
  if (!currencyCodes().includes(code)) return `currency "${code}" is not a current ISO 4217 code`;
  return null;
}

/** The currency a country uses, when the table knows it ('' otherwise). */
export function currencyOfCountry(country: string): string {
  for (const [code, level] of Object.entries(CURRENCY_PRICE_LEVELS)) {
    if (level.countries.includes(country)) return code;
  }
  return '';
}

/** 1, 2 or 5 times a power of ten nearest to `x` (in ratio), at least 1. */
function roundScale(x: number): number {
  if (!(x > 1)) return 1;
  const power = 10 ** Math.floor(Math.log10(x));
  let best = power;
  for (const step of [1, 2, 5, 10]) {
    const candidate = step * power;
    if (Math.abs(Math.log(x / candidate)) < Math.abs(Math.log(x / best))) best = candidate;
  }
  return best;
}

/**
 * How many times the default boundaries a business in this currency starts with: its typical
 * haircut over the base haircut, rounded to 1-2-5. 1 for a currency the table does not know
 * (the manager sets them in Settings) and for prices at or below the base level.
 */
export function priceScale(currency: string): number {
  const level = CURRENCY_PRICE_LEVELS[currency];
  return level === undefined ? 1 : roundScale(level.haircut / BASE_HAIRCUT);
}

/** The default tier boundaries for a business in this currency (frequency tiers do not scale). */
export function defaultTiersFor(currency: string): TierBoundaries {
  const k = priceScale(currency);
  const s = DEFAULT_TIERS.spending;
  return {
    spending: { vipAbove: s.vipAbove * k, highFrom: s.highFrom * k, mediumFrom: s.mediumFrom * k },
    frequency: { ...DEFAULT_TIERS.frequency },
  };
}
