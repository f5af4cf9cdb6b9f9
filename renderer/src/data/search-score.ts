/**
 * How well a customer's search entry matches a query: 3 exact or word-start match, 2 prefix of
 * the whole field, 1 anywhere, 0 none. Phone queries compare digits (and the national number
 * without its trunk zero); other queries compare every word with the name, and with the email
 * when the query could be part of an address.
 */
import { digitsOf, isPhoneQuery, normaliseText } from './search-text';

/** The normalised fields of an entry (the name with a leading space, so " word" finds word starts). */
export interface ScoredEntry {
  name: string;
  phone: string;
  email: string;
}

/** Whether a (normalised, non-phone) query is compared with email addresses too. */
export function searchesEmail(text: string): boolean {
  return text.includes('@') || text.includes('.') || !text.includes(' ');
}

/** `tokens[i]` is a query word, `starts[i]` the same word after a space (a word start). */
function scoreName(name: string, tokens: readonly string[], starts: readonly string[]): number {
  let score = 3;
  for (let i = 0; i < tokens.length; i += 1) {
    const start = starts[i] as string;
    if (name.startsWith(start)) continue;
    if (name.includes(start)) {
      if (score > 2) score = 2;
    } else if (name.includes(tokens[i] as string)) score = 1;
    else return 0;
  }
  return score;
}

function scoreField(value: string, needle: string): number {
  if (needle === '' || value === '') return 0;
  if (value === needle) return 3;
  if (value.startsWith(needle)) return 2;
  return value.includes(needle) ? 1 : 0;
}

/**
 * The query compiled into a scorer of one entry at a time; null for an empty query. The index
 * scores the entries of its current layout from joined columns instead (the same scores, tested
 * against this) and any other entry with this.
 */
export function scorer(query: string): ((e: ScoredEntry) => number) | null {
  const text = normaliseText(query);
  if (text === '') return null;
  const phone = isPhoneQuery(query);
  const digits = digitsOf(query);
  const national = digits.replace(/^0+/, '');
  const tokens = text.split(' ');
  const starts = tokens.map((t) => ` ${t}`);
  const email = searchesEmail(text);
  return (e) => {
    if (phone) return Math.max(scoreField(e.phone, digits), national.length >= 3 && e.phone.includes(national) ? 1 : 0);
    const name = scoreName(e.name, tokens, starts);
    return name < 3 && email ? Math.max(name, scoreField(e.email, text)) : name;
  };
}
