// Splitting a written name into tokens: honorifics and noise dropped, diacritics folded, case kept
// (an all-capitals token among others marks the surname: "Youngho LEE").

const NOISE = new Set([
  'mr',
  'mrs',
  'ms',
  'miss',
  'dr',
  'prof',
  'sir',
  'madam',
  'mister',
  'comrade',
  'dongmu',
  'dongji',
  'ssi',
  'nim',
  'aka',
  'alias',
  'nee',
  'called',
  'named',
  'unknown',
  'anonymous',
  'surname',
  'first',
  'name',
  // Roles written beside a name ("Chief Kim", "Kim (guard)").
  'guard',
  'officer',
  'prisoner',
  'inmate',
  'warden',
  'chief',
  'director',
  'agent',
  'head',
  'captain',
  'lieutenant',
  'major',
  'colonel',
  'sergeant',
  'doctor',
  'interrogator',
  'instructor',
]);
const HANGUL_NOISE = /(씨|님|선생님?|동무|동지|여사)$/;

export type NameToken = {
  /** The token as written, diacritics folded to RR letters (ŏ → eo, ŭ → eu), apostrophes dropped. */
  text: string;
  hangul: boolean;
  /** All capitals, in a name that is not all capitals. */
  capitals: boolean;
  /** Followed by a comma ("Lee, Young-ho"). */
  comma: boolean;
};

/** Folds MR's and others' diacritics to plain letters, keeping case, hyphens and Hangul. */
function foldDiacritics(text: string): string {
  return text
    .replace(/ŏ|ǒ|ö|ō|õ/g, 'eo')
    .replace(/Ŏ|Ǒ|Ö|Ō|Õ/g, 'Eo')
    .replace(/ŭ|ǔ|ü|ū|ũ/g, 'eu')
    .replace(/Ŭ|Ǔ|Ü|Ū|Ũ/g, 'Eu')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .normalize('NFC');
}

/** The parts of a name: the text outside parentheses and each parenthesised or a.k.a. alternative. */
export function nameParts(name: string): string[] {
  const inner = [...name.matchAll(/[(（[]([^)）\]]*)[)）\]]/g)].map((m) => m[1] ?? '');
  const outer = name.replace(/[(（[][^)）\]]*[)）\]]/g, ' ');
  // "Kim Yong-ho a.k.a. Old Kim", "김영호 / Kim Young-ho": the first part is the name, the others alternatives.
  const split = (text: string) => text.split(/\s(?:a\.?k\.?a\.?|alias|also known as)\s|[/;|]/i);
  const [first = '', ...others] = split(outer);
  return [first, ...others, ...inner.flatMap(split)].map((s) => s.trim()).filter((s) => s.length > 0);
}

/** Tokens of one name part; [] when nothing name-like is left. */
export function nameTokens(part: string): NameToken[] {
  const folded = foldDiacritics(part.normalize('NFC'))
    .replace(/['’‘ʼʻ′`´]/g, '')
    .replace(/[._/·・]/g, ' ')
    .replace(/,/g, ' , ');
  const raw = folded.split(/\s+/).filter((t) => t.length > 0);
  const mixedCase = /\p{Ll}/u.test(folded);
  const tokens: NameToken[] = [];
  for (const t of raw) {
    if (t === ',') {
      const last = tokens[tokens.length - 1];
      if (last) last.comma = true;
      continue;
    }
    const hangul = /[\uac00-\ud7a3]/.test(t);
    let text = hangul ? t.replace(/[^\uac00-\ud7a3]/g, '') : t.replace(/[^\p{L}-]/gu, '');
    if (hangul) text = text.length > 2 ? text.replace(HANGUL_NOISE, '') : text;
    text = text.replace(/^-+|-+$/g, '');
    if (text.length === 0) continue;
    if (!hangul && NOISE.has(text.toLowerCase())) continue;
    if (!hangul && !/^[A-Za-z-]+$/.test(text)) continue;
    tokens.push({
      text,
      hangul,
      capitals: mixedCase && !hangul && text.length > 1 && text === text.toUpperCase(),
      comma: false,
    });
  }
  return tokens;
}
