import { disassembleCompleteCharacter, romanize } from 'es-hangul';
import { FINAL_CLASS } from './syllable-key.ts';

// Revised Romanization comes from es-hangul. McCune–Reischauer and the DPRK's official style have no
// well-kept JavaScript library, so their jamo tables are written here by hand (after the MR rules of
// 1939 and the DPRK's 1992 romanisation as used in its English-language media).

export type RomanizationSystem = 'rr' | 'mr' | 'mr-ascii' | 'dprk';

const INITIALS = 'ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ';
// biome-ignore format: a jamo table reads best on one line
const MR_INITIALS = ['k', 'kk', 'n', 't', 'tt', 'r', 'm', 'p', 'pp', 's', 'ss', '', 'ch', 'tch', "ch'", "k'", "t'", "p'", 'h'];
// biome-ignore format: a jamo table reads best on one line
const DPRK_INITIALS = ['k', 'kk', 'n', 't', 'tt', 'r', 'm', 'p', 'pp', 's', 'ss', '', 'j', 'jj', 'ch', 'kh', 'th', 'ph', 'h'];
const MR_VOICED: Record<string, string> = { k: 'g', t: 'd', p: 'b', ch: 'j' };
const DPRK_VOICED: Record<string, string> = { k: 'g', t: 'd', p: 'b' };
const VOWELS: Record<string, string> = {
  ㅏ: 'a',
  ㅐ: 'ae',
  ㅑ: 'ya',
  ㅒ: 'yae',
  ㅓ: 'ŏ',
  ㅔ: 'e',
  ㅕ: 'yŏ',
  ㅖ: 'ye',
  ㅗ: 'o',
  ㅗㅏ: 'wa',
  ㅗㅐ: 'wae',
  ㅗㅣ: 'oe',
  ㅛ: 'yo',
  ㅜ: 'u',
  ㅜㅓ: 'wŏ',
  ㅜㅔ: 'we',
  ㅜㅣ: 'wi',
  ㅠ: 'yu',
  ㅡ: 'ŭ',
  ㅡㅣ: 'ŭi',
  ㅣ: 'i',
};

type Jamo = { initial: number; vowel: string; final: string };

function jamoOf(syllable: string): Jamo | null {
  const parts = disassembleCompleteCharacter(syllable);
  if (!parts) return null;
  return { initial: INITIALS.indexOf(parts.choseong), vowel: parts.jungseong, final: parts.jongseong };
}

/** One syllable in MR or DPRK style; `previous` is the syllable before it in the same word, if any. */
function syllableMrDprk(jamo: Jamo, previous: Jamo | null, system: 'mr' | 'dprk'): string {
  let start = (system === 'mr' ? MR_INITIALS : DPRK_INITIALS)[jamo.initial] ?? '';
  let vowel = VOWELS[jamo.vowel] ?? '';
  if (system === 'dprk') vowel = vowel.replace('ŏ', 'o').replace('ŭ', 'u');
  if (system === 'mr' && start === 's' && (vowel.startsWith('i') || vowel.startsWith('wi'))) start = 'sh';
  if (previous) {
    const before = FINAL_CLASS[previous.final] ?? '';
    const voiced = system === 'mr' ? MR_VOICED[start] : DPRK_VOICED[start];
    if (voiced && (before === '' || before === 'n' || before === 'l' || before === 'm' || before === 'ng'))
      start = voiced;
    if (start === 'r') start = before === 'l' ? 'l' : before === '' ? 'r' : 'n';
    if (system === 'mr' && start === 'g' && before === 'n') start = "'g";
  }
  return start + vowel + (FINAL_CLASS[jamo.final] ?? '');
}

function romanizeWord(word: string, system: RomanizationSystem): string {
  if (system === 'rr') return romanize(word);
  const out: string[] = [];
  let previous: Jamo | null = null;
  for (const char of word) {
    const jamo = jamoOf(char);
    if (!jamo) {
      out.push(char);
      previous = null;
      continue;
    }
    out.push(syllableMrDprk(jamo, previous, system === 'dprk' ? 'dprk' : 'mr'));
    previous = jamo;
  }
  const text = out.join('');
  return system === 'mr-ascii' ? stripMrDiacritics(text) : text;
}

/** Every complete Hangul syllable, each romanised on its own as it would start a word. */
export function romanizeAllSyllables(system: RomanizationSystem): Map<string, string> {
  const syllables: string[] = [];
  for (let code = 0xac00; code <= 0xd7a3; code++) syllables.push(String.fromCharCode(code));
  // es-hangul applies no sound change across a space, so one call romanises all syllables at once.
  const spelled =
    system === 'rr'
      ? romanize(syllables.join(' ')).split(' ')
      : syllables.map((s) => {
          const jamo = jamoOf(s);
          const text = jamo ? syllableMrDprk(jamo, null, system === 'dprk' ? 'dprk' : 'mr') : s;
          return system === 'mr-ascii' ? stripMrDiacritics(text) : text;
        });
  return new Map(syllables.map((s, i) => [s, spelled[i] ?? '']));
}

/** MR without its diacritics and apostrophes, as most English texts print it (Chŏng → Chong). */
export function stripMrDiacritics(text: string): string {
  return text
    .replace(/ŏ/g, 'o')
    .replace(/ŭ/g, 'u')
    .replace(/['’‘ʼʻ′`´]/g, '');
}

/** Upper-cases the first letter of each word (and of each part after a hyphen). */
function capitalizeWords(text: string): string {
  return text.replace(
    /(^|[\s-])(\p{Ll})/gu,
    (_, before: string, letter: string) => before + letter.toUpperCase(),
  );
}

/** Romanises Hangul in one system, word by word; characters other than Hangul are kept. */
export function romanizeHangul(hangul: string, system: RomanizationSystem): string {
  return capitalizeWords(
    hangul
      .split(/(\s+)/)
      .map((word) => (/^\s*$/.test(word) ? word : romanizeWord(word, system)))
      .join(''),
  );
}

/**
 * A Hangul personal name (surname + given name, as split by the caller) written as each system writes
 * names: RR "Gim Jeong-eun", MR "Kim Chŏng-ŭn", MR without diacritics "Kim Chong-un", DPRK "Kim Jong Un".
 */
export function romanizeName(surname: string, given: string, system: RomanizationSystem): string {
  // MR practice (as in library catalogues) writes the surname 이 as Yi, not I.
  const mrYi = (system === 'mr' || system === 'mr-ascii') && surname === '이';
  const family = mrYi ? 'Yi' : capitalizeWords(romanizeWord(surname, system));
  const syllables = [...given];
  if (system === 'dprk') return [family, ...syllables.map((s) => romanizeHangul(s, 'dprk'))].join(' ');
  const parts = syllables.map((s, i) => {
    if (system === 'rr') return romanize(s);
    const jamo = jamoOf(s);
    const previous = i > 0 ? jamoOf(syllables[i - 1] ?? '') : null;
    if (!jamo) return s;
    // MR voices a plain consonant after a vowel or a voiced final even across the hyphen.
    const text = syllableMrDprk(jamo, previous, 'mr').replace(/^'/, '');
    return system === 'mr-ascii' ? stripMrDiacritics(text) : text;
  });
  return `${family} ${capitalizeWords(parts.join('-')).replace(/-(\p{Lu})/gu, (_, l: string) => `-${l.toLowerCase()}`)}`;
}
