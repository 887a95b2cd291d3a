// Names for the linkage benchmark's synthetic people, and the many ways testimonies write them. Kept
// apart from the names module on purpose (its own tables and slips), so that the benchmark does not
// test the module against its own assumptions.
import { SOUTH_INITIAL_FORMS, SURNAMES } from '../demo/korean-names.ts';
import type { Random } from '../demo/random.ts';
import { capitalize, romanizeSyllable } from '../demo/romanize.ts';

/** A surname: Hangul (North), Hangul (South), official romanisations and the spellings seen in print. */
export type GenSurname = {
  north: string;
  south: string;
  rr: string;
  mr: string;
  dprk: string;
  print: string[];
  share: number;
};

const RARE_SURNAMES =
  '성차주우구민진지엄채원천방공현함변염추도소석설마길연위표명기반왕금옥육인맹제모탁어은편용예경봉사부';

/** The census shares for the common surnames, and a long tail of rarer ones. */
export const GEN_SURNAMES: GenSurname[] = [
  ...SURNAMES.map((s) => ({
    north: s.north,
    south: s.hangul,
    rr: s.rr,
    mr: s.mr,
    dprk: s.dprk,
    print: s.common,
    share: s.share,
  })),
  ...[...RARE_SURNAMES].map((h) => {
    const rr = capitalize(romanizeSyllable(h, 'rr'));
    return {
      north: h,
      south: h,
      rr,
      mr: capitalize(romanizeSyllable(h, 'mr')),
      dprk: capitalize(romanizeSyllable(h, 'dprk')),
      print: [rr],
      share: 0.12,
    };
  }),
];

// Given-name syllables roughly by popularity (most used first), North Korean spelling.
const MALE = [...'철영호수광성일명남학국용진혁석길태동현준봉창룡민선기상원재종충훈웅식환범만덕욱규근승운'];
const FEMALE = [...'영순희옥금향미경혜정은춘화숙애란자선련실복심주녀진명월분림설송하연'];
/** Whole given names that were especially popular, so that many different people share them. */
const POPULAR = {
  M: ['철수', '영호', '영철', '광철', '명철', '성철', '영남', '철남'],
  F: ['영희', '순희', '정숙', '옥순', '영옥', '춘화', '금순', '영애'],
};

function zipf<T>(items: readonly T[], random: Random, exponent = 0.9): T {
  let total = 0;
  for (let r = 1; r <= items.length; r++) total += r ** -exponent;
  let x = random.next() * total;
  for (let r = 1; r <= items.length; r++) {
    x -= r ** -exponent;
    if (x < 0) return items[r - 1] as T;
  }
  return items[items.length - 1] as T;
}

export type GenName = { surname: GenSurname; given: string };

export function drawGenName(random: Random, sex: 'M' | 'F'): GenName {
  const surname = random.weighted(GEN_SURNAMES.map((s) => [s, s.share] as const));
  if (random.chance(0.12)) return { surname, given: random.pick(POPULAR[sex]) };
  const syllables = sex === 'M' ? MALE : FEMALE;
  let given = zipf(syllables, random) + zipf(syllables, random);
  if (given[0] === given[1]) given = given[0] + zipf(syllables, random, 0.5);
  if (random.chance(0.03)) given = zipf(syllables, random);
  return { surname, given };
}

/** How passports and the press spell given-name syllables (South Korean pronunciation). */
const PRINT: Record<string, string[]> = {
  영: ['Young', 'Yeong', 'Yong'],
  철: ['Chul', 'Cheol', 'Chol'],
  수: ['Soo', 'Su'],
  호: ['Ho'],
  광: ['Kwang', 'Gwang'],
  성: ['Sung', 'Seong'],
  일: ['Il'],
  명: ['Myung', 'Myeong'],
  남: ['Nam'],
  학: ['Hak'],
  국: ['Kook', 'Guk'],
  용: ['Yong', 'Yung'],
  진: ['Jin'],
  혁: ['Hyuk', 'Hyeok'],
  석: ['Seok', 'Suk'],
  태: ['Tae'],
  동: ['Dong'],
  현: ['Hyun', 'Hyeon'],
  준: ['Jun', 'Joon'],
  창: ['Chang'],
  민: ['Min'],
  선: ['Sun', 'Seon'],
  기: ['Ki', 'Gi'],
  순: ['Soon', 'Sun'],
  희: ['Hee', 'Hui'],
  옥: ['Ok'],
  금: ['Keum', 'Geum', 'Kum'],
  향: ['Hyang'],
  미: ['Mi'],
  경: ['Kyung', 'Kyeong', 'Gyeong'],
  혜: ['Hye'],
  정: ['Jung', 'Jeong'],
  은: ['Eun'],
  춘: ['Choon', 'Chun'],
  화: ['Hwa'],
  숙: ['Sook', 'Suk'],
  애: ['Ae'],
  자: ['Ja'],
  주: ['Joo', 'Ju'],
  연: ['Yeon', 'Yun'],
  여: ['Yeo', 'Yo'],
};

