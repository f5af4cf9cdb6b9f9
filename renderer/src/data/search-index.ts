import { compareCodePoints } from '../../../shared/util/compare';
import { digitsOf, isPhoneQuery, normaliseText } from './search-text';

export interface SearchableCustomer {
  id: string;
  name: string;
  /** E.164 or ''. */
  phone: string;
  email: string;
}

interface Entry {
  id: string;
  /** Normalised name, with a leading space so " word" finds word starts. */
  name: string;
  phone: string;
  email: string;
}

/** A customer's entry in the index (opaque to callers: hand it back to an `entryMatcher`). */
export type SearchEntry = Readonly<Entry>;

export interface SearchHit {
  id: string;
  /** Higher is better: 3 exact / word-start match, 2 prefix of the whole field, 1 anywhere. */
  score: number;
}

export interface SearchOptions {
  /** Most hits to return (best first); all when omitted. */
  limit?: number;
  /** Only customers this accepts (e.g. a status filter) are returned. */
  accept?: (id: string) => boolean;
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

/** The query compiled into a scorer of index entries; null for an empty query. */
function scorer(query: string): ((e: Entry) => number) | null {
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

/** Whether a (normalised, non-phone) query is compared with email addresses too. */
function searchesEmail(text: string): boolean {
  return text.includes('@') || text.includes('.') || !text.includes(' ');
}

/**
 * Whether every customer matching `next` also matches `previous` (the user typed more of the
 * same query), so a caller may filter the previous matches instead of every customer. Only
 * clear-cut cases say yes: the same kind of query (name/email or phone) and the text extended
 * at its end; for phone queries, digits extended and not a short number with a trunk zero
 * (whose national form only starts counting at three digits).
 */
export function narrows(previous: string, next: string): boolean {
  const before = normaliseText(previous);
  const after = normaliseText(next);
  if (before === '' || !after.startsWith(before)) return false;
  const phoneBefore = isPhoneQuery(previous);
  if (phoneBefore !== isPhoneQuery(next)) return false;
  if (!phoneBefore) return !searchesEmail(after) || searchesEmail(before);
  const digits = digitsOf(previous);
  const national = digits.replace(/^0+/, '');
  return digitsOf(next).startsWith(digits) && (national === digits || national.length >= 3);
}

/**
 * In-memory customer search by name (accent- and case-insensitive, every word of the query must
 * match), phone digits (with or without country code or trunk zero) or email. Kept current by the
 * data layer on every customer change; a linear scan over 50,000 entries takes a few
 * milliseconds, and results are ordered by match quality, then name, then id.
 */
export class CustomerSearchIndex {
  private readonly entries = new Map<string, Entry>();
  /** Entries in result order (name, then id), rebuilt lazily after changes. */
  private ordered: Entry[] | null = null;

  get size(): number {
    return this.entries.size;
  }

  put(customer: SearchableCustomer): void {
    this.entries.set(customer.id, {
      id: customer.id,
      name: ` ${normaliseText(customer.name)}`,
      phone: digitsOf(customer.phone),
      email: customer.email.toLowerCase(),
    });
    this.ordered = null;
  }

  remove(id: string): void {
    if (this.entries.delete(id)) this.ordered = null;
  }

  clear(): void {
    this.entries.clear();
    this.ordered = null;
  }

  private inOrder(): Entry[] {
    if (this.ordered === null) {
      this.ordered = [...this.entries.values()].sort((a, b) => compareCodePoints(a.name, b.name) || compareCodePoints(a.id, b.id));
    }
    return this.ordered;
  }

  /**
   * The query compiled once into a scorer of single customers (0 = no match), for callers that
   * filter and order the customers themselves (the Customers list: no sort of the hits on every
   * keystroke). `null` for an empty query, which matches everyone.
   */
  matcher(query: string): ((id: string) => number) | null {
    const score = scorer(query);
    if (score === null) return null;
    return (id) => {
      const entry = this.entries.get(id);
      return entry === undefined ? 0 : score(entry);
    };
  }

  /** A customer's current entry, for callers that keep it next to their own rows. */
  entry(id: string): SearchEntry | undefined {
    return this.entries.get(id);
  }

  /** Like `matcher`, over entries the caller holds (no lookup per customer). */
  entryMatcher(query: string): ((entry: SearchEntry) => number) | null {
    return scorer(query);
  }

  /**
   * Ids of the customers matching the query, best match first, then by name; every customer
   * (by name) for an empty query. One pass over the entries kept in name order, so there is no
   * sort per keystroke.
   */
  search(query: string, options: SearchOptions = {}): SearchHit[] {
    const text = normaliseText(query);
    const { accept, limit = Number.POSITIVE_INFINITY } = options;
    const buckets: SearchHit[][] = [[], [], [], []];
    const ordered = this.inOrder();
    if (text === '') {
      const all = buckets[0] as SearchHit[];
      for (const e of ordered) {
        if (accept !== undefined && !accept(e.id)) continue;
        all.push({ id: e.id, score: 0 });
        if (all.length >= limit) break;
      }
      return all;
    }
    const match = scorer(query);
    const best = buckets[3] as SearchHit[];
    for (const e of ordered) {
      const score = match === null ? 0 : match(e);
      if (score === 0 || (accept !== undefined && !accept(e.id))) continue;
      (buckets[score] as SearchHit[]).push({ id: e.id, score });
      if (best.length >= limit) break;
    }
    const hits = [...best, ...(buckets[2] as SearchHit[]), ...(buckets[1] as SearchHit[])];
    return hits.length > limit ? hits.slice(0, limit) : hits;
  }
}
