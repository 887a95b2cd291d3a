import { typeCompatible } from './facility-terms.ts';
import { gazetteer } from './gazetteer.ts';
import { placeSimilarity } from './place-word.ts';
import {
  type ParsedFacility,
  PLACE_MATCH,
  parseFacility,
  placeAgreement,
  resolveFacility,
} from './resolve-facility.ts';

// Similarity of two facility texts: the same gazetteer facility 1 (0.9 when one text could also be
// another facility of the same town); the same town but facilities of different types 0.5; unknown
// facilities by their place names, discounted when their types or numbers disagree.

const SAME_PLACE_OTHER_TYPE = 0.5;
const AMBIGUOUS = 0.9;

const parsedCache = new Map<string, ParsedFacility>();

function parsed(text: string): ParsedFacility {
  let p = parsedCache.get(text);
  if (!p) {
    p = parseFacility(text);
    if (parsedCache.size > 100_000) parsedCache.clear();
    parsedCache.set(text, p);
  }
  return p;
}

function entriesOf(codes: string[]) {
  return gazetteer().filter((e) => codes.includes(e.code));
}

function typesAgree(a: string[], b: string[]): boolean {
  if (a.length === 0 || b.length === 0) return true;
  return a.some((t) => b.some((u) => typeCompatible([t], u) || typeCompatible([u], t)));
}

function unknownPair(a: ParsedFacility, b: ParsedFacility): number {
  if (a.number !== null && b.number !== null && a.number !== b.number) return 0.1;
  const typeFactor = typesAgree(a.types, b.types) ? 1 : SAME_PLACE_OTHER_TYPE;
  if (a.places.length === 0 || b.places.length === 0) {
    const sameNumber = a.number !== null && a.number === b.number;
    return (sameNumber ? 0.9 : 0.3) * typeFactor;
  }
  let best = 0;
  for (const p of a.places) for (const q of b.places) best = Math.max(best, placeSimilarity(p, q));
  return best * typeFactor;
}

/**
 * Similarity in [0,1] between two facility texts (same gazetteer code = 1; same place name but a
 * different type lower; unknown facilities by place-name similarity). 0 when either is empty.
 */
export function facilitySimilarity(a: string | null | undefined, b: string | null | undefined): number {
  if (!a || !b || a.trim() === '' || b.trim() === '') return 0;
  const ra = resolveFacility(a);
  const rb = resolveFacility(b);
  if (ra.codes.length > 0 && rb.codes.length > 0) {
    if (ra.codes.some((c) => rb.codes.includes(c)))
      return ra.codes.length === 1 && rb.codes.length === 1 ? 1 : AMBIGUOUS;
    const ea = entriesOf(ra.codes);
    const eb = entriesOf(rb.codes);
    const samePlace = ea.some((x) => eb.some((y) => placeAgreement(x.places, y) >= PLACE_MATCH));
    return samePlace ? SAME_PLACE_OTHER_TYPE : 0;
  }
  if (ra.key !== null && ra.key === rb.key) return 1;
  const pa = parsed(a);
  const pb = parsed(b);
  if (ra.codes.length > 0 || rb.codes.length > 0) {
    const [known, unknown] = ra.codes.length > 0 ? [ra, pb] : [rb, pa];
    let best = 0;
    for (const e of entriesOf(known.codes)) {
      const place = placeAgreement(unknown.places, e);
      if (place < PLACE_MATCH) continue;
      const score = typeCompatible(unknown.types, e.type) ? 0.8 : SAME_PLACE_OTHER_TYPE;
      best = Math.max(best, score);
    }
    return best;
  }
  return unknownPair(pa, pb);
}
