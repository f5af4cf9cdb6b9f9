import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatMoneyInput, parseMoneyInput } from './money-input';

const cents = (text: string, locale: string): number | string => {
  const r = parseMoneyInput(text, locale);
  return r.ok ? r.cents : r.message;
};

describe('parseMoneyInput', () => {
  it('reads the separators of the locale', () => {
    expect([formatMoneyInput(1250, 'en-GB'), cents('1,234.50', 'en-GB')]).toEqual(['12.50', 123_450]);
    expect([formatMoneyInput(1250, 'de-DE'), cents('1.234,50', 'de-DE')]).toEqual(['12,50', 123_450]);
    expect([formatMoneyInput(1250, 'fr-FR'), cents('1 234,50', 'fr-FR')]).toEqual(['12,50', 123_450]);
    // an unknown locale reads like English
    expect([formatMoneyInput(1250, 'not a locale'), cents('1,234.50', 'not a locale')]).toEqual(['12.50', 123_450]);
  });

  it('reads a decimal comma where the locale uses one', () => {
    expect(cents('12,50', 'de-DE')).toBe(1250);
    expect(cents('12,5', 'de-DE')).toBe(1250);
    expect(cents('1.234,50', 'de-DE')).toBe(123_450);
    expect(cents('1 234,50', 'fr-FR')).toBe(123_450);
    expect(cents('1\u202f234,50', 'fr-FR')).toBe(123_450);
    expect(cents('250', 'de-DE')).toBe(25_000);
    expect(cents(',5', 'de-DE')).toBe(50);
  });

  it('reads points and comma grouping in English', () => {
    expect(cents('12.50', 'en-GB')).toBe(1250);
    expect(cents('1,250.00', 'en-US')).toBe(125_000);
    expect(cents('1,250', 'en-US')).toBe(125_000);
    expect(cents(' 80 ', 'en-PH')).toBe(8000);
  });

  it('refuses an entry that could mean two amounts, saying how to write it', () => {
    expect(cents('12,50', 'en-GB')).toBe('“12,50” is unclear here: write decimals with “.” (like 25.50)');
    expect(cents('12.50', 'de-DE')).toBe('“12.50” is unclear here: write decimals with “,” (like 25,50)');
    expect(cents('12.50', 'fr-FR')).toBe('“12.50” is unclear here: write decimals with “,” (like 25,50)');
    expect(cents('1.250', 'en-GB')).toBe('“1.250” is unclear: write at most two decimals after “.” (like 25.50)');
    expect(cents('1,2,3', 'de-DE')).toBe('“1,2,3” is unclear here: write decimals with “,” (like 25,50)');
  });

  it('refuses empty, negative, non-numeric and huge amounts', () => {
    expect(cents('', 'en-GB')).toBe('Enter an amount like 25.50 (0 for free)');
    expect(cents('-5', 'de-DE')).toBe('An amount cannot be negative');
    expect(cents('12€', 'de-DE')).toBe('Enter an amount like 25,50');
    expect(cents('20000000', 'en-GB')).toMatch(/too large/);
  });

  it('reads back what it formats, in every locale (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000_000 }), fc.constantFrom('en-GB', 'en-US', 'de-DE', 'fr-FR', 'es-ES', 'pt-BR', 'de-CH', 'ja-JP'), (value, locale) => {
        expect(parseMoneyInput(formatMoneyInput(value, locale), locale)).toEqual({ ok: true, cents: value });
      }),
    );
  });
});
