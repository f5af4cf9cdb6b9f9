import { describe, expect, it } from 'vitest';
import { generateDemoData, demoOptions } from '../../../shared/demo';
import fc from 'fast-check';
import { CustomerSearchIndex, narrows } from './search-index';
import { scorer } from './search-score';
import { digitsOf, isPhoneQuery, normaliseText } from './search-text';

function index(): CustomerSearchIndex {
  const i = new CustomerSearchIndex();
  i.put({ id: 'a', name: 'José Rizal', phone: '+639171234567', email: 'jose@example.ph' });
  i.put({ id: 'b', name: 'Maria  Santos', phone: '+639189990000', email: 'maria.santos@mail.com' });
  i.put({ id: 'c', name: 'Marianne Müller', phone: '', email: 'mm@example.de' });
  i.put({ id: 'd', name: 'Ana Maria Cruz', phone: '+14155550123', email: '' });
  return i;
}

describe('search normalisation', () => {
  it('folds case, accents and spaces', () => {
    expect(normaliseText('  JOSÉ   Müller-Łukasz Straße ')).toBe('jose muller-lukasz strasse');
    // The plain-ASCII shortcut gives what the full path gives, for any text.
    const full = (text: string): string =>
      text
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .replace(/ß/g, 'ss')
        .replace(/[øØ]/g, 'o')
        .replace(/[łŁ]/g, 'l')
        .toLowerCase()
        .replace(/\s+/g, ' ')
        .trim();
    const ascii = fc.string({ unit: fc.constantFrom(' ', ' ', 'a', 'Z', '-', '.', '@', '1', '\t', 'é', 'ß', '\u00a0') });
    fc.assert(fc.property(fc.oneof(ascii, fc.string({ unit: 'binary' })), (text) => normaliseText(text) === full(text)), { numRuns: 2000 });
    expect(normaliseText('  Ana   Cruz ')).toBe('ana cruz');
  });
  it('reads phone queries as digits', () => {
    expect(digitsOf('+63 (917) 123-4567')).toBe('639171234567');
    expect(isPhoneQuery('0917 123')).toBe(true);
    expect(isPhoneQuery('12')).toBe(false);
    expect(isPhoneQuery('Maria 12')).toBe(false);
  });
});

describe('CustomerSearchIndex', () => {
  it('matches names without accents, word starts first, then by name', () => {
    const i = index();
    expect(i.search('jose').map((h) => h.id)).toEqual(['a']);
    expect(i.search('muller').map((h) => h.id)).toEqual(['c']);
    // b and c start with "maria" (score 3, then by name), d has it at a later word start (2)
    expect(i.search('maria').map((h) => [h.id, h.score])).toEqual([
      ['b', 3],
      ['c', 3],
      ['d', 2],
    ]);
    expect(i.search('maria cruz').map((h) => h.id)).toEqual(['d']);
    // inside words only: all score 1, ordered by name ("ana…", "maria s…", "marianne…")
    expect(i.search('ria').map((h) => [h.id, h.score])).toEqual([
      ['d', 1],
      ['b', 1],
      ['c', 1],
    ]);
  });

  it('matches phone digits with or without the country code or trunk zero', () => {
    const i = index();
    expect(i.search('+63 917 123 4567').map((h) => h.id)).toEqual(['a']);
    expect(i.search('0917 123').map((h) => h.id)).toEqual(['a']);
    expect(i.search('555-0123').map((h) => h.id)).toEqual(['d']);
  });

  it('matches email, honours accept and limit, forgets removed customers', () => {
    const i = index();
    expect(i.search('maria.santos@').map((h) => h.id)).toEqual(['b']);
    expect(i.search('example').map((h) => h.id).sort()).toEqual(['a', 'c']);
    expect(i.search('maria', { accept: (id) => id !== 'd' }).map((h) => h.id)).toEqual(['b', 'c']);
    expect(i.search('', { limit: 2 }).map((h) => h.id)).toEqual(['d', 'a']);
    i.remove('a');
    expect(i.search('jose')).toEqual([]);
    expect(i.size).toBe(3);
  });

  it('compiles a matcher that scores single customers exactly as search does', () => {
    const i = index();
    expect(i.matcher('   ')).toBeNull();
    for (const query of ['maria', 'ria', 'maria cruz', '0917 123', '555-0123', 'example', 'maria.santos@', 'nobody']) {
      const match = i.matcher(query);
      expect(match).not.toBeNull();
      const scored = ['a', 'b', 'c', 'd'].map((id) => [id, match?.(id) ?? -1] as const).filter(([, score]) => score > 0);
      const searched = i.search(query).map((h) => [h.id, h.score] as const);
      expect(new Map(scored)).toEqual(new Map(searched));
    }
    expect(i.matcher('maria')?.('unknown-id')).toBe(0);
  });

  it('scores entries held by the caller exactly like ids', () => {
    const i = index();
    const byEntry = i.entryMatcher('maria');
    const byId = i.matcher('maria');
    for (const id of ['a', 'b', 'c', 'd']) {
      const entry = i.entry(id);
      expect(entry && byEntry?.(entry)).toBe(byId?.(id));
    }
    expect(i.entry('nobody')).toBeUndefined();
    expect(i.entryMatcher(' ')).toBeNull();
  });
});

