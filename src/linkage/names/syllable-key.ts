import { disassembleCompleteCharacter } from 'es-hangul';

// The fine key of a syllable: initial consonant class, vowel, final consonant class. Plain, aspirated
// and tense consonants share a class (k/g/kk/k', t/d, p/b, ch/j, s/ss), because romanisations
// without diacritics cannot tell them apart. ㄴ and ㄹ share a class, and before i/y both fall silent
// like ㅇ: the South's initial-sound rule (리/이, 로/노, 녀/여) and the assimilation romanisers write
// (명록 → myeongnok) must not separate spellings of one syllable. Hand-written: es-hangul gives the
// jamo, not classes.

const INITIAL_CLASS: Record<string, string> = {
  ㄱ: 'k',
  ㄲ: 'k',
  ㅋ: 'k',
  ㄷ: 't',
  ㄸ: 't',
  ㅌ: 't',
  ㅂ: 'p',
  ㅃ: 'p',
  ㅍ: 'p',
  ㅈ: 'j',
  ㅉ: 'j',
  ㅊ: 'j',
  ㅅ: 's',
  ㅆ: 's',
  ㅎ: 'h',
  ㅁ: 'm',
  ㄴ: 'n',
  ㄹ: 'n',
  ㅇ: '',
};

/** Vowels by es-hangul's jungseong spelling; ㅐ/ㅔ, ㅒ/ㅖ and ㅙ/ㅚ/ㅞ are pronounced alike and merged. */
const VOWEL: Record<string, string> = {
  ㅏ: 'a',
  ㅐ: 'ae',
  ㅑ: 'ya',
  ㅒ: 'yae',
  ㅓ: 'eo',
  ㅔ: 'ae',
  ㅕ: 'yeo',
  ㅖ: 'yae',
  ㅗ: 'o',
  ㅗㅏ: 'wa',
  ㅗㅐ: 'we',
  ㅗㅣ: 'we',
  ㅛ: 'yo',
  ㅜ: 'u',
  ㅜㅓ: 'wo',
  ㅜㅔ: 'we',
  ㅜㅣ: 'wi',
  ㅠ: 'yu',
  ㅡ: 'eu',
  ㅡㅣ: 'ui',
  ㅣ: 'i',
};

/** Final consonants by their pronounced value (representative sounds). */
export const FINAL_CLASS: Record<string, string> = {
  '': '',
  ㄱ: 'k',
  ㄲ: 'k',
  ㅋ: 'k',
  ㄱㅅ: 'k',
  ㄹㄱ: 'k',
  ㄴ: 'n',
  ㄴㅈ: 'n',
  ㄴㅎ: 'n',
  ㄷ: 't',
  ㅅ: 't',
  ㅆ: 't',
  ㅈ: 't',
  ㅊ: 't',
  ㅌ: 't',
  ㅎ: '',
  ㄹ: 'l',
  ㄹㅂ: 'l',
  ㄹㅅ: 'l',
  ㄹㅌ: 'l',
  ㄹㅎ: 'l',
  ㅁ: 'm',
  ㄹㅁ: 'm',
  ㅂ: 'p',
  ㅂㅅ: 'p',
  ㄹㅍ: 'p',
  ㅍ: 'p',
  ㅇ: 'ng',
};

/** Vowels before which ㄴ and ㄹ fall silent under the initial-sound rule. */
const Y_VOWELS = new Set(['i', 'ya', 'yae', 'yeo', 'yo', 'yu', 'ui']);

/** Assembles a fine key from an initial class, a vowel and a final class. */
export function fineKey(initial: string, vowel: string, final: string): string {
  const start = initial === 'n' && Y_VOWELS.has(vowel) ? '' : initial;
  return start + vowel + final;
}

/** The fine key of one complete Hangul syllable, or null for anything else. */
export function hangulSyllableKey(syllable: string): string | null {
  const jamo = disassembleCompleteCharacter(syllable);
  if (!jamo) return null;
  const initial = INITIAL_CLASS[jamo.choseong];
  const vowel = VOWEL[jamo.jungseong];
  const final = FINAL_CLASS[jamo.jongseong];
  if (initial === undefined || vowel === undefined || final === undefined) return null;
  return fineKey(initial, vowel, final);
}

// Coarse vowel classes: every spelling of a syllable seen in romanised names falls in one class
// (ŏ written o or u, ŭ written u, yŏ written yo or yu, ŭi written i or ee).
const COARSE_VOWEL: Record<string, string> = {
  a: 'a',
  ae: 'e',
  ya: 'ya',
  yae: 'ye',
  eo: 'o',
  o: 'o',
  u: 'o',
  eu: 'o',
  yeo: 'yo',
  yo: 'yo',
  yu: 'yo',
  wa: 'wa',
  we: 'we',
  wo: 'wo',
  wi: 'wi',
  ui: 'i',
  i: 'i',
};

/** Fine vowels, longest first, for splitting a fine key. */
const VOWELS_LONGEST_FIRST = Object.keys(COARSE_VOWEL).sort((a, b) => b.length - a.length);

/** The coarse key of a fine key (or of a '/'-separated set of fine keys, which share one coarse key). */
export function coarseKey(fine: string): string {
  const first = fine.split('/')[0] ?? '';
  const match = /^([ktpjshmn]?)([aeiouwy]+)(ng|[ktnlmp]?)$/.exec(first);
  if (!match) return first;
  const vowel = VOWELS_LONGEST_FIRST.find((v) => v === match[2]);
  return (match[1] ?? '') + (vowel ? COARSE_VOWEL[vowel] : match[2]) + (match[3] ?? '');
}
