import type { Features } from './features.ts';
import { STRIDES } from './fields.ts';
import { facilitySimilarity, NameComparer } from './korean.ts';
import { PairTable } from './pair-table.ts';

/** Name similarity at or above which two names are "close" and "similar". */
export const NAME_CLOSE = 0.92;
export const NAME_SIMILAR = 0.8;
const FACILITY_SIMILAR = 0.8;
/** Offsets of a mention's fields in the comparer's packed rows. */
const [NAME, YEAR, SEX, PROVINCE, LOCALITY, FACILITY, FROM, TO, SOURCE, WIDTH] = [
  0, 1, 2, 3, 4, 5, 6, 7, 8, 9,
];

const [S_NAME, S_YEAR, S_SEX, S_ORIGIN, S_DETENTION, S_SOURCE] = STRIDES as [
  number,
  number,
  number,
  number,
  number,
  number,
];

/** Compares pairs of mentions into comparison patterns; remembers what it learnt of distinct names. */
export type PairComparer = {
  /** The comparison pattern of mentions i and j. */
  compare(i: number, j: number): number;
  /**
   * After `compare`: when the names are close or the same, the coarse name key both share (the
   * commonest, if several) for the term-frequency adjustment; else -1.
   */
  sharedKey(): number;
  /** Distinct name pairs compared so far (each scored once). */
  namePairs(): number;
  /** As `compare`, without remembering the pair of names (for one-off pairs: random sampling). */
  compareOnce(i: number, j: number): number;
};

/**
 * A comparer over precomputed features. Name and facility levels are cached per distinct pair (in
 * typed-array hash tables), so the string similarity runs once per pair of distinct spellings, not
 * once per pair of mentions; building it compiles every distinct name's readings to integers.
 */
/** Detention level by place (other, same, unknown) × time (apart, adjacent, overlapping, unknown); 11 is missing. */
const DETENTION_LEVEL = Int8Array.from([0, 2, 3, 1, 7, 9, 10, 8, 4, 5, 6, 11]);

