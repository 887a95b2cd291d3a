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

const SURNAME_WEIGHT = 0.3;
const COMPATIBLE = 0.97;
const SAME_COARSE = 0.5;
const REPAIRED = 0.92;

function compatible(a: string, b: string): boolean {
  if (a === b) return true;
  const as = a.split('/');
  return b.split('/').some((k) => as.includes(k));
}

function syllableSimilarity(fineA: string, fineB: string, coarseA: string, coarseB: string): number {
  if (fineA === fineB) return 1;
  if (compatible(fineA, fineB)) return COMPATIBLE;
  if (coarseA === coarseB) return SAME_COARSE;
  return 0.5 * jaroWinkler(coarseA, coarseB);
}

function surnameSimilarity(a: NameReading, b: NameReading): number {
  if (a.surname !== null && b.surname !== null) return a.surname === b.surname ? 1 : 0;
  if (a.surnameKey === '' || b.surnameKey === '') return 0.5;
  if (a.surnameKey === b.surnameKey) return a.surname === b.surname ? 1 : 0.9;
  return 0.8 * jaroWinkler(a.surnameKey, b.surnameKey);
}

/** The parts of a reading that a syllable sequence comparison uses (also for place names). */
export type SyllableSequence = Pick<NameReading, 'given' | 'syllables' | 'fine'>;

/** Similarity of two syllable sequences (given names, place names), in [0,1]. */
export function sequenceSimilarity(a: SyllableSequence, b: SyllableSequence): number {
  if (a.given === '' && b.given === '') return 1;
  if (a.given === '' || b.given === '') return 0.3;
  const n = a.fine.length;
  if (n > 0 && n === b.fine.length) {
    let sum = 0;
    for (let i = 0; i < n; i++)
      sum += syllableSimilarity(a.fine[i] ?? '', b.fine[i] ?? '', a.syllables[i] ?? '', b.syllables[i] ?? '');
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
