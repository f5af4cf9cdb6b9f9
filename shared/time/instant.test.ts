import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatInstant, parseInstant } from './instant';

describe('parseInstant', () => {
  it('reads Z and explicit offsets', () => {
    expect(parseInstant('2026-03-01T09:30:00Z')).toBe(Date.UTC(2026, 2, 1, 9, 30));
    expect(parseInstant('2026-03-01T09:30:00z')).toBe(Date.UTC(2026, 2, 1, 9, 30));
    expect(parseInstant('2026-03-01T09:30:00+13:00')).toBe(Date.UTC(2026, 1, 28, 20, 30));
    expect(parseInstant('2026-03-01T09:30:00-05:00')).toBe(Date.UTC(2026, 2, 1, 14, 30));
    expect(parseInstant('2026-03-01T09:30:00+05:45')).toBe(Date.UTC(2026, 2, 1, 3, 45));
    expect(parseInstant('2026-03-01T09:30:00+0545')).toBe(Date.UTC(2026, 2, 1, 3, 45));
    expect(parseInstant('2026-03-01T09:30:00+08')).toBe(Date.UTC(2026, 2, 1, 1, 30));
    expect(parseInstant('2026-03-01T09:30:00-00:00')).toBe(Date.UTC(2026, 2, 1, 9, 30));
  });

  it('reads minutes-only times and fractions of a second', () => {
    expect(parseInstant('2026-03-01T09:30Z')).toBe(Date.UTC(2026, 2, 1, 9, 30));
    expect(parseInstant('2026-03-01T09:30:15.250Z')).toBe(Date.UTC(2026, 2, 1, 9, 30, 15, 250));
    expect(parseInstant('2026-03-01T09:30:15.1Z')).toBe(Date.UTC(2026, 2, 1, 9, 30, 15, 100));
    expect(parseInstant('2026-03-01T23:59:59.999999999+00:00')).toBe(Date.UTC(2026, 2, 1, 23, 59, 59, 999));
  });

  it('rejects impossible dates and times', () => {
    for (const text of [
      '2026-02-30T10:00:00Z',
      '2026-02-29T10:00:00Z',
      '2026-13-01T10:00:00Z',
      '2026-01-01T24:00:00Z',
      '2026-01-01T23:60:00Z',
      '2026-01-01T23:59:60Z',
      '2026-01-01T10:00:00+19:00',
      '2026-01-01T10:00:00+05:60',
    ]) {
      expect(parseInstant(text), text).toBeNull();
    }
  });

  it('rejects instants without an offset, dates alone and garbage', () => {
    for (const text of [
      '2026-02-10T10:00:00',
      '2026-02-10 10:00:00Z',
      '2026-02-10',
      '10:00:00Z',
      'yesterday',
      '',
      ' 2026-02-10T10:00:00Z',
      '2026-02-10T10:00:00Z ',
      '2026-02-10T10:00:00 Z',
      '2026-02-10T10:00:00+5:00',
      '1772357400000',
    ]) {
      expect(parseInstant(text), text).toBeNull();
      expect(parseInstant(text), text).toBeNull();
    }
  });

  it('agrees with Date.parse on every valid instant written with any offset', () => {
    const offsets = fc.integer({ min: -12 * 4, max: 14 * 4 }).map((q) => q * 15);
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2200, 0, 1) }), offsets, (ms, offset) => {
        const local = new Date(ms + offset * 60_000).toISOString().slice(0, 23);
        const sign = offset < 0 ? '-' : '+';
        const abs = Math.abs(offset);
        const text = `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
        expect(parseInstant(text)).toBe(ms);
        expect(parseInstant(text)).toBe(Date.parse(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('formatInstant is canonical UTC that parses back', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2200, 0, 1) }), (ms) => {
        expect(parseInstant(formatInstant(ms))).toBe(ms);
      }),
    );
  });
});
