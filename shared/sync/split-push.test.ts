import { describe, expect, it } from 'vitest';
import { splitPushBatch, utf8Length } from './split-push';

describe('splitPushBatch', () => {
  it('counts UTF-8 bytes like the server does', () => {
    for (const s of ['', 'abc', 'é', '€', '😀', 'a😀b€', '\ud800']) expect(utf8Length(s)).toBe(Buffer.byteLength(s, 'utf8'));
  });

  it('keeps every group within the byte and row limits, in order, and loses no row', () => {
    const rows = Array.from({ length: 50 }, (_, i) => ({ id: `r${i}`, text: '€'.repeat((i * 37) % 300) }));
    const limit = 2000;
    const groups = splitPushBatch(rows, limit, 7);
    expect(groups.flat()).toEqual(rows);
    for (const g of groups) {
      expect(g.length).toBeLessThanOrEqual(7);
      expect(Buffer.byteLength(JSON.stringify(g), 'utf8')).toBeLessThanOrEqual(limit);
    }
    expect(groups.length).toBeGreaterThan(1);
  });

  it('sends a small batch as one request and a single oversized row on its own', () => {
    expect(splitPushBatch([{ a: 1 }, { a: 2 }], 1000)).toEqual([[{ a: 1 }, { a: 2 }]]);
    expect(splitPushBatch([{ a: 'x'.repeat(50) }, { a: 1 }], 20)).toEqual([[{ a: 'x'.repeat(50) }], [{ a: 1 }]]);
    expect(splitPushBatch([], 10)).toEqual([]);
  });
});
