/**
 * Observed capture histories over t lists. `counts[h]` is the number of units whose history is the
 * bitmask `h` (bit j set: on list j); `counts[0]`, the units on no list, is what estimation is for and
 * is always 0 here.
 */
export type CaptureData = {
  lists: string[];
  counts: number[];
};

/** The fewest and most lists the estimators accept (2^8 − 1 = 255 observable histories). */
export const MIN_LISTS = 2;
export const MAX_LISTS = 8;

/** Number of lists a unit with history `h` is on. */
export function captureCount(history: number): number {
  let k = 0;
  for (let h = history; h > 0; h >>= 1) k += h & 1;
  return k;
}

/** Number of units observed on at least one list. */
export function observedTotal(data: CaptureData): number {
  let n = 0;
  for (let h = 1; h < data.counts.length; h++) n += data.counts[h] ?? 0;
  return n;
}

/** Units observed on every list in `mask` (and perhaps others): the margin of that term. */
export function marginOf(data: CaptureData, mask: number): number {
  return (allMargins(data)[mask] as number) - (mask === 0 ? (data.counts[0] ?? 0) : 0);
}

/** Every margin at once (superset sums, t·2^t steps), remembered per dataset: model search asks thousands. */
const marginsOf = new WeakMap<number[], Float64Array>();
function allMargins(data: CaptureData): Float64Array {
  let margins = marginsOf.get(data.counts);
  if (!margins) {
    margins = Float64Array.from(data.counts);
    for (let bit = 1; bit < margins.length; bit <<= 1) {
      for (let h = 0; h < margins.length; h++) {
        if (!(h & bit)) margins[h] = (margins[h] as number) + (margins[h | bit] as number);
      }
    }
    marginsOf.set(data.counts, margins);
  }
  return margins;
}

/** Builds capture data from rows of (0/1 per list, count); repeated histories are added up. */
export function captureDataFromRows(
  lists: string[],
  rows: { history: number[]; count: number }[],
): CaptureData {
  const counts = new Array<number>(1 << lists.length).fill(0);
  for (const row of rows) {
    let h = 0;
    row.history.forEach((bit, j) => {
      if (bit) h |= 1 << j;
    });
    if (h !== 0) counts[h] = (counts[h] ?? 0) + row.count;
  }
  return { lists, counts };
}

/** A term's name from list numbers, as Rcapture writes it: lists 1 and 3 → "13". */
export function termName(mask: number): string {
  let name = '';
  for (let j = 0; 1 << j <= mask; j++) if (mask & (1 << j)) name += String(j + 1);
  return name;
}
