import {
  coarseKey,
  foldLetters,
  hangulSyllableKey,
  type SyllableSequence,
  segmentLetters,
  sequenceSimilarity,
} from '../names/index.ts';

// A place name (one word: Hoeryong, 회령, Jongo-ri, Chŏngŏ-ri) read as syllable sequences with the
// same phonetic keys as names, so that every romanisation of 전거리 compares equal to the Hangul.

/** Administrative suffixes dropped from a place word (village ri, county gun, city si …). */
const LATIN_SUFFIXES = new Set([
  'ri',
  'ni',
  'li',
  'dong',
  'tong',
  'gun',
  'kun',
  'si',
  'shi',
  'up',
  'eup',
  'gu',
  'ku',
  'guyok',
  'kuyok',
  'guyeok',
  'do',
  'to',
]);
const HANGUL_SUFFIX = /(리|동|군|시|읍|구역|도)$/;

function sequence(fine: string[], fallback: string): SyllableSequence {
  const syllables = fine.map(coarseKey);
  return { fine, syllables, given: fine.length > 0 ? syllables.join('') : fallback };
}

/** Readings of one place word; [] if nothing is left after dropping suffixes. */
export function readPlaceWord(word: string): SyllableSequence[] {
  if (/[\uac00-\ud7a3]/.test(word)) {
    let hangul = word.replace(/[^\uac00-\ud7a3]/g, '');
    if (hangul.length > 2) hangul = hangul.replace(HANGUL_SUFFIX, '');
    const fine = [...hangul].map((s) => hangulSyllableKey(s)).filter((k): k is string => k !== null);
    return fine.length > 0 ? [sequence(fine, hangul)] : [];
  }
  const parts = word
    .split('-')
    .map((p) => foldLetters(p))
    .filter((p) => p.length > 0);
  while (parts.length > 1 && LATIN_SUFFIXES.has(parts[parts.length - 1] ?? '')) parts.pop();
  const letters = parts.join('');
  if (letters.length === 0) return [];
  const out = segmentLetters(letters, 3, 0.75).map((s) => sequence(s.fine, letters));
  // "Chongori" and "Jongo-ri" name the same village: also read a written-together name without its ri.
  for (const s of [...out]) {
    const last = s.fine[s.fine.length - 1] ?? '';
    if (s.fine.length >= 3 && last.split('/').includes('i')) out.push(sequence(s.fine.slice(0, -1), letters));
  }
  return out.length > 0 ? out : [sequence([], letters)];
}

/** Best similarity between two sets of place readings. */
export function placeSimilarity(a: SyllableSequence[], b: SyllableSequence[]): number {
  let best = 0;
  for (const x of a)
    for (const y of b) {
      const s = sequenceSimilarity(x, y);
      if (s > best) best = s;
    }
  return best;
}

/** A canonical key for a place word's readings (its first reading's coarse key). */
export function placeKey(readings: SyllableSequence[]): string {
  return readings[0]?.given ?? '';
}
