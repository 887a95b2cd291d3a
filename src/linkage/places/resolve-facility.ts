import type { SyllableSequence } from '../names/index.ts';
import { parseFacilityText, typeCompatible } from './facility-terms.ts';
import { exactForm, type GazetteerEntry, gazetteer } from './gazetteer.ts';
import { placeKey, placeSimilarity, readPlaceWord } from './place-word.ts';

/** Place similarity at or above which a place word is taken to name a gazetteer place. */
export const PLACE_MATCH = 0.9;

export type ParsedFacility = {
  types: string[];
  number: number | null;
  places: SyllableSequence[][];
};

export type FacilityResolution = { codes: string[]; key: string | null };

/** The facility text's type, number and place readings. */
export function parseFacility(text: string): ParsedFacility {
  const parsed = parseFacilityText(text);
  return {
    types: parsed.types,
    number: parsed.number,
    places: parsed.places.map(readPlaceWord).filter((r) => r.length > 0),
  };
}

/** Best similarity between any place word of a text and any place word of a gazetteer entry. */
export function placeAgreement(places: SyllableSequence[][], entry: GazetteerEntry): number {
  let best = 0;
  for (const p of places) for (const q of entry.places) best = Math.max(best, placeSimilarity(p, q));
  return best;
}

function resolveParsed(text: string, parsed: ParsedFacility): string[] {
  // A name or alias of the gazetteer, as written, is taken at its word.
  const form = exactForm(text);
  const exact = gazetteer().filter((e) => e.exact.includes(form));
  if (exact.length > 0) return exact.map((e) => e.code);
  const candidates = gazetteer().filter((e) => typeCompatible(parsed.types, e.type));
  if (parsed.number !== null) {
    const numbered = candidates.filter((e) => e.number === parsed.number);
    if (numbered.length === 1) return numbered.map((e) => e.code);
    const placed = gazetteer().filter(
      (e) => e.number === parsed.number && placeAgreement(parsed.places, e) >= PLACE_MATCH,
    );
    // The number and the place agree: a type word at odds with the gazetteer does not overrule them.
    if (placed.length > 0) return placed.map((e) => e.code);
    if (numbered.length > 1) return numbered.map((e) => e.code);
    return [];
  }
  if (parsed.places.length === 0) return [];
  // A bare place name that the gazetteer lists as an alias of some facilities names those.
  if (parsed.types.length === 0) {
    const aliased = candidates.filter((e) =>
      e.bareAliases.some((a) => parsed.places.some((p) => placeSimilarity(p, a) >= PLACE_MATCH)),
    );
    if (aliased.length > 0) return aliased.map((e) => e.code);
  }
  const scored = candidates
    .map((e) => ({ code: e.code, score: placeAgreement(parsed.places, e) }))
    .filter((s) => s.score >= PLACE_MATCH);
  const best = Math.max(0, ...scored.map((s) => s.score));
  return scored.filter((s) => s.score >= best - 0.02).map((s) => s.code);
}

function keyOf(parsed: ParsedFacility): string | null {
  const places = parsed.places
    .map(placeKey)
    .filter((k) => k.length > 0)
    .sort();
  if (parsed.types.length === 0 && parsed.number === null && places.length === 0) return null;
  return `${[...parsed.types].sort().join('+')}|${parsed.number ?? ''}|${places.join(' ')}`;
}

const cache = new Map<string, FacilityResolution>();

/**
 * A facility text resolved against the gazetteer: the codes of the facilities it may name (one when
 * sure; several when the text names a town with several facilities and no type), and a normalised
 * key (type|number|place keys) that equals for spellings of the same unknown facility.
 */
export function resolveFacility(text: string | undefined | null): FacilityResolution {
  if (!text || text.trim() === '') return { codes: [], key: null };
  const hit = cache.get(text);
  if (hit) return hit;
  const parsed = parseFacility(text.slice(0, 200));
  const result = { codes: resolveParsed(text, parsed), key: keyOf(parsed) };
  if (cache.size > 100_000) cache.clear();
  cache.set(text, result);
  return result;
}
