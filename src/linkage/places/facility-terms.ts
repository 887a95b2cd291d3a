// Facility-type words and numbers in a facility text. The type codes are those of
// data/reference/facility-types.json; the spellings (Hangul, RR, MR, DPRK and English renderings used
// in NGO and UN reports) are hand-written, since no library knows them. CAMP and GURYUJANG are
// umbrella types for texts that do not say which kind ("Camp 15", "prison camp", "detention centre").

type TypeRule = { type: string; pattern: RegExp };

/** Rules tried in order over folded text (lower case, diacritics folded, hyphens as spaces). */
const RULES: TypeRule[] = [
  {
    type: 'KWANLISO',
    pattern:
      /\b[kg]wa[nl]\s?[lr]i\s?so\b|\b[kg]wall?iso\b|political\s+(prison(er)?s?\s*)?camp|political\s+prison|internment\s+camp|total\s+control\s+zone|revolutioni[sz]ing\s+zone|관리소|정치범\s*수용소|혁명화\s*구역|완전\s*통제\s*구역/g,
  },
  { type: 'CAMP', pattern: /prison\s+camp|labou?r\s+camp|concentration\s+camp/g },
  {
    type: 'KYOHWASO',
    pattern:
      /\b[kg]yo\s?hwa\s?so\b|reform(ation)?\s+through\s+labou?r(\s+camp)?|re\s?education(\s+camp)?|correctional(\s+(cent(er|re)|facility|institution))?|penitentiary|\bprison\b|\bjail\b|교화소|교도소|감옥/g,
  },
  {
    type: 'RODONG-DANRYEONDAE',
    pattern:
      /\b([rn]odong\s?)?[dt]an?\s?[rln]+y?(eo|o|u)n\s?[dt]ae\b|labou?r\s+training(\s+(camp|cent(er|re)|unit|brigade))?|노동\s*단련대|단련대/g,
  },
  {
    type: 'JIPKYULSO',
    pattern:
      /\b(j|ch)ip\s?[kg]y?(u|eo|o)l\s?so\b|holding\s+(cent(er|re)|facility|camp)|collection\s+(point|cent(er|re))|집결소/g,
  },
  { type: 'POLICE-STATION', pattern: /\b[bp]un\s?[jc]h?u\s?so\b|police\s+(post|station)|분주소|안전서/g },
  {
    type: 'GURYUJANG-MSS',
    pattern:
      /\b[bp]owi\s?(bu|guk|song|seong)\b|state\s+security|\bmss\b|\bssd\b|kukka\s+anjeon|kukka\s+anjon|보위부|보위국|보위성|보위지도원/g,
  },
  {
    type: 'GURYUJANG-MSOS',
    pattern:
      /\b[bp]oan\s?(seo|so|bu)\b|\banj(eo|o)n\s?(bu|seo|so|guk)\b|social\s+security|people'?s\s+security|\bpolice\b|\bmps\b|\bmsos\b|안전부|안전국|보안서|보안부|보안국/g,
  },
  {
    type: 'GURYUJANG',
    pattern:
      /\b[kg]u\s?[rl]yu\s?(j|ch)ang\b|\b[kg]uryuso\b|detention\s+(cent(er|re)|facility|house)|interrogation(\s+(cent(er|re)|facility))?|pre\s?trial\s+detention|구류장|구류소/g,
  },
  { type: 'CAMP', pattern: /\bcamp\b|수용소|\bsuyongso\b/g },
];

/** Words that are neither a type nor a place name. */
const NOISE = new Set(
  'no number nr num the of in at near camp county city province prefecture district area zone special provincial town village centre center facility detention former old new north south ri ni li dong gun kun si shi up eup gu st nd rd th'.split(
    ' ',
  ),
);

/** Suffixes of place names written as separate words once hyphens become spaces (-ri, -dong, -gun …). */
const PLACE_SUFFIXES = new Set(['ri', 'ni', 'dong', 'tong', 'eup', 'gun', 'kun', 'si', 'shi', 'do']);

export type FacilityText = {
  /** Type codes named (umbrella types CAMP and GURYUJANG when unspecific). */
  types: string[];
  /** The facility's number ("No. 12", "12호", "제12호"), if given. */
  number: number | null;
  /** The remaining words, taken as place names. */
  places: string[];
};

/** Lower case, MR diacritics folded to RR letters, apostrophes dropped, hyphens kept. */
function fold(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/ŏ|ǒ|ö|ō|õ/g, 'eo')
    .replace(/ŭ|ǔ|ü|ū|ũ/g, 'eu')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .normalize('NFC')
    .replace(/['’‘ʼʻ′`´]/g, '');
}

/** Splits a facility text into its type(s), number and place words. */
export function parseFacilityText(text: string): FacilityText {
  let rest = ` ${fold(text).replace(/[()[\],;:/·]/g, ' ')} `;
  const spaced = (s: string) => s.replace(/-/g, ' ');
  const types: string[] = [];
  for (const rule of RULES) {
    const withSpaces = spaced(rest);
    if (rule.pattern.test(withSpaces)) {
      if (!types.includes(rule.type)) types.push(rule.type);
      rule.pattern.lastIndex = 0;
      rest = withSpaces.replace(rule.pattern, ' ');
    }
    rule.pattern.lastIndex = 0;
  }
  // An umbrella type adds nothing when a specific one is named ("State Security detention centre").
  const specific = (umbrella: string) =>
    types.some((t) => t !== umbrella && typeCompatible([umbrella], t) && t !== 'CAMP' && t !== 'GURYUJANG');
  for (const umbrella of ['CAMP', 'GURYUJANG'])
    if (types.includes(umbrella) && specific(umbrella)) types.splice(types.indexOf(umbrella), 1);
  let number: number | null = null;
  const numbered = /(?:제\s*)?(\d{1,3})\s*(?:호|번)?/.exec(rest);
  if (numbered) {
    number = Number(numbered[1]);
    rest = rest.replace(/(?:no\.?|number|nr\.?|#)?\s*(?:제\s*)?\d{1,3}\s*(?:호|번)?/g, ' ');
  }
  const places = rest
    .replace(/\./g, ' ')
    .split(/\s+/)
    .map((w) => w.replace(/^-+|-+$/g, ''))
    .filter((w) => w.length > 0 && !NOISE.has(w) && /[a-z\uac00-\ud7a3]/.test(w));
  // Matching the type words turned "Jongo-ri kyohwaso" into "jongo ri": a village or district
  // suffix belongs to the word before it.
  const joined: string[] = [];
  for (const w of places) {
    if (PLACE_SUFFIXES.has(w) && joined.length > 0) joined[joined.length - 1] += `-${w}`;
    else if (w.length > 1) joined.push(w);
  }
  return { types, number, places: joined };
}

/** Whether a facility of type `code` can be what a text of the given parsed types names. */
export function typeCompatible(parsed: string[], code: string): boolean {
  if (parsed.length === 0) return true;
  return parsed.some(
    (t) =>
      t === code ||
      (t === 'CAMP' && (code === 'KWANLISO' || code === 'KYOHWASO' || code === 'RODONG-DANRYEONDAE')) ||
      (t === 'GURYUJANG' && code.startsWith('GURYUJANG')),
  );
}
