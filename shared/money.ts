/** Money is integer minor units (cents) in code and decimal major units with two places in text. */

const DECIMAL = /^(\d+)(?:\.(\d{1,2}))?$/;

/** Upper bound for a single price: 1,000,000.00 — anything above is a typo, not a haircut. */
export const MAX_PRICE_CENTS = 100_000_000;

export type ParsedMoney = { ok: true; cents: number } | { ok: false; problem: string };

/**
 * Cents of a plain amount `D+(.D{1,2})?`, or -1 when the text is anything else. A char-code
 * scan: the importer calls this a million times, and a regex match allocates on every call.
 */
function plainCents(text: string): number {
  const n = text.length;
  let whole = 0;
  let i = 0;
  for (; i < n; i += 1) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) break;
    whole = whole * 10 + c;
  }
  if (i === 0 || i > 15) return -1;
  if (i === n) return whole * 100;
  if (text.charCodeAt(i) !== 46 /* . */ || n - i - 1 < 1 || n - i - 1 > 2) return -1;
  const d1 = text.charCodeAt(i + 1) - 48;
  const d2 = n - i - 1 === 2 ? text.charCodeAt(i + 2) - 48 : 0;
  if (d1 < 0 || d1 > 9 || d2 < 0 || d2 > 9) return -1;
  return whole * 100 + d1 * 10 + d2;
}

/** Parses a non-negative decimal amount in major units (`25`, `25.5`, `1234.50`) into cents. */
export function parseMoney(text: string): ParsedMoney {
  const fast = plainCents(text);
  if (fast >= 0 && fast <= MAX_PRICE_CENTS) return { ok: true, cents: fast };
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, problem: 'price is empty' };
  if (/^-/.test(trimmed) && DECIMAL.test(trimmed.slice(1))) {
    return { ok: false, problem: `price "${text}" is negative` };
  }
  const m = DECIMAL.exec(trimmed);
  if (!m) return { ok: false, problem: `price "${text}" is not a decimal amount like 25.00` };
  const whole = Number(m[1]);
  const fraction = m[2] === undefined ? 0 : Number(m[2].padEnd(2, '0'));
  const cents = whole * 100 + fraction;
  if (!Number.isSafeInteger(cents) || cents > MAX_PRICE_CENTS) {
    return { ok: false, problem: `price "${text}" is larger than ${formatMoney(MAX_PRICE_CENTS)}` };
  }
  return { ok: true, cents };
}

/** `123450` → `"1234.50"`. */
export function formatMoney(cents: number): string {
  const negative = cents < 0;
  const abs = Math.abs(cents);
  const whole = Math.floor(abs / 100);
  const fraction = abs % 100;
  return `${negative ? '-' : ''}${whole}.${fraction < 10 ? '0' : ''}${fraction}`;
}

/** Rounds `numerator / denominator` half-up to `places` decimals, exactly (integers in, number out). */
export function divideHalfUp(numerator: number, denominator: number, places: number): number {
  if (denominator === 0) return 0;
  const scale = 10 ** places;
  const scaled = numerator * scale;
  // floor((2·n·s + d) / 2d) is half-up rounding of n·s/d for non-negative integers.
  const rounded = Math.floor((2 * scaled + denominator) / (2 * denominator));
  return rounded / scale;
}
