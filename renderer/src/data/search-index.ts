import { compareCodePoints } from '../../../shared/util/compare';
import { scorer, searchesEmail } from './search-score';
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
  /** Position in the index's current column layout (valid while `layout` is that layout's number). */
  pos: number;
  layout: number;
}

/** Separates entries in the joined columns; no normalised field or query contains it. */
const SEP = '\u0000';

/**
 * The index's fields as three long strings (entries in name order, joined by SEP) with each
 * entry's start offset, so that a query is answered by `indexOf` over one string per field
 * instead of a few string operations per customer: the occurrences of a word tell which entries
 * it is in, and the character before it whether at a word start. Same scores as `scorer`
 * (search-score.ts).
 */
interface Columns {
  layout: number;
  size: number;
  names: { text: string; starts: Int32Array };
  phones: { text: string; starts: Int32Array };
  emails: { text: string; starts: Int32Array };
}

function joinColumn(values: readonly string[]): { text: string; starts: Int32Array } {
  const starts = new Int32Array(values.length + 1);
  let offset = 0;
  for (let i = 0; i < values.length; i += 1) {
    starts[i] = offset;
    offset += (values[i] as string).length + 1;
  }
  starts[values.length] = offset;
  return { text: values.join(SEP), starts };
}

/**
 * For every occurrence of `needle` in the column, `visit(entry, offsetInEntry)`. Occurrences come
 * in ascending order, so the entry is found by walking `starts` forward.
 */
function occurrences(column: { text: string; starts: Int32Array }, needle: string, visit: (entry: number, at: number) => void): void {
  const { text, starts } = column;
  let entry = 0;
  for (let p = text.indexOf(needle); p !== -1; p = text.indexOf(needle, p + 1)) {
    while ((starts[entry + 1] as number) <= p) entry += 1;
    visit(entry, p - (starts[entry] as number));
  }
}

/** `scoreField` for every entry of a column at once (3 equal, 2 prefix, 1 inside, 0 none). */
function fieldScores(column: { text: string; starts: Int32Array }, needle: string, into: Uint8Array): void {
  const { starts } = column;
  occurrences(column, needle, (entry, at) => {
    const length = (starts[entry + 1] as number) - (starts[entry] as number) - 1;
    const score = at > 0 ? 1 : needle.length === length ? 3 : 2;
    if (score > (into[entry] as number)) into[entry] = score;
  });
}

/** `scorer` over every entry of the columns: scores[pos] for each entry. */
function columnScores(columns: Columns, query: string): Uint8Array | null {
  const text = normaliseText(query);
  if (text === '') return null;
  const scores = new Uint8Array(columns.size);
  if (isPhoneQuery(query)) {
    const digits = digitsOf(query);
    const national = digits.replace(/^0+/, '');
    fieldScores(columns.phones, digits, scores);
    if (national.length >= 3) {
      occurrences(columns.phones, national, (entry) => {
        if (scores[entry] === 0) scores[entry] = 1;
      });
    }
    return scores;
  }
  const names = columns.names;
  const tokens = text.split(' ');
  const word = new Uint8Array(columns.size);
  tokens.forEach((token, i) => {
    word.fill(0);
    occurrences(names, token, (entry, at) => {
      // names start with a space: at 1 the name starts with the word, after a space a word does
      const score = at === 1 ? 3 : names.text.charCodeAt((names.starts[entry] as number) + at - 1) === 32 ? 2 : 1;
      if (score > (word[entry] as number)) word[entry] = score;
    });
    if (i === 0) scores.set(word);
    else for (let k = 0; k < scores.length; k += 1) if ((word[k] as number) < (scores[k] as number)) scores[k] = word[k] as number;
  });
  if (searchesEmail(text)) {
    const email = new Uint8Array(columns.size);
    fieldScores(columns.emails, text, email);
    for (let k = 0; k < scores.length; k += 1) {
      const name = scores[k] as number;
      if (name < 3 && (email[k] as number) > name) scores[k] = email[k] as number;
    }
  }
  return scores;
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

/** Whether `a` becomes `b` with at most one insertion, deletion, substitution or swap of neighbours. */
function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  while (i < la && i < lb && a[i] === b[i]) i += 1;
  if (la === lb) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true; // substitution
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2); // swap
  }
  return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/** Query words this short must match exactly: one edit away from "Al" is half the phone book. */
