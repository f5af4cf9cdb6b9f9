/**
 * The ids of a large file with the line each was first seen on: a ReadonlyMap<string, number>
 * for readers, kept as two plain arrays and an open-addressing table of their positions. A
 * JavaScript Map of a million ids costs tens of MB and, growing, a large share of a parse's time
 * (rehashing, and the garbage collector walking it); this costs about 16 bytes an id beyond the
 * id strings themselves.
 */
export class IdTable implements ReadonlyMap<string, number> {
  private readonly ids: string[] = [];
  private readonly lines: number[] = [];
  /** Position + 1 of the id in `ids`; 0 = empty slot. Always at most half full. */
  private slots = new Int32Array(1 << 10);

  get size(): number {
    return this.ids.length;
  }

  private static hash(id: string): number {
    // FNV-1a over UTF-16 code units
    let h = 0x811c9dc5;
    for (let i = 0; i < id.length; i += 1) {
      h ^= id.charCodeAt(i);
      h = Math.imul(h, 0x01000193);
    }
    return h >>> 0;
  }

  private find(id: string): number {
    const mask = this.slots.length - 1;
    for (let i = IdTable.hash(id) & mask; ; i = (i + 1) & mask) {
      const at = this.slots[i] as number;
      if (at === 0 || this.ids[at - 1] === id) return i;
    }
  }

  get(id: string): number | undefined {
    const at = this.slots[this.find(id)] as number;
    return at === 0 ? undefined : this.lines[at - 1];
  }

  has(id: string): boolean {
    return this.slots[this.find(id)] !== 0;
  }

  /** Records `id` first seen on `line`; an id already there keeps its first line. */
  set(id: string, line: number): this {
    const slot = this.find(id);
    if (this.slots[slot] !== 0) return this;
    this.ids.push(id);
    this.lines.push(line);
    this.slots[slot] = this.ids.length;
    if (this.ids.length * 2 > this.slots.length) this.grow();
    return this;
  }

  private grow(): void {
    const slots = new Int32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    for (let n = 0; n < this.ids.length; n += 1) {
      let i = IdTable.hash(this.ids[n] as string) & mask;
      while (slots[i] !== 0) i = (i + 1) & mask;
      slots[i] = n + 1;
    }
    this.slots = slots;
  }

  *entries(): MapIterator<[string, number]> {
    for (let n = 0; n < this.ids.length; n += 1) yield [this.ids[n] as string, this.lines[n] as number];
  }

  *keys(): MapIterator<string> {
    yield* this.ids;
  }

  *values(): MapIterator<number> {
    yield* this.lines;
  }

  [Symbol.iterator](): MapIterator<[string, number]> {
    return this.entries();
  }

  forEach(callback: (value: number, key: string, map: ReadonlyMap<string, number>) => void): void {
    for (let n = 0; n < this.ids.length; n += 1) callback(this.lines[n] as number, this.ids[n] as string, this);
  }
}
