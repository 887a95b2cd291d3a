/** Counts distinct non-negative integers. */
export type DistinctCounter = { add(unit: number): void; readonly size: number };

/** A bitset over 0..capacity−1 (fast, 1 bit per possible unit; others in a set), or a set when the range is unknown. */
export function distinctCounter(capacity: number | undefined): DistinctCounter {
  if (capacity === undefined) return new Set<number>();
  const bits = new Uint32Array((capacity >>> 5) + 1);
  const beyond = new Set<number>();
  let size = 0;
  return {
    add(unit: number) {
      if (unit >= capacity) {
        if (!beyond.has(unit)) size++;
        beyond.add(unit);
        return;
      }
      const word = unit >>> 5;
      const bit = 1 << (unit & 31);
      if ((bits[word] as number) & bit) return;
      bits[word] = (bits[word] as number) | bit;
      size++;
    },
    get size() {
      return size;
    },
  };
}
