import { PairScores } from '../pair-table.ts';
import { jaroWinkler } from './jaro-winkler.ts';
import type { NameReading } from './name-reading.ts';
import { readingKey } from './read-name.ts';
import { coarseKey as coarseOf } from './syllable-key.ts';

// Similarity of two names as the best agreement over their readings. Per reading pair: the surname
// (same canonical id = 1, different = 0; unrecognised surnames by Jaro–Winkler on their coarse keys)
// weighs 0.3, the given name 0.7. Given names with the same number of known syllables are compared
// syllable by syllable: identical fine keys 1, spellings that may stand for the same syllable
// ("Yong" and 영) 0.97, same coarse key but different syllables (영 and 용) 0.5, otherwise a scaled
// Jaro–Winkler of the coarse keys. Unsegmented or differently long given names fall back on
// Jaro–Winkler of their coarse strings, discounted. A given name read only after undoing a slip
// costs 8% when the other reading needed no repair.

export const SURNAME_WEIGHT = 0.3;
const COMPATIBLE = 0.97;
const SAME_COARSE = 0.5;
export const REPAIRED = 0.92;

// Distinct syllables and given names are few next to the pairs the engine compares, so both are
// interned as integers once and their pairwise similarities memoised under numeric keys.
const MAX_MEMO = 1_000_000;

/** A memo of symmetric scores under pairs of small integers (nested maps keep the keys small ints). */
class PairMemo {
  private rows = new Map<number, Map<number, number>>();
  private size = 0;
  get(a: number, b: number): number | undefined {
    return a < b ? this.rows.get(a)?.get(b) : this.rows.get(b)?.get(a);
  }
  set(a: number, b: number, score: number): void {
    if (this.size >= MAX_MEMO) this.clear();
    const [lo, hi] = a < b ? [a, b] : [b, a];
    let row = this.rows.get(lo);
    if (!row) {
      row = new Map();
      this.rows.set(lo, row);
    }
    row.set(hi, score);
    this.size++;
  }
  clear(): void {
    this.rows.clear();
    this.size = 0;
  }
}

type SyllableInfo = { fine: string; alternatives: string[]; coarse: string };
const syllableIds = new Map<string, number>();
const syllables: SyllableInfo[] = [];
// Syllables are few (a few thousand distinct spellings), so their ids never need recycling.
const syllableMemo = new PairScores();

/** A small integer for a syllable's fine key (its coarse key alongside), the same for every caller. */
export function syllableId(fine: string, coarse: string): number {
  let id = syllableIds.get(fine);
  if (id === undefined) {
    id = syllables.length;
    syllableIds.set(fine, id);
    syllables.push({ fine, alternatives: fine.split('/'), coarse });
  }
  return id;
}

/** Similarity of two syllables by their ids (see `syllableId`), in [0,1]; memoised. */
export function syllableSimilarity(a: number, b: number): number {
  if (a === b) return 1;
  let score = syllableMemo.get(a, b);
  if (score === undefined) {
    const x = syllables[a] as SyllableInfo;
    const y = syllables[b] as SyllableInfo;
    if (x.alternatives.some((k) => y.alternatives.includes(k))) score = COMPATIBLE;
    else if (x.coarse === y.coarse) score = SAME_COARSE;
    else score = 0.5 * jaroWinkler(x.coarse, y.coarse);
    syllableMemo.set(a, b, score);
  }
  return score;
}

/** Similarity of two readings' surnames, in [0,1]. */
export function surnameSimilarity(a: NameReading, b: NameReading): number {
  if (a.surname !== null && b.surname !== null) return a.surname === b.surname ? 1 : 0;
  if (a.surnameKey === '' || b.surnameKey === '') return 0.5;
  if (a.surnameKey === b.surnameKey) return a.surname === b.surname ? 1 : 0.9;
  return 0.8 * jaroWinkler(a.surnameKey, b.surnameKey);
}

/** The parts of a reading that a syllable sequence comparison uses (also for place names). */
export type SyllableSequence = Pick<NameReading, 'given' | 'syllables' | 'fine'>;

/** A syllable sequence as syllable ids (see `syllableId`) and its coarse string. */
export type PreparedSequence = { syllables: Int32Array; given: string };
type Prepared = PreparedSequence & { id: number };
let prepared = new WeakMap<SyllableSequence, Prepared>();
const sequenceIds = new Map<string, number>();
const sequenceMemo = new PairMemo();
/** Interned sequences before the table starts afresh (ids stay small integers). */
const MAX_SEQUENCES = 1 << 24;

