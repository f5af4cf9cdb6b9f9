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

  it('answers the same while ids come in order, at the first id out of order and after it', () => {
    for (const breakAt of [0, 1, 2, 5_000, 19_999, 20_000]) {
      const table = new IdTable();
      const map = new Map<string, number>();
      const add = (id: string, line: number): void => {
        table.set(id, line);
        if (!map.has(id)) map.set(id, line);
      };
      // in order (zero-padded), with repeats of the last id and lookups of earlier ones
      for (let i = 0; i < breakAt; i += 1) {
        add(`bk-${String(i).padStart(6, '0')}`, i + 2);
        if (i % 1000 === 7) add(`bk-${String(i).padStart(6, '0')}`, -1);
        if (i % 997 === 3) expect(table.get(`bk-${String(i >> 1).padStart(6, '0')}`)).toBe(map.get(`bk-${String(i >> 1).padStart(6, '0')}`));
      }
      expect(table.get('bk-')).toBeUndefined();
      expect(table.has(`bk-${String(breakAt).padStart(6, '0')}`)).toBe(false);
      // then out of order: repeats of earlier ids keep their first line, new ids are added
      for (let i = 0; i < 20_000; i += 1) add(`bk-${String((i * 7919) % 30_011).padStart(6, '0')}`, 100_000 + i);
      expect([...table]).toEqual([...map]);
      for (const [id, line] of map) expect(table.get(id)).toBe(line);
      expect(table.get('bk-x')).toBeUndefined();
      expect(table.size).toBe(map.size);
    }
  });
});
