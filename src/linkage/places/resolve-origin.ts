import { coarseKey as coarseOfFine, foldLetters, segmentLetters } from '../names/index.ts';
import { knownLocalities } from './localities.ts';
import { placeSimilarity, readPlaceWord } from './place-word.ts';
import { provinceForms } from './provinces.ts';

// Origin texts ("North Hamgyong", "함경북도 청진시", "Hamgyŏng-bukto", "Chongjin", "Hoeryong, N.
// Hamgyong") resolved to a province code and a locality key. Province base names are compared by the
// names module's phonetic key, so Hamgyong/Hamgyŏng/Hamkyung/Hamgyeong agree.

const NORTH = new Set(['n', 'north', 'northern', 'puk', 'buk', 'bukto', 'pukto', 'bukdo', 'pukdo']);
const SOUTH = new Set(['s', 'south', 'southern', 'nam', 'namdo', 'namto']);
const HALF_SUFFIX = /(bukdo|pukdo|bukto|pukto|namdo|namto|buk|puk|nam)$/;
const NOISE = new Set(
  'no unknown unclear none na do to province prov city county si shi gun kun guyok kuyok district area region of in near the from dprk north korea korea nk ri dong up eup town village special'.split(
    ' ',
  ),
);
const LOCALITY_MATCH = 0.9;

let baseKeys: Map<string, Set<string>> | null = null;

/** Province codes by coarse key of their Latin base names (Hamgyong → the two Hamgyong codes). */
function bases(): Map<string, Set<string>> {
  if (baseKeys) return baseKeys;
  baseKeys = new Map();
  for (const p of provinceForms())
    for (const name of p.latin)
      for (const word of name.split(/[\s-]+/)) {
        const letters = foldLetters(word);
        for (const key of [letters, ...coarseSegmentations(letters)]) {
          const set = baseKeys.get(key) ?? new Set();
          set.add(p.code);
          baseKeys.set(key, set);
        }
      }
  return baseKeys;
}

function coarseSegmentations(letters: string): string[] {
  return segmentLetters(letters, 6, 2).map((s) => s.fine.map((f) => coarseOfFine(f)).join(''));
}

/** Province codes a Latin token names (both halves for "Hamgyong"), with the half its suffix gives. */
function provincesOfToken(token: string): { codes: Set<string>; half: 'N' | 'S' | null } | null {
  const letters = foldLetters(token);
  const tries: { letters: string; half: 'N' | 'S' | null }[] = [{ letters, half: null }];
  const suffix = HALF_SUFFIX.exec(letters);
  if (suffix && letters.length > suffix[0].length + 3)
    tries.push({ letters: letters.slice(0, -suffix[0].length), half: suffix[0].includes('nam') ? 'S' : 'N' });
  const withoutDo = letters.replace(/(do|to)$/, '');
  if (withoutDo !== letters && withoutDo.length >= 4) tries.push({ letters: withoutDo, half: null });
  for (const t of tries) {
    for (const key of [t.letters, ...coarseSegmentations(t.letters)]) {
      const codes = bases().get(key);
      if (codes) return { codes, half: t.half };
    }
  }
  return null;
}

function pickHalf(codes: Set<string>, half: 'N' | 'S' | null): string | null {
  if (codes.size === 1) return [...codes][0] ?? null;
  if (!half) return null;
  const forms = provinceForms();
  return [...codes].find((c) => forms.find((p) => p.code === c)?.half === half) ?? null;
}

/** The best known locality for a place word, if it matches one. */
function knownLocality(word: string) {
  const readings = readPlaceWord(word);
  if (readings.length === 0) return { readings, known: null };
  let best = null as ReturnType<typeof knownLocalities>[number] | null;
  let bestScore = LOCALITY_MATCH;
  for (const l of knownLocalities()) {
    const s = placeSimilarity(readings, l.readings);
    if (s >= bestScore) {
      best = l;
      bestScore = s;
    }
  }
  return { readings, known: best };
}

/** Locality key of an unknown place word, independent of how its letters were split into syllables. */
function skeleton(key: string): string {
  return key.replace(/ng/g, 'nk');
}

/**
 * An origin text resolved to a province code (provinces.json) and a locality key (a city or county;
 * the same key for all spellings of a known place, a phonetic skeleton for others).
 */
export function resolveOrigin(text: string | undefined | null): {
  province: string | null;
  locality: string | null;
} {
  if (!text || text.trim() === '') return { province: null, locality: null };
  let rest = text.slice(0, 200).normalize('NFC');
  let province: string | null = null;
  // Hangul province forms first, longest match.
  let bestHangul = '';
  for (const p of provinceForms())
    for (const form of p.hangul)
      if (form.length > bestHangul.length && rest.includes(form)) {
        bestHangul = form;
        province = p.code;
      }
  if (bestHangul)
    for (const form of provinceForms().find((p) => p.code === province)?.hangul ?? [])
      rest = rest.replaceAll(form, ' ');
  const tokens = rest
    .replace(/['’‘ʼʻ′`´]/g, '')
    .split(/[\s,;:/().-]+/)
    .filter((t) => t.length > 0);
  let half: 'N' | 'S' | null = null;
  let halfCodes: Set<string> | null = null;
  const places: string[] = [];
  for (const token of tokens) {
    const lower = foldLetters(token);
    if (/[\uac00-\ud7a3]/.test(token)) {
      const hangul = token.replace(/[^\uac00-\ud7a3]/g, '');
      if (hangul === '북') half = 'N';
      else if (hangul === '남') half = 'S';
      else if (hangul.length > 0 && !/^(도|시|군|구역|출신|지역)$/.test(hangul)) places.push(hangul);
      continue;
    }
    if (NORTH.has(lower)) {
      half = 'N';
      continue;
    }
    if (SOUTH.has(lower)) {
      half = 'S';
      continue;
    }
    if (NOISE.has(lower) || lower.length === 0) continue;
    const found = provincesOfToken(token);
    if (found && (!province || found.codes.has(province))) {
      // A province named twice ("Pyongyang, 평양시") is no locality.
      if (!province) {
        half = found.half ?? half;
        halfCodes = found.codes;
      }
      continue;
    }
    places.push(token);
  }
  if (!province && halfCodes) province = pickHalf(halfCodes, half);
  let locality: string | null = null;
  for (const word of places) {
    const { readings, known } = knownLocality(word);
    if (known) {
      locality = known.key;
      province ??= known.province;
      break;
    }
    if (readings.length > 0 && locality === null) locality = skeleton(readings[0]?.given ?? '');
  }
  return { province, locality: locality || null };
}