export type NameStyle = 'hangul-south' | 'hangul-north' | 'rr' | 'mr' | 'mr-plain' | 'dprk' | 'print';

const STYLES: (readonly [NameStyle, number])[] = [
  ['hangul-south', 0.18],
  ['hangul-north', 0.1],
  ['rr', 0.14],
  ['mr', 0.08],
  ['mr-plain', 0.1],
  ['dprk', 0.12],
  ['print', 0.28],
];

export function pickStyle(random: Random): NameStyle {
  return random.weighted(STYLES);
}

function southern(given: string): string {
  const first = given.charAt(0);
  return (SOUTH_INITIAL_FORMS[first] ?? first) + given.slice(1);
}

function plain(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’'`]/g, '');
}

/** One syllable romanised in a style. */
function syllable(h: string, style: NameStyle, random: Random): string {
  if (style === 'print') return random.pick(PRINT[h] ?? [capitalize(romanizeSyllable(h, 'rr'))]);
  const system = style === 'rr' ? 'rr' : style === 'dprk' ? 'dprk' : 'mr';
  const s = capitalize(romanizeSyllable(h, system));
  return style === 'mr-plain' ? plain(s) : s;
}

/** The name as one testimony writes it, with the slips of hurried transcription. */
export function writeGenName(name: GenName, style: NameStyle, random: Random): string {
  if (style === 'hangul-south' || style === 'hangul-north') {
    const text =
      style === 'hangul-south' ? name.surname.south + southern(name.given) : name.surname.north + name.given;
    return random.chance(0.1) ? `${text.charAt(0)} ${text.slice(1)}` : text;
  }
  const given = style === 'dprk' ? name.given : southern(name.given);
  const syllables = [...given].map((h) => syllable(h, style, random));
  let surname =
    style === 'print'
      ? random.pick(name.surname.print)
      : style === 'rr'
        ? name.surname.rr
        : style === 'dprk'
          ? name.surname.dprk
          : style === 'mr-plain'
            ? plain(name.surname.mr)
            : name.surname.mr;
  let givenText: string;
  const joiner = random.weighted([
    ['-', style === 'dprk' ? 0.1 : 0.5],
    [' ', style === 'dprk' ? 0.8 : 0.15],
    ['', 0.35],
  ] as const);
  givenText = syllables.map((s, k) => (k > 0 && joiner !== ' ' ? s.toLowerCase() : s)).join(joiner);
  if (random.chance(0.06)) givenText = typo(givenText, random);
  if (random.chance(0.02)) surname = typo(surname, random);
  let full = random.chance(style === 'print' ? 0.3 : 0.08)
    ? `${givenText} ${surname}`
    : `${surname} ${givenText}`;
  if (random.chance(0.03)) full = `${surname.toUpperCase()}, ${givenText}`;
  const casing = random.next();
  if (casing < 0.06) full = full.toUpperCase();
  else if (casing < 0.09) full = full.toLowerCase();
  return full;
}

function typo(word: string, random: Random): string {
  if (word.length < 4) return word;
  const i = random.int(1, word.length - 2);
  const kind = random.int(0, 3);
  if (kind === 0) return word.slice(0, i) + word.slice(i + 1);
  if (kind === 1) return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
  if (kind === 2) return word.slice(0, i) + word[i] + word.slice(i);
  const vowels: Record<string, string> = { o: 'u', u: 'o', e: 'a', a: 'e', i: 'y', y: 'i' };
  const c = word[i] as string;
  return word.slice(0, i) + (vowels[c] ?? c) + word.slice(i + 1);
}
