import { combineCharacter, disassembleCompleteCharacter } from 'es-hangul';
import { surnameOfHangul } from './surname-index.ts';

// The South's initial-sound rule (두음법칙): a word-initial ㄹ becomes ㅇ before ㅣ and the y-vowels
// and ㄴ before the others; a word-initial ㄴ becomes ㅇ before ㅣ and the y-vowels. In names it applies
// to the surname and to the first syllable of the given name. The North does not apply it. Going
// South → North is ambiguous (영 may be 英 and stay 영, or 靈 and become 령), so northForm restores
// the surname from the surname table and the first given syllable only from a short hand-written
// list of syllables whose North form is the usual one in names.

const Y_VOWELS = new Set(['ㅣ', 'ㅑ', 'ㅕ', 'ㅛ', 'ㅠ', 'ㅖ', 'ㅒ']);

/** One syllable under the initial-sound rule (리 → 이, 로 → 노, 녀 → 여); others unchanged. */
export function southSyllable(syllable: string): string {
  const jamo = disassembleCompleteCharacter(syllable);
  if (!jamo) return syllable;
  const { choseong, jungseong, jongseong } = jamo;
  const y = Y_VOWELS.has(jungseong);
  let initial = choseong;
  if (choseong === 'ㄹ') initial = y ? 'ㅇ' : 'ㄴ';
  else if (choseong === 'ㄴ' && y) initial = 'ㅇ';
  if (initial === choseong) return syllable;
  return combineCharacter(initial, jungseong, jongseong);
}

/** North forms of first given-name syllables where that form is the usual one in the North. */
const NORTH_GIVEN: Record<string, string> = {
  용: '룡',
  연: '련',
  예: '례',
  양: '량',
  난: '란',
  낙: '락',
  열: '렬',
  윤: '륜',
  율: '률',
  노: '로',
  내: '래',
  여: '려',
  이: '리',
  유: '류',
  임: '림',
};

/** The length of the surname at the start of a Hangul name (2 for 남궁, 황보, 선우, 제갈 …). */
function surnameLength(name: string): number {
  const syllables = [...name];
  if (syllables.length >= 3 && surnameOfHangul(syllables.slice(0, 2).join(''))) return 2;
  return 1;
}

function mapName(hangul: string, surname: (s: string) => string, given: (s: string) => string): string {
  return hangul
    .trim()
    .split(/\s+/)
    .map((word, i, words) => {
      const syllables = [...word];
      if (words.length > 1)
        return i === 0 ? surname(word) : given(syllables[0] ?? '') + syllables.slice(1).join('');
      const n = surnameLength(word);
      const head = syllables.slice(0, n).join('');
      const first = syllables[n];
      return surname(head) + (first ? given(first) : '') + syllables.slice(n + 1).join('');
    })
    .join(' ');
}

/** The South's spelling of a Hangul name: 리용호 → 이용호, 로명희 → 노명희, 류경 → 유경. */
export function southForm(hangul: string): string {
  return mapName(
    hangul,
    (s) => [...s].map((c, i) => (i === 0 ? southSyllable(c) : c)).join(''),
    southSyllable,
  );
}

/** The North's spelling of a Hangul name: 이용호 → 리룡호, 노명희 → 로명희, 유경 → 류경. */
export function northForm(hangul: string): string {
  return mapName(
    hangul,
    (s) => surnameOfHangul(s)?.north ?? s,
    (s) => NORTH_GIVEN[s] ?? s,
  );
}