const CLOSE_MIN_LENGTH = 4;

/**
 * Whether a name (normalised, with its leading space) matches every query word allowing one typo
 * per word: a word of the name starts with the query word give or take one edit ("romel" finds
 * "Rommel", "marai" finds "Maria"). Words shorter than four letters must match as typed.
 */
function closeNameMatch(name: string, tokens: readonly string[]): boolean {
  const words = name.trim().split(' ');
  return tokens.every((t) => {
    if (t.length < CLOSE_MIN_LENGTH) return words.some((w) => w.startsWith(t));
    return words.some((w) => w.startsWith(t) || [t.length - 1, t.length, t.length + 1].some((n) => n <= w.length && withinOneEdit(t, w.slice(0, n))));
  });
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
  /** The fields joined in that order, rebuilt lazily with it (null: not built, or not usable). */
  private columns: Columns | null = null;
  private layouts = 0;

  get size(): number {
    return this.entries.size;
  }

  put(customer: SearchableCustomer): void {
    this.entries.set(customer.id, {
      id: customer.id,
      name: ` ${normaliseText(customer.name)}`,
      phone: digitsOf(customer.phone),
      email: customer.email.toLowerCase(),
      pos: -1,
      layout: -1,
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
      this.columns = null;
    }
    return this.ordered;
  }

  /** The joined columns of the current entries, or null when a field holds the separator. */
  private currentColumns(): Columns | null {
    const ordered = this.inOrder();
    if (this.columns !== null) return this.columns;
    if (ordered.some((e) => e.name.includes(SEP) || e.phone.includes(SEP) || e.email.includes(SEP))) return null;
    this.layouts += 1;
    const layout = this.layouts;
    ordered.forEach((e, pos) => {
      e.pos = pos;
      e.layout = layout;
    });
    this.columns = {
      layout,
      size: ordered.length,
      names: joinColumn(ordered.map((e) => e.name)),
      phones: joinColumn(ordered.map((e) => e.phone)),
      emails: joinColumn(ordered.map((e) => e.email)),
    };
    return this.columns;
  }

  /**
   * The query compiled into a scorer of entries: from the joined columns (one `indexOf` pass per
   * word) for entries of the current layout, and entry by entry for any other (an entry replaced
   * or removed since, still held by a caller's rows).
   */
  private compiled(query: string): ((e: Entry) => number) | null {
    const slow = scorer(query);
    if (slow === null || query.includes(SEP)) return slow;
    const columns = this.currentColumns();
    const scores = columns === null ? null : columnScores(columns, query);
    if (columns === null || scores === null) return slow;
    const { layout } = columns;
    return (e) => (e.layout === layout ? (scores[e.pos] as number) : slow(e));
  }

  /**
   * The query compiled once into a scorer of single customers (0 = no match), for callers that
   * filter and order the customers themselves (the Customers list: no sort of the hits on every
   * keystroke). `null` for an empty query, which matches everyone.
   */
  matcher(query: string): ((id: string) => number) | null {
    const score = this.compiled(query);
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
    return this.compiled(query);
  }

  /**
   * Ids of the customers matching the query, best match first, then by name; every customer
   * (by name) for an empty query. One pass over the entries kept in name order, so there is no
   * sort per keystroke.
   */
  /**
   * Customers whose name matches a name query give or take one typo per word (see
   * `closeNameMatch`) but not as typed, by name — "did you mean" suggestions for a search with
   * few or no hits. Nothing for phone or email queries (digits and addresses are exact).
   */
  closeMatches(query: string, options: SearchOptions = {}): SearchHit[] {
    const text = normaliseText(query);
    if (text === '' || isPhoneQuery(query) || text.includes('@')) return [];
    const tokens = text.split(' ');
    if (!tokens.some((t) => t.length >= CLOSE_MIN_LENGTH)) return [];
    const exact = scorer(query);
    const { accept, limit = Number.POSITIVE_INFINITY } = options;
    const out: SearchHit[] = [];
    for (const e of this.inOrder()) {
      if (out.length >= limit) break;
      if (exact !== null && exact(e) > 0) continue;
      if (!closeNameMatch(e.name, tokens) || (accept !== undefined && !accept(e.id))) continue;
      out.push({ id: e.id, score: 0 });
    }
    return out;
  }

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
    const match = this.compiled(query);
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
