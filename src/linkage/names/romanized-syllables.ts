import { romanizeAllSyllables } from './romanize-hangul.ts';
import { fineKey, hangulSyllableKey } from './syllable-key.ts';

// Every way a syllable is spelt in Latin letters, mapped to the fine keys it can stand for. Two
// sources, united: (1) the romanisation of all 11,172 Hangul syllables in RR (es-hangul), MR, MR
// without diacritics and DPRK style; (2) a hand-written grammar of the everyday spellings no system
// produces (Young, Jung, Hyun, Choi, Lee, Park, Soon, Joo, Woo, Paik, Suh, Oh…), which is the only
// way to cover passport and press spellings: no library lists them.

/** Romanised onsets → initial class. */
const ONSETS: Record<string, string> = {
  '': '',
  g: 'k',
  k: 'k',
  kk: 'k',
  gg: 'k',
  kh: 'k',
  n: 'n',
  r: 'n',
  l: 'n',
  rh: 'n',
  d: 't',
  t: 't',
  tt: 't',
  dd: 't',
  th: 't',
  m: 'm',
  b: 'p',
  p: 'p',
  pp: 'p',
  bb: 'p',
  ph: 'p',
  f: 'p',
  s: 's',
  ss: 's',
  sh: 's',
  j: 'j',
  jj: 'j',
  ch: 'j',
  tch: 'j',
  c: 'j',
  h: 'h',
};

/** Romanised vowels → fine vowels they may write (MR's ŏ/ŭ arrive already as eo/eu). */
const VOWELS: Record<string, string[]> = {
  a: ['a'],
  ah: ['a'],
  ae: ['ae'],
  ai: ['ae'],
  e: ['ae'],
  ya: ['ya'],
  yae: ['yae'],
  ye: ['yae'],
  eo: ['eo'],
  uh: ['eo'],
  o: ['o', 'eo'],
  oh: ['o'],
  u: ['u', 'eu', 'eo'],
  oo: ['u'],
  ou: ['u'],
  woo: ['u'],
  wu: ['u'],
  eu: ['eu'],
  yeo: ['yeo'],
  yo: ['yo', 'yeo'],
  you: ['yeo', 'yu'],
  yu: ['yu', 'yeo', 'yo'],
  yoo: ['yu'],
  wa: ['wa'],
  oa: ['wa'],
  wae: ['we'],
  we: ['we'],
  oe: ['we'],
  oi: ['we'],
  weo: ['wo'],
  wo: ['wo'],
  wi: ['wi'],
  ui: ['ui', 'wi'],
  eui: ['ui'],
  i: ['i', 'ui'],
  ee: ['i', 'ui'],
  yi: ['i', 'ui'],
};

/** Romanised finals → final class. */
const CODAS: Record<string, string> = {
  '': '',
  k: 'k',
  g: 'k',
  ck: 'k',
  rk: 'k',
  n: 'n',
  ng: 'ng',
  l: 'l',
  r: 'l',
  m: 'm',
  p: 'p',
  b: 'p',
  t: 't',
};

/** Spellings that are rare or ambiguous enough to rank a segmentation using them lower. */
const RARE_ONSETS = new Set(['f', 'c', 'kh']);
const RARE_VOWELS = new Set(['oa', 'ou', 'wu', 'ah', 'oh', 'uh']);
const RARE_CODAS = new Set(['g', 'b', 'r', 'ck', 'rk']);

export type SyllableSpelling = {
  /** Fine keys the spelling can stand for, sorted, joined by '/'. */
  keys: string;
  /** 0 for a usual spelling, higher for a rare one. */
  rarity: number;
};

let table: Map<string, SyllableSpelling> | null = null;

function add(map: Map<string, Set<string>>, spelling: string, key: string): void {
  let keys = map.get(spelling);
  if (!keys) {
    keys = new Set();
    map.set(spelling, keys);
  }
  keys.add(key);
}

/** Folds a romanised syllable's letters as readName folds a name (ŏ → eo, apostrophes dropped). */
export function foldLetters(text: string): string {
  return text
    .toLowerCase()
    .replace(/ŏ|ǒ|ö|ō|õ/g, 'eo')
    .replace(/ŭ|ǔ|ü|ū|ũ/g, 'eu')
    .normalize('NFD')
    .replace(/[^a-z]/g, '');
}

function build(): Map<string, SyllableSpelling> {
  const keys = new Map<string, Set<string>>();
  const rarity = new Map<string, number>();
  for (const [onset, initial] of Object.entries(ONSETS))
    for (const [vowelSpelling, vowels] of Object.entries(VOWELS))
      for (const [coda, final] of Object.entries(CODAS)) {
        if ((vowelSpelling === 'woo' || vowelSpelling === 'wu') && onset !== '') continue;
        if ((vowelSpelling === 'oh' || vowelSpelling === 'uh' || vowelSpelling === 'ah') && coda === 'ng')
          continue;
        const spelling = onset + vowelSpelling + coda;
        for (const vowel of vowels) add(keys, spelling, fineKey(initial, vowel, final));
        const rare =
          Number(RARE_ONSETS.has(onset)) +
          Number(RARE_VOWELS.has(vowelSpelling)) +
          Number(RARE_CODAS.has(coda));
        rarity.set(spelling, Math.min(rarity.get(spelling) ?? 9, rare));
      }
  const systems = ['rr', 'mr', 'mr-ascii', 'dprk'] as const;
  for (const system of systems)
    for (const [syllable, spelled] of romanizeAllSyllables(system)) {
      const key = hangulSyllableKey(syllable);
      if (!key) continue;
      const spelling = foldLetters(spelled);
      add(keys, spelling, key);
      rarity.set(spelling, 0);
    }
  const result = new Map<string, SyllableSpelling>();
  for (const [spelling, set] of keys)
    result.set(spelling, { keys: [...set].sort().join('/'), rarity: rarity.get(spelling) ?? 0 });
  return result;
}

/** The spelling table (built once, on first use). */
export function syllableSpellings(): Map<string, SyllableSpelling> {
  table ??= build();
  return table;
}

/** Longest spelling in the table, bounding the segmentation search. */
export const MAX_SPELLING_LENGTH = 8;
