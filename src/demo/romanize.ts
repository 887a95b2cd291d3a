import { romanize } from 'es-hangul';

// Revised Romanization comes from es-hangul. McCune–Reischauer and the DPRK's official style have
// no well-kept JavaScript library, so their jamo tables are written here (initial-position values,
// as names are romanised syllable by syllable).

// biome-ignore format: a jamo table reads best on one line
const MR_INITIALS = ['k', 'kk', 'n', 't', 'tt', 'r', 'm', 'p', 'pp', 's', 'ss', '', 'ch', 'tch', "ch'", "k'", "t'", "p'", 'h'];
// biome-ignore format: a jamo table reads best on one line
const DPRK_INITIALS = ['k', 'kk', 'n', 't', 'tt', 'r', 'm', 'p', 'pp', 's', 'ss', '', 'j', 'jj', 'ch', 'kh', 'th', 'ph', 'h'];
// biome-ignore format: a jamo table reads best on one line
const MR_MEDIALS = ['a', 'ae', 'ya', 'yae', 'ŏ', 'e', 'yŏ', 'ye', 'o', 'wa', 'wae', 'oe', 'yo', 'u', 'wŏ', 'we', 'wi', 'yu', 'ŭ', 'ŭi', 'i'];
// biome-ignore format: a jamo table reads best on one line
const FINALS = ['', 'k', 'k', 'k', 'n', 'n', 'n', 't', 'l', 'k', 'm', 'l', 'l', 'l', 'p', 'l', 'm', 'p', 'p', 't', 't', 'ng', 't', 't', 'k', 't', 'p', 't'];

/** The romanisation systems the demo writes names in. */
export type Romanization = 'rr' | 'mr' | 'dprk';

/** One Hangul syllable romanised as it would start a word. */
export function romanizeSyllable(syllable: string, system: Romanization): string {
  if (system === 'rr') return romanize(syllable);
  const code = syllable.charCodeAt(0) - 0xac00;
  if (code < 0 || code > 11171) return syllable;
  const initial = Math.floor(code / 588);
  const medial = Math.floor((code % 588) / 28);
  const final = code % 28;
  let vowel = MR_MEDIALS[medial] as string;
  let start = (system === 'mr' ? MR_INITIALS : DPRK_INITIALS)[initial] as string;
  if (system === 'dprk') vowel = vowel.replace('ŏ', 'o').replace('ŭ', 'u');
  if (system === 'mr' && start === 's' && (vowel.startsWith('i') || vowel.startsWith('wi'))) start = 'sh';
  return start + vowel + (FINALS[final] as string);
}

/** A given name romanised syllable by syllable: `Yŏng-ho` (MR), `Yeong-ho` (RR), `Yong Ho` (DPRK). */
export function romanizeGivenName(given: string, system: Romanization): string {
  const syllables = [...given].map((s) => romanizeSyllable(s, system));
  if (system === 'dprk') return syllables.map(capitalize).join(' ');
  return capitalize(syllables.join('-'));
}

/** Upper-cases the first letter. */
export function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
