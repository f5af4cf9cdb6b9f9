/**
 * Money typed by a person, read in their locale: "12,50" is 12.50 where the locale writes a
 * decimal comma (de, fr, es, pt-BR…), "1,250.00" is 1250.00 where it groups with commas (en).
 * An entry that could mean two different amounts in that locale ("12,50" in en, "12.50" in de)
 * is refused with a message saying how to write it — never guessed.
 */
import { formatMoney, MAX_PRICE_CENTS, parseMoney } from './money';

export interface MoneySeparators {
  decimal: string;
  /** The locale's grouping character, normalised: any space-like character is ' '. */
  group: string;
}

const SPACES = /[\s\u00a0\u202f\u2009]/g;
const cache = new Map<string, MoneySeparators>();

/** The decimal and grouping separators of a BCP 47 locale (Intl), `en` when unknown. */
function moneySeparators(locale: string): MoneySeparators {
  const hit = cache.get(locale);
  if (hit !== undefined) return hit;
  let format: Intl.NumberFormat;
  try {
    format = new Intl.NumberFormat(locale, { useGrouping: true });
  } catch {
    format = new Intl.NumberFormat('en', { useGrouping: true });
  }
  const parts = format.formatToParts(1234567.5);
  const decimal = parts.find((p) => p.type === 'decimal')?.value ?? '.';
  const group = (parts.find((p) => p.type === 'group')?.value ?? ',').replace(SPACES, ' ');
  const out = { decimal, group };
  cache.set(locale, out);
  return out;
}

export type MoneyInput = { ok: true; cents: number } | { ok: false; message: string };

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** "12,50" / "1.234,50" / "1 234,50" (de, fr) or "12.50" / "1,234.50" (en) → cents, or why not. */
export function parseMoneyInput(text: string, locale: string): MoneyInput {
  const { decimal, group } = moneySeparators(locale);
  const example = `25${decimal}50`;
  const raw = text.trim().replace(SPACES, ' ');
  if (raw === '') return { ok: false, message: `Enter an amount like ${example} (0 for free)` };
  if (raw.startsWith('-')) return { ok: false, message: 'An amount cannot be negative' };
  if (!/^[\d.,' ]+$/.test(raw)) return { ok: false, message: `Enter an amount like ${example}` };
  const lastDecimal = raw.lastIndexOf(decimal);
  const whole = lastDecimal === -1 ? raw : raw.slice(0, lastDecimal);
  const fraction = lastDecimal === -1 ? '' : raw.slice(lastDecimal + 1);
  if (!/^\d*$/.test(fraction) || (lastDecimal !== -1 && fraction === '')) return { ok: false, message: `Enter an amount like ${example}` };
  if (fraction.length > 2) {
    return { ok: false, message: `“${text.trim()}” is unclear: write at most two decimals after “${decimal}” (like ${example})` };
  }
  let digits = whole;
  if (whole !== '' && !/^\d+$/.test(whole)) {
    // Anything in the whole part other than digits must be this locale's grouping, in threes.
    const grouped = new RegExp(`^\\d{1,3}(${escape(group)}\\d{3})+$`);
    if (group === ' ' ? !/^\d{1,3}( \d{3})+$/.test(whole) : !grouped.test(whole)) {
      return { ok: false, message: `“${text.trim()}” is unclear here: write decimals with “${decimal}” (like ${example})` };
    }
    digits = whole.split(group).join('');
  }
  if (digits === '') digits = '0';
  const parsed = parseMoney(fraction === '' ? digits : `${digits}.${fraction}`);
  if (!parsed.ok) {
    return { ok: false, message: /larger/.test(parsed.problem) ? `That amount is too large (at most ${formatMoneyInput(MAX_PRICE_CENTS, locale)}) — check for a typo` : `Enter an amount like ${example}` };
  }
  return { ok: true, cents: parsed.cents };
}

/** Cents as a person would type them in the locale, without grouping: 1250 → "12,50" (de) / "12.50" (en). */
export function formatMoneyInput(cents: number, locale: string): string {
  const { decimal } = moneySeparators(locale);
  return decimal === '.' ? formatMoney(cents) : formatMoney(cents).replace('.', decimal);
}