describe('narrows', () => {
  it('says yes when typing on extends a query of the same kind', () => {
    expect(narrows('m', 'ma')).toBe(true);
    expect(narrows('maria', 'Maria S')).toBe(true);
    expect(narrows('maria ', 'maria s')).toBe(true);
    expect(narrows('ana', 'ana.cruz@')).toBe(true);
    expect(narrows('0917', '0917 5')).toBe(true);
    expect(narrows('+63 917', '+63 9171')).toBe(true);
  });

  it('says no when the new matches could include customers the old query did not match', () => {
    expect(narrows('', 'm')).toBe(false);
    expect(narrows('mar', 'ma')).toBe(false);
    expect(narrows('mar', 'mir')).toBe(false);
    expect(narrows('09', '091')).toBe(false); // a name query becomes a phone query
    expect(narrows('091', '0917')).toBe(false); // national "91" did not count yet, "917" does
    expect(narrows('ana c', 'ana c.')).toBe(false); // email starts being searched
  });

  it('never lets a match of the longer query escape the shorter one (demo customers, typed queries)', () => {
    const i = new CustomerSearchIndex();
    const demo = generateDemoData(demoOptions('sample-like'));
    for (const c of demo.customers) i.put(c);
    const queries = ['maria santos', 'ana cruz', 'jo', 'ma.', 'gmail.com', '+63 917 12', '0917 555', '09175', '+1 212 5', 'josé r', 'o@', 'an a'];
    for (const c of demo.customers.slice(0, 20)) queries.push(c.name.toLowerCase(), c.email.slice(0, 8), c.phone.slice(0, 9));
    let checked = 0;
    for (const q of queries) {
      for (let end = 1; end < q.length; end += 1) {
        const previous = q.slice(0, end);
        if (!narrows(previous, q)) continue;
        const before = new Set(i.search(previous).map((h) => h.id));
        for (const hit of i.search(q)) expect(before.has(hit.id), `${hit.id} matches "${q}" but not "${previous}"`).toBe(true);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(100);
  });
});


describe('CustomerSearchIndex column scores', () => {
  const letters = ['a', 'n', 'm', 'r', 'i', 'o', 'é', 'ü', ' ', '-', '.'];
  const nameArb = fc.array(fc.constantFrom(...letters), { minLength: 0, maxLength: 14 }).map((cs) => cs.join(''));
  const customerArb = fc.record({
    name: nameArb,
    phone: fc.oneof(fc.constant(''), fc.array(fc.constantFrom('0', '1', '9', '6', '3'), { minLength: 3, maxLength: 12 }).map((d) => `+${d.join('')}`)),
    email: fc.oneof(fc.constant(''), fc.tuple(nameArb, fc.constantFrom('mail.com', 'a.ph', 'x.io')).map(([n, d]) => `${n.replace(/ /g, '')}@${d}`)),
  });
  const queryArb = fc.oneof(
    nameArb,
    fc.array(fc.constantFrom('0', '1', '9', '6', '3', ' ', '+', '-'), { minLength: 1, maxLength: 8 }).map((d) => d.join('')),
    fc.constantFrom('an', 'ma', 'mar ani', '@mail', '.io', 'a.ph', 'x', '0 9', '+63', '009'),
  );

  it('scores every customer exactly like the entry-by-entry scorer, also after changes', () => {
    fc.assert(
      fc.property(fc.array(customerArb, { minLength: 0, maxLength: 30 }), fc.array(queryArb, { minLength: 1, maxLength: 6 }), fc.nat(), (customers, queries, seed) => {
        const i = new CustomerSearchIndex();
        customers.forEach((c, k) => i.put({ id: `c${k}`, ...c }));
        const held = customers.map((_, k) => i.entry(`c${k}`));
        for (const q of queries) {
          const reference = scorer(q);
          const viaColumns = i.entryMatcher(q);
          if (reference === null || viaColumns === null) {
            expect(viaColumns).toBe(reference);
            continue;
          }
          for (const e of held) if (e !== undefined) expect([e.id, q, viaColumns(e)]).toEqual([e.id, q, reference(e)]);
          // a change re-lays the columns; entries held from before (replaced, removed) still score right
          const k = seed % Math.max(1, customers.length);
          if (customers.length > 0) {
            if (seed % 2 === 0) i.remove(`c${k}`);
            else i.put({ id: `c${k}`, name: `${customers[k]?.name ?? ''} x`, phone: '', email: '' });
          }
          const after = i.entryMatcher(q);
          for (const e of held) if (e !== undefined) expect(after?.(e)).toBe(reference(e));
          const current = i.entry(`c${k}`);
          if (current !== undefined) expect(after?.(current)).toBe(reference(current));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('gives the same hits as before on the demo business', () => {
    const data = generateDemoData(demoOptions('sample-like'));
    const i = new CustomerSearchIndex();
    for (const c of data.customers) i.put(c);
    for (const q of ['m', 'ma', 'maria', 'san', 'a c', '0917', '+63 9', 'gmail', '.com', 'zz']) {
      const reference = scorer(q);
      const expected = data.customers
        .map((c) => ({ id: c.id, score: reference === null ? 0 : reference(i.entry(c.id) as NonNullable<ReturnType<typeof i.entry>>) }))
        .filter((h) => h.score > 0);
      const got = i.search(q);
      expect(new Map(got.map((h) => [h.id, h.score]))).toEqual(new Map(expected.map((h) => [h.id, h.score])));
    }
  });
});

describe('close matches (one typo per word)', () => {
  it('one edit per word: insertion, deletion, substitution, swap of neighbours; two edits are too many', () => {
    const i = new CustomerSearchIndex();
    i.put({ id: 'x', name: 'Rommel Santos', phone: '', email: '' });
    for (const typo of ['romel', 'rommmel', 'rommal', 'rmomel', 'santso']) expect(i.closeMatches(typo).map((h) => h.id), typo).toEqual(['x']);
    for (const far of ['ramal', 'rmmoel', 'xantox']) expect(i.closeMatches(far), far).toEqual([]);
  });

  it('finds names a typo away, not the exact matches, nothing for short words, phones or emails', () => {
    const i = new CustomerSearchIndex();
    for (const [id, name] of [
      ['r1', 'Rommel Santos'],
      ['r2', 'Romelia Cruz'],
      ['m1', 'Maria Reyes'],
      ['a1', 'Al Ong'],
    ] as const)
      i.put({ id, name, phone: '+639171234567', email: `${id}@example.com` });
    expect(i.search('romel').map((h) => h.id)).toEqual(['r2']);
    expect(i.closeMatches('romel').map((h) => h.id)).toEqual(['r1']);
    expect(i.closeMatches('marai reyes').map((h) => h.id)).toEqual(['m1']);
    expect(i.closeMatches('marai reyez').map((h) => h.id)).toEqual(['m1']);
    expect(i.closeMatches('mraia').map((h) => h.id)).toEqual(['m1']);
    expect(i.closeMatches('mxrxa').map((h) => h.id)).toEqual([]);
    expect(i.closeMatches('la')).toEqual([]);
    expect(i.closeMatches('0917 123 4568')).toEqual([]);
    expect(i.closeMatches('r1@example.con')).toEqual([]);
    expect(i.closeMatches('romel', { limit: 0 })).toEqual([]);
  });
});
