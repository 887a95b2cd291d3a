export { northForm, southForm, southSyllable } from './initial-sound-rule.ts';
export { NameComparer } from './name-comparer.ts';
export type { NameReading } from './name-reading.ts';
export {
  nameKey,
  nameSimilarity,
  nameSimilarityOfKeys,
  readingSimilarity,
  type SyllableSequence,
  sequenceSimilarity,
} from './name-similarity.ts';
export { readingKey, readName } from './read-name.ts';
export { type RomanizationSystem, romanizeHangul, romanizeName } from './romanize-hangul.ts';
export { foldLetters } from './romanized-syllables.ts';
export { segmentLetters } from './segment.ts';
export { SURNAMES, type SurnameEntry } from './surnames.ts';
export { coarseKey, hangulSyllableKey } from './syllable-key.ts';
