/**
 * Rules every stored string obeys, in values and in object keys: no NUL character (PostgreSQL
 * text cannot hold it) and no unpaired UTF-16 surrogate (half an emoji: not valid Unicode, so
 * PostgreSQL refuses it and no other system can read it). Such strings are refused, not
 * repaired: a document is stored as written or not at all, and the person sees what is wrong.
 * Cut text with `truncateText` so it never produces one.
 */
import type { FieldProblem } from './validate';

const NUL_MESSAGE = 'must not contain a NUL character (U+0000)';
const SURROGATE_MESSAGE = 'contains a broken character (an unpaired UTF-16 surrogate, e.g. half of an emoji)';

/** What is wrong with one string, or null. */
function stringProblem(text: string): string | null {
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c === 0) return NUL_MESSAGE;
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
      if (next < 0xdc00 || next > 0xdfff) return SURROGATE_MESSAGE;
      i += 1;
    } else if (c >= 0xdc00 && c <= 0xdfff) {
      return SURROGATE_MESSAGE;
    }
  }
  return null;
}

/** The first few strings (values or keys) of a JSON value that break the rules, by dotted path. */
export function stringProblems(value: unknown, path = '', out: FieldProblem[] = [], max = 20): FieldProblem[] {
  if (out.length >= max) return out;
  if (typeof value === 'string') {
    const problem = stringProblem(value);
    if (problem !== null) out.push({ field: path, message: problem });
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => stringProblems(v, path === '' ? String(i) : `${path}.${i}`, out, max));
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const at = path === '' ? k : `${path}.${k}`;
      const keyProblem = stringProblem(k);
      if (keyProblem !== null && out.length < max) out.push({ field: at, message: `field name ${keyProblem}` });
      stringProblems(v, at, out, max);
    }
  }
  return out;
}

/**
 * The text cut to at most `max` UTF-16 units (what the schemas' maxLength counts) at a grapheme
 * boundary: never half an emoji (an unpaired surrogate), and flags, families and accents stay
 * whole where the platform can segment graphemes (Intl.Segmenter); otherwise at a code point.
 */
export function truncateText(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max;
  const Segmenter = (Intl as { Segmenter?: typeof Intl.Segmenter }).Segmenter;
  if (Segmenter !== undefined) {
    // Look a little past the cut so a grapheme crossing it is seen whole (and dropped).
    end = 0;
    for (const { index, segment } of new Segmenter(undefined, { granularity: 'grapheme' }).segment(text.slice(0, max + 64))) {
      if (index + segment.length > max) break;
      end = index + segment.length;
    }
  }
  const last = text.charCodeAt(end - 1);
  return text.slice(0, last >= 0xd800 && last <= 0xdbff ? end - 1 : end);
}

/**
 * For text from outside that must be stored anyway (a provider's error message): NULs removed,
 * unpaired surrogates replaced by U+FFFD. Documents people write are refused instead.
 */
export function wellFormedText(text: string): string {
  return text.split('\u0000').join('').replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
}
