import type { DistinctName, Features } from './features.ts';
import { STRIDES } from './fields.ts';
import { facilitySimilarity, nameSimilarity } from './korean.ts';

/** Name similarity at or above which two names are "close" and "similar". */
export const NAME_CLOSE = 0.92;
export const NAME_SIMILAR = 0.8;
const FACILITY_SIMILAR = 0.8;

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
};

/**
 * A comparer over precomputed features. Name and facility levels are cached per distinct pair, so the
 * slow string similarity runs once per pair of distinct spellings, not once per pair of mentions;
 * `cache: false` is for one-off pairs (random sampling) that would only fill the cache.
 */
export function pairComparer(f: Features, options: { cache?: boolean } = {}): PairComparer {
  const useCache = options.cache ?? true;
  const nameCache = new Map<number, number>();
  const facilityCache = new Map<number, number>();
  const names = f.names;
  const nameCount = names.length;
  const facilityCount = f.facilities.length;
  const { name, birthYear, sex, province, locality, facility, from, to, source } = f;
  let shared = -1;
  const commonestKey = Int32Array.from(names, (d) => sharedCoarse(d, d));

  /** The commonest coarse key two names share, else -1. */
  function sharedCoarse(x: DistinctName, y: DistinctName): number {
    let shared = -1;
    for (const k of x.coarse)
      if (
        y.coarse.includes(k) &&
        (shared < 0 || (f.coarseCount[k] as number) > (f.coarseCount[shared] as number))
      )
        shared = k;
    return shared;
  }

  /** Level | (shared coarse key + 1) << 2. */
  function nameCode(a: number, b: number): number {
    const x = names[a] as DistinctName;
    const y = names[b] as DistinctName;
    let level: number;
    if (x.keys.some((k) => y.keys.includes(k))) level = 3;
    else {
      const s = nameSimilarity(x.readings, y.readings);
      level = s >= NAME_CLOSE ? 2 : s >= NAME_SIMILAR ? 1 : 0;
    }
    return level >= 2 ? level | ((sharedCoarse(x, y) + 1) << 2) : level;
  }

  function nameLevel(a: number, b: number): number {
    if (a === b) {
      shared = commonestKey[a] as number;
      return 3;
    }
    let code: number | undefined;
    if (useCache) {
      const key = a < b ? a * nameCount + b : b * nameCount + a;
      code = nameCache.get(key);
      if (code === undefined) {
        code = nameCode(a, b);
        nameCache.set(key, code);
      }
    } else code = nameCode(a, b);
    shared = (code >> 2) - 1;
    return code & 3;
  }

  function facilityLevel(a: number, b: number): number {
    if (a === b) return 2;
    const key = a < b ? a * facilityCount + b : b * facilityCount + a;
    let level = facilityCache.get(key);
    if (level === undefined) {
      const x = f.facilities[a] as Features['facilities'][number];
      const y = f.facilities[b] as Features['facilities'][number];
      if (x.codes.some((c) => y.codes.includes(c)) || (x.key !== null && x.key === y.key)) level = 2;
      else level = facilitySimilarity(x.text, y.text) >= FACILITY_SIMILAR ? 1 : 0;
      facilityCache.set(key, level);
    }
    return level;
  }

  function compare(i: number, j: number): number {
    shared = -1;
    let p = 0;
    const ni = name[i] as number;
    const nj = name[j] as number;
    p += (ni < 0 || nj < 0 ? 4 : nameLevel(ni, nj)) * S_NAME;

    const yi = birthYear[i] as number;
    const yj = birthYear[j] as number;
    if (yi === 0 || yj === 0) p += 4 * S_YEAR;
    else {
      const d = yi > yj ? yi - yj : yj - yi;
      p += (d === 0 ? 3 : d === 1 ? 2 : d <= 4 ? 1 : 0) * S_YEAR;
    }

    const si = sex[i] as number;
    const sj = sex[j] as number;
    p += (si === 0 || sj === 0 ? 2 : si === sj ? 1 : 0) * S_SEX;

    const pi = province[i] as number;
    const pj = province[j] as number;
    const li = locality[i] as number;
    const lj = locality[j] as number;
    let origin: number;
    if (pi < 0 || pj < 0) origin = li >= 0 && li === lj ? 3 : 4;
    else if (pi !== pj) origin = 0;
    else if (li < 0 || lj < 0) origin = 2;
    else origin = li === lj ? 3 : 1;
    p += origin * S_ORIGIN;

    // Facility: 0 different, 1 similar or same, -1 unknown. Years: 0 apart, 1 within two years, -1 unknown.
    const fi = facility[i] as number;
    const fj = facility[j] as number;
    const place = fi < 0 || fj < 0 ? -1 : facilityLevel(fi, fj) > 0 ? 1 : 0;
    const ai = from[i] as number;
    const aj = from[j] as number;
    let time = -1;
    if (ai !== 0 && aj !== 0) {
      const start = ai > aj ? ai : aj;
      const end = (to[i] as number) < (to[j] as number) ? (to[i] as number) : (to[j] as number);
      time = start - end <= 2 ? 1 : 0;
    }
    const detention =
      place === 0
        ? time === 0
          ? 0
          : 1
        : place === 1
          ? time === 1
            ? 5
            : 4
          : time === 0
            ? 2
            : time === 1
              ? 3
              : 6;
    p += detention * S_DETENTION;

    const ci = source[i] as number;
    const cj = source[j] as number;
    p += (ci < 0 || cj < 0 ? 2 : ci === cj ? 0 : 1) * S_SOURCE;
    return p;
  }

  return { compare, sharedKey: () => shared, namePairs: () => nameCache.size };
}
