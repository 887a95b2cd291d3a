/**
 * A hash table from unordered pairs of non-negative integers (ids of distinct names, syllables,
 * facilities) to non-negative integers, open addressing in one typed array (each slot: first id,
 * second id, value, side by side, so a look-up touches one cache line). The engine looks a pair up
 * once per candidate pair; a `Map` under a computed key was most of the comparison loop's time.
 */
export class PairTable {
  /** Slot k: [3k] first id (−1 empty), [3k + 1] second id, [3k + 2] value. */
  private slots: Int32Array;
  private mask: number;
  private count = 0;

  constructor(capacity = 1 << 12) {
    let size = 16;
    while (size < 2 * capacity) size *= 2;
    this.slots = new Int32Array(3 * size).fill(-1);
    this.mask = size - 1;
  }

  /** Pairs stored. */
  get size(): number {
    return this.count;
  }

  /** The slot of {lo, hi} (lo ≤ hi): where it is, or the empty slot where it would go. */
  private slot(lo: number, hi: number): number {
    let h = Math.imul(lo, 0x9e3779b1) ^ Math.imul(hi + 0x7f4a7c15, 0x85ebca77);
    h ^= h >>> 15;
    h = Math.imul(h, 0x2c1b3c6d);
    h ^= h >>> 12;
    let at = h & this.mask;
    const slots = this.slots;
    for (;;) {
      const first = slots[3 * at] as number;
      if (first === -1 || (first === lo && slots[3 * at + 1] === hi)) return at;
      at = (at + 1) & this.mask;
    }
  }

  /** The value stored for {a, b}, or −1 when none is. */
  get(a: number, b: number): number {
    const at = a < b ? this.slot(a, b) : this.slot(b, a);
    return this.slots[3 * at + 2] as number;
  }

  /** Stores a value (≥ 0) for {a, b}. */
  set(a: number, b: number, value: number): void {
    const lo = a < b ? a : b;
    const hi = a < b ? b : a;
    const at = this.slot(lo, hi);
    if (this.slots[3 * at] === -1) {
      this.slots[3 * at] = lo;
      this.slots[3 * at + 1] = hi;
      this.count++;
    }
    this.slots[3 * at + 2] = value;
    if (2 * this.count > this.mask) this.grow();
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Int32Array(2 * old.length).fill(-1);
    this.mask = 2 * (this.mask + 1) - 1;
    this.count = 0;
    for (let k = 0; k < old.length; k += 3)
      if (old[k] !== -1) this.set(old[k] as number, old[k + 1] as number, old[k + 2] as number);
  }
}

/** A memo of scores under unordered pairs of ids: a `PairTable` to an index into the scores. */
export class PairScores {
  private readonly index: PairTable;
  private values = new Float64Array(1 << 10);

  constructor(capacity = 1 << 12) {
    this.index = new PairTable(capacity);
  }

  get size(): number {
    return this.index.size;
  }

  /** The number remembered for {a, b}, or undefined. */
  get(a: number, b: number): number | undefined {
    const k = this.index.get(a, b);
    return k < 0 ? undefined : this.values[k];
  }

  set(a: number, b: number, value: number): void {
    let k = this.index.get(a, b);
    if (k < 0) {
      k = this.index.size;
      if (k === this.values.length) {
        const grown = new Float64Array(2 * k);
        grown.set(this.values);
        this.values = grown;
      }
      this.index.set(a, b, k);
    }
    this.values[k] = value;
  }
}
