import { daysFromCivil, daysInMonth, MS_PER_DAY } from './calendar';

/**
 * Strict ISO 8601 instants: a calendar date, a time and an explicit offset or `Z`.
 * `Date.parse` is too lenient for an edge (it accepts 2026-02-30 and strings without an offset),
 * so instants are parsed here and validated field by field.
 */
const ISO_INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(Z|z|[+-]\d{2}(?::?\d{2})?)$/;

function digit(text: string, i: number): number {
  const c = text.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -1000;
}

function two(text: string, i: number): number {
  return digit(text, i) * 10 + digit(text, i + 1);
}

/**
 * The common shapes `YYYY-MM-DDTHH:MM:SSZ` and `YYYY-MM-DDTHH:MM:SS±HH:MM` by char codes (no
 * allocation); NaN when the text has any other shape, so the caller falls back to the regex.
 */
function fastInstant(text: string): number {
  const n = text.length;
  if (n !== 20 && n !== 25) return Number.NaN;
  if (
    text.charCodeAt(4) !== 45 ||
    text.charCodeAt(7) !== 45 ||
    text.charCodeAt(10) !== 84 ||
    text.charCodeAt(13) !== 58 ||
    text.charCodeAt(16) !== 58
  ) {
    return Number.NaN;
  }
  const year = two(text, 0) * 100 + two(text, 2);
  const month = two(text, 5);
  const day = two(text, 8);
  const hour = two(text, 11);
  const minute = two(text, 14);
  const second = two(text, 17);
  if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59) {
    return Number.NaN;
  }
  if (second < 0 || second > 59 || day > daysInMonth(year, month)) return Number.NaN;
  let offsetMinutes = 0;
  const zone = text.charCodeAt(19);
  if (n === 20) {
    if (zone !== 90 && zone !== 122) return Number.NaN;
  } else {
    if ((zone !== 43 && zone !== 45) || text.charCodeAt(22) !== 58) return Number.NaN;
    const oh = two(text, 20);
    const om = two(text, 23);
    if (oh < 0 || oh > 18 || om < 0 || om > 59) return Number.NaN;
    offsetMinutes = (zone === 45 ? -1 : 1) * (oh * 60 + om);
  }
  return daysFromCivil(year, month, day) * MS_PER_DAY + ((hour * 60 + minute - offsetMinutes) * 60 + second) * 1000;
}

/** Epoch milliseconds of a strict ISO 8601 instant, or `null` when the text is not one. */
export function parseInstant(text: string): number | null {
  const fast = fastInstant(text);
  if (!Number.isNaN(fast)) return fast;
  const m = ISO_INSTANT.exec(text);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const hour = Number(m[4]);
  const minute = Number(m[5]);
  const second = m[6] === undefined ? 0 : Number(m[6]);
  const fraction = m[7] === undefined ? 0 : Math.floor(Number(`0.${m[7]}`) * 1000);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (hour > 23 || minute > 59 || second > 59) return null;
  let offsetMinutes = 0;
  const zone = m[8] as string;
  if (zone !== 'Z' && zone !== 'z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    const oh = Number(digits.slice(0, 2));
    const om = digits.length > 2 ? Number(digits.slice(2, 4)) : 0;
    if (oh > 18 || om > 59) return null;
    offsetMinutes = sign * (oh * 60 + om);
  }
  const days = daysFromCivil(year, month, day);
  return days * MS_PER_DAY + ((hour * 60 + minute - offsetMinutes) * 60 + second) * 1000 + fraction;
}

/** Canonical UTC rendering of epoch milliseconds (`2026-03-01T09:30:00.000Z`). */
export function formatInstant(ms: number): string {
  return new Date(ms).toISOString();
}
