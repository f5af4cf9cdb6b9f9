import { describe, expect, it } from 'vitest';
import { IdTable } from './id-table';

describe('IdTable', () => {
  it('answers like a Map of first-seen lines, through growth and colliding probes', () => {
    const table = new IdTable();
    const map = new Map<string, number>();
    for (let i = 0; i < 50_000; i += 1) {
      const id = `bk-${(i * 7919) % 30_011}`;
      table.set(id, i + 2);
      if (!map.has(id)) map.set(id, i + 2);
    }
    expect(table.size).toBe(map.size);
    expect([...table]).toEqual([...map]);
    expect([...table.keys()]).toEqual([...map.keys()]);
    expect([...table.values()]).toEqual([...map.values()]);
    for (const [id, line] of map) expect(table.get(id)).toBe(line);
    expect(table.get('bk-x')).toBeUndefined();
    expect(table.has('bk-30010')).toBe(map.has('bk-30010'));
    expect(table.has('')).toBe(false);
    const seen: [string, number][] = [];
    table.forEach((line, id) => seen.push([id, line]));
    expect(seen).toEqual([...map]);
  });
});