export function pairComparer(f: Features): PairComparer {
  let useCache = true;
  // Sized for the distinct name pairs a blocking typically yields (about ten per distinct name).
  const nameCache = new PairTable(Math.max(1 << 12, 16 * f.names.length));
  // Facility spellings are few: a dense table of their levels (−1 not yet known), or a hash table.
  const facilityCount = f.facilities.length;
  const facilityTable = facilityCount <= 4096 ? new Int8Array(facilityCount * facilityCount).fill(-1) : null;
  const facilityCache = new PairTable();
  const names = f.names;
  // A mention's fields side by side (one cache line, not nine arrays): the loop reads the second
  // mention of each pair at random.
  const row = new Int32Array(f.count * WIDTH);
  for (let i = 0; i < f.count; i++) {
    const at = i * WIDTH;
    row[at + NAME] = f.name[i] as number;
    row[at + YEAR] = f.birthYear[i] as number;
    row[at + SEX] = f.sex[i] as number;
    row[at + PROVINCE] = f.province[i] as number;
    row[at + LOCALITY] = f.locality[i] as number;
    row[at + FACILITY] = f.facility[i] as number;
    row[at + FROM] = f.from[i] as number;
    row[at + TO] = f.to[i] as number;
    row[at + SOURCE] = f.source[i] as number;
  }
  const coarseCount = f.coarseCount;
  let shared = -1;
  // Every distinct name's reading keys and coarse keys, flat, and its readings compiled to integers.
  const keys = flatten(names.map((d) => d.keys));
  const coarse = flatten(names.map((d) => d.coarse));
  const similarity = new NameComparer(names.map((d) => d.readings));
  const commonestKey = Int32Array.from(names, (_, a) => sharedCoarse(a, a));

  /** The commonest coarse key names a and b share, else -1. */
  function sharedCoarse(a: number, b: number): number {
    let best = -1;
    const { start, items } = coarse;
    for (let x = start[a] as number; x < (start[a + 1] as number); x++) {
      const k = items[x] as number;
      for (let y = start[b] as number; y < (start[b + 1] as number); y++)
        if (items[y] === k && (best < 0 || (coarseCount[k] as number) > (coarseCount[best] as number)))
          best = k;
    }
    return best;
  }

  function shareKey(a: number, b: number): boolean {
    const { start, items } = keys;
    for (let x = start[a] as number; x < (start[a + 1] as number); x++)
      for (let y = start[b] as number; y < (start[b + 1] as number); y++)
        if (items[x] === items[y]) return true;
    return false;
  }

  /** Level | (shared coarse key + 1) << 2. */
  function nameCode(a: number, b: number): number {
    let level: number;
    if (shareKey(a, b)) level = 3;
    else {
      const s = similarity.similarity(a, b);
      level = s >= NAME_CLOSE ? 2 : s >= NAME_SIMILAR ? 1 : 0;
    }
    return level >= 2 ? level | ((sharedCoarse(a, b) + 1) << 2) : level;
  }

  function nameLevel(a: number, b: number): number {
    if (a === b) {
      shared = commonestKey[a] as number;
      return 3;
    }
    let code: number;
    if (useCache) {
      code = nameCache.get(a, b);
      if (code < 0) {
        code = nameCode(a, b);
        nameCache.set(a, b, code);
      }
    } else code = nameCode(a, b);
    shared = (code >> 2) - 1;
    return code & 3;
  }

  function facilityLevel(a: number, b: number): number {
    if (a === b) return 2;
    let level = facilityTable ? (facilityTable[a * facilityCount + b] as number) : facilityCache.get(a, b);
    if (level < 0) {
      const x = f.facilities[a] as Features['facilities'][number];
      const y = f.facilities[b] as Features['facilities'][number];
      if (x.codes.some((c) => y.codes.includes(c)) || (x.key !== null && x.key === y.key)) level = 2;
      else level = facilitySimilarity(x.text, y.text) >= FACILITY_SIMILAR ? 1 : 0;
      if (facilityTable) {
        facilityTable[a * facilityCount + b] = level;
        facilityTable[b * facilityCount + a] = level;
      } else facilityCache.set(a, b, level);
    }
    return level;
  }

  function compare(i: number, j: number): number {
    shared = -1;
    let p = 0;
    const a = i * WIDTH;
    const b = j * WIDTH;
    const ni = row[a + NAME] as number;
    const nj = row[b + NAME] as number;
    p += (ni < 0 || nj < 0 ? 4 : nameLevel(ni, nj)) * S_NAME;

    const yi = row[a + YEAR] as number;
    const yj = row[b + YEAR] as number;
    if (yi === 0 || yj === 0) p += 4 * S_YEAR;
    else {
      const d = yi > yj ? yi - yj : yj - yi;
      p += (d === 0 ? 3 : d === 1 ? 2 : d <= 4 ? 1 : 0) * S_YEAR;
    }

    const si = row[a + SEX] as number;
    const sj = row[b + SEX] as number;
    p += (si === 0 || sj === 0 ? 2 : si === sj ? 1 : 0) * S_SEX;

    const pi = row[a + PROVINCE] as number;
    const pj = row[b + PROVINCE] as number;
    const li = row[a + LOCALITY] as number;
    const lj = row[b + LOCALITY] as number;
    let origin: number;
    if (pi < 0 || pj < 0) origin = li >= 0 && li === lj ? 3 : 4;
    else if (pi !== pj) origin = 0;
    else if (li < 0 || lj < 0) origin = 2;
    else origin = li === lj ? 3 : 1;
    p += origin * S_ORIGIN;

    // Facility: 0 different, 1 similar or same, -1 unknown. Years: the gap between the periods
    // (later start less earlier end): apart (> 2), adjacent (−1 … 2), overlapping (≤ −2: two
    // periods sharing three years or more, which one person cannot spend in two places).
    const fi = row[a + FACILITY] as number;
    const fj = row[b + FACILITY] as number;
    const place = fi < 0 || fj < 0 ? 2 : facilityLevel(fi, fj) > 0 ? 1 : 0;
    const ai = row[a + FROM] as number;
    const aj = row[b + FROM] as number;
    let time = 3;
    if (ai !== 0 && aj !== 0) {
      const start = ai > aj ? ai : aj;
      const ti = row[a + TO] as number;
      const tj = row[b + TO] as number;
      const gap = start - (ti < tj ? ti : tj);
      time = gap > 2 ? 0 : gap >= -1 ? 1 : 2;
    }
    const detention = DETENTION_LEVEL[place * 4 + time] as number;
    p += detention * S_DETENTION;

    const ci = row[a + SOURCE] as number;
    const cj = row[b + SOURCE] as number;
    p += (ci < 0 || cj < 0 ? 2 : ci === cj ? 0 : 1) * S_SOURCE;
    return p;
  }

  function compareOnce(i: number, j: number): number {
    useCache = false;
    const p = compare(i, j);
    useCache = true;
    return p;
  }

  return { compare, compareOnce, sharedKey: () => shared, namePairs: () => nameCache.size };
}

/** Lists of integers as one flat array with offsets: list n is items[start[n] .. start[n + 1]). */
function flatten(lists: readonly (readonly number[])[]): { start: Int32Array; items: Int32Array } {
  const start = new Int32Array(lists.length + 1);
  lists.forEach((list, n) => {
    start[n + 1] = (start[n] as number) + list.length;
  });
  const items = new Int32Array(start[lists.length] as number);
  lists.forEach((list, n) => {
    items.set(list, start[n] as number);
  });
  return { start, items };
}