function prepare(s: SyllableSequence): Prepared {
  let p = prepared.get(s);
  if (p === undefined) {
    const text = `${s.fine.join('.')}|${s.given}`;
    let id = sequenceIds.get(text);
    if (id === undefined) {
      // Ids are recycled when the table is full; the memo keyed by them is cleared with it.
      if (sequenceIds.size >= MAX_SEQUENCES) {
        sequenceIds.clear();
        sequenceMemo.clear();
        prepared = new WeakMap();
      }
      id = sequenceIds.size;
      sequenceIds.set(text, id);
    }
    const ids = Int32Array.from(s.fine, (f, i) => syllableId(f, s.syllables[i] ?? ''));
    p = { id, syllables: ids, given: s.given };
    prepared.set(s, p);
  }
  return p;
}

/** Similarity of two syllable sequences (given names, place names), in [0,1]. */
export function sequenceSimilarity(a: SyllableSequence, b: SyllableSequence): number {
  const pa = prepare(a);
  const pb = prepare(b);
  if (pa.id === pb.id) return 1;
  let score = sequenceMemo.get(pa.id, pb.id);
  if (score === undefined) {
    score = computeSequenceSimilarity(pa, pb);
    sequenceMemo.set(pa.id, pb.id, score);
  }
  return score;
}

/** Similarity of two prepared syllable sequences, in [0,1] (not memoised). */
export function computeSequenceSimilarity(a: PreparedSequence, b: PreparedSequence): number {
  if (a.given === '' && b.given === '') return 1;
  if (a.given === '' || b.given === '') return 0.3;
  const n = a.syllables.length;
  if (n > 0 && n === b.syllables.length) {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += syllableSimilarity(a.syllables[i] as number, b.syllables[i] as number);
    return sum / n;
  }
  if (a.given === b.given) return COMPATIBLE;
  return 0.85 * jaroWinkler(a.given, b.given);
}

/** Similarity of two single readings, in [0,1]. */
export function readingSimilarity(a: NameReading, b: NameReading): number {
  let score = SURNAME_WEIGHT * surnameSimilarity(a, b) + (1 - SURNAME_WEIGHT) * sequenceSimilarity(a, b);
  if (a.repaired !== b.repaired) score *= REPAIRED;
  return score;
}

/**
 * Similarity in [0,1] between two mentions' names: the best over their readings (pass the readings
 * of name and name_ko together). 1 = same name after normalisation.
 */
export function nameSimilarity(a: NameReading[], b: NameReading[]): number {
  let best = 0;
  for (const ra of a)
    for (const rb of b) {
      const s = readingSimilarity(ra, rb);
      if (s > best) best = s;
      if (best === 1) return 1;
    }
  return best;
}

// ---- Cached form for the engine's hot loop ----

const SEPARATOR = '\u001e';
const parsed = new Map<string, NameReading[]>();
const pairs = new Map<string, number>();
const MAX_CACHE = 1_000_000;

/** One canonical string for all readings of a mention (its name and name_ko readings together). */
export function nameKey(readings: NameReading[]): string {
  return [...new Set(readings.map(readingKey))].sort().join(SEPARATOR);
}

function fromKey(key: string): NameReading[] {
  let readings = parsed.get(key);
  if (readings) return readings;
  readings =
    key === ''
      ? []
      : key.split(SEPARATOR).map((k) => {
          const [surname = '', surnameKey = '', fine = '', given = '', repaired = '0'] = k.split('|');
          const fineList = fine === '' ? [] : fine.split('.');
          return {
            surname: surname === '' ? null : surname,
            surnameKey,
            fine: fineList,
            syllables: fineList.map((f) => coarseOf(f)),
            given,
            repaired: repaired === '1',
          };
        });
  if (parsed.size >= MAX_CACHE) parsed.clear();
  parsed.set(key, readings);
  return readings;
}

/**
 * Similarity of two name keys made by `nameKey` (equal to nameSimilarity of the readings), memoised
 * on the pair. Cheap after the first call for a pair; the engine should still map keys to integer
 * ids and cache per id pair.
 */
export function nameSimilarityOfKeys(a: string, b: string): number {
  if (a === b) return a === '' ? 0 : 1;
  const pair = a < b ? a + SEPARATOR + SEPARATOR + b : b + SEPARATOR + SEPARATOR + a;
  const cached = pairs.get(pair);
  if (cached !== undefined) return cached;
  const score = nameSimilarity(fromKey(a), fromKey(b));
  if (pairs.size >= MAX_CACHE) pairs.clear();
  pairs.set(pair, score);
  return score;
}
