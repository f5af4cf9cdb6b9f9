/**
 * Column mapping of a file exported by another system: each column of the header becomes one
 * field of an import (or `skip`), detected from the header's spelling and changed by a person
 * (the desk's mapping step) or a `Header=field,…` text (the CLI's `--map`). The client-list and
 * the visit-history imports (customer-import.ts, booking-import.ts) share it with their own fields.
 */

/** A header compared without case, spaces, `_`, `-` and `.`. */
export function headerKey(header: string): string {
  return header.trim().toLowerCase().replace(/[\s_.-]+/g, '');
}

/** One mapped field per column of the file, in the file's order. */
export type Mapping<F extends string> = (F | 'skip')[];

/** The mapping detected from the header: each field from its first matching column, other columns skipped. */
export function detectColumns<F extends string>(headers: readonly string[], fields: readonly F[], aliases: Readonly<Record<F, readonly string[]>>): Mapping<F> {
  const taken = new Set<F>();
  return headers.map((h) => {
    const key = headerKey(h);
    const field = fields.find((f) => aliases[f].some((a) => headerKey(a) === key));
    if (field === undefined || taken.has(field)) return 'skip';
    taken.add(field);
    return field;
  });
}

/** The mapping with `field` taken from column `index` only (the column that had it is skipped). */
export function withField<F extends string>(mapping: Mapping<F>, index: number, field: F | 'skip'): Mapping<F> {
  const next = [...mapping];
  if (field !== 'skip') for (let i = 0; i < next.length; i += 1) if (next[i] === field) next[i] = 'skip';
  next[index] = field;
  return next;
}

/**
 * `base` with the overrides of a `Header=field,…` text (`--map`). Unknown headers and fields are
 * errors that name what is wrong.
 */
export function applyMapText<F extends string>(headers: readonly string[], base: Mapping<F>, text: string, fields: readonly F[]): Mapping<F> | { error: string } {
  let mapping = [...base];
  for (const part of text.split(',')) {
    if (part.trim() === '') continue;
    const eq = part.lastIndexOf('=');
    if (eq < 0) return { error: `--map entry "${part.trim()}" is not Header=field` };
    const header = part.slice(0, eq).trim();
    const field = part.slice(eq + 1).trim().toLowerCase();
    const index = headers.findIndex((h) => h.trim() === header);
    const loose = index >= 0 ? index : headers.findIndex((h) => h.trim().toLowerCase() === header.toLowerCase());
    if (loose < 0) return { error: `--map names column "${header}", which is not in the file's header (${headers.join(', ')})` };
    if (field !== 'skip' && !(fields as readonly string[]).includes(field)) return { error: `--map field "${field}" for column "${header}" is not one of ${[...fields, 'skip'].join(', ')}` };
    mapping = withField(mapping, loose, field as F | 'skip');
  }
  return mapping;
}
