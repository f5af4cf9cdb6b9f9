/**
 * The ids of a large file with the line each was first seen on: a ReadonlyMap<string, number>
 * for readers, kept as two plain arrays and, once needed, an open-addressing table of their
 * positions. A JavaScript Map of a million ids costs tens of MB and, growing, a large share of a
 * parse's time (rehashing, and the garbage collector walking it); this costs about 16 bytes an
 * id beyond the id strings themselves.
 *
 * Files are usually written in id order. While every id added is greater than the one before
 * (UTF-16 order), the ids are their own sorted index: a new id is told apart from every earlier
 * one by one comparison with the last, a lookup is a binary search, and no table is built. The
 * first id out of order builds the table, which is used from then on.
 */
export class IdTable implements ReadonlyMap<string, number> {
  private readonly ids: string[] = [];
  private readonly lines: number[] = [];
  /** Position + 1 of the id in `ids`; 0 = empty slot. Always at most half full. Null while `ids` is sorted. */
  private slots: Int32Array | null = null;

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

  private find(slots: Int32Array, id: string): number {
    const mask = slots.length - 1;
    for (let i = IdTable.hash(id) & mask; ; i = (i + 1) & mask) {
      const at = slots[i] as number;
      if (at === 0 || this.ids[at - 1] === id) return i;
    }
  }

  /** Position of `id` in `ids`, or -1. */
  private position(id: string): number {
    const ids = this.ids;
    if (this.slots !== null) return (this.slots[this.find(this.slots, id)] as number) - 1;
    const n = ids.length;
    if (n === 0 || id > (ids[n - 1] as string)) return -1;
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((ids[mid] as string) < id) lo = mid + 1;
      else hi = mid;
    }
    return lo < n && ids[lo] === id ? lo : -1;
  }

  get(id: string): number | undefined {
    const at = this.position(id);
    return at === -1 ? undefined : this.lines[at];
  }

  has(id: string): boolean {
    return this.position(id) !== -1;
  }

  /** Records `id` first seen on `line`; an id already there keeps its first line. */
  set(id: string, line: number): this {
    const n = this.ids.length;
    if (this.slots === null) {
      if (n === 0 || id > (this.ids[n - 1] as string)) {
        this.ids.push(id);
        this.lines.push(line);
        return this;
      }
      if (this.position(id) !== -1) return this;
      this.slots = new Int32Array(1 << 10);
      this.grow();
    }
    const slots = this.slots;
    const slot = this.find(slots, id);
    if (slots[slot] !== 0) return this;
    this.ids.push(id);
    this.lines.push(line);
    slots[slot] = n + 1;
    if ((n + 1) * 2 > slots.length) this.grow();
    return this;
  }

  /** Rebuilds the table at least twice as large as the ids. */
  private grow(): void {
    let size = (this.slots as Int32Array).length * 2;
    while (size < this.ids.length * 2 + 2) size *= 2;
    const slots = new Int32Array(size);
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
