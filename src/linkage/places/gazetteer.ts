import { readFileSync } from 'node:fs';
import { REFERENCE_DIR } from '../../domain/vocabulary.ts';
import type { SyllableSequence } from '../names/index.ts';
import { parseFacilityText } from './facility-terms.ts';
import { readPlaceWord } from './place-word.ts';

// The facilities gazetteer (data/reference/facilities.json), indexed for resolving free text: each
// facility's number (from its code), type, and the place words found in its names, aliases and county.

type FacilityRecord = {
  code: string;
  names: { en: string; ko: string };
  aliases: string[];
  type: string;
  province: string;
  county?: { en: string; ko: string };
};

export type GazetteerEntry = {
  code: string;
  type: string;
  province: string;
  number: number | null;
  /** Readings of each place word naming the facility or its town. */
  places: SyllableSequence[][];
  /** Readings of the aliases that are a bare place name ("Yodŏk", "Hoeryŏng", "Nongpo"). */
  bareAliases: SyllableSequence[][];
  /** Names and aliases as written, normalised by `exactForm`. */
  exact: string[];
};

/** A text normalised for exact comparison with the gazetteer's names and aliases. */
export function exactForm(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/['’‘ʼʻ′`´]/g, '')
    .replace(/[\s\-.,()]+/g, ' ')
    .trim();
}

let entries: GazetteerEntry[] | null = null;

function load(): GazetteerEntry[] {
  const data = JSON.parse(readFileSync(new URL('facilities.json', REFERENCE_DIR), 'utf8')) as {
    facilities: FacilityRecord[];
  };
  return data.facilities.map((f) => {
    const number = /-(\d+)$/.exec(f.code);
    const texts = [f.names.en, f.names.ko, ...f.aliases, f.county?.en ?? '', f.county?.ko ?? ''];
    const words = new Set<string>();
    for (const text of texts)
      for (const w of parseFacilityText(text.replace(/\bnow\b/gi, ' ')).places) words.add(w);
    const places = [...words].map(readPlaceWord).filter((r) => r.length > 0);
    const bareAliases = f.aliases
      .map((a) => parseFacilityText(a))
      .filter((p) => p.types.length === 0 && p.number === null && p.places.length === 1)
      .map((p) => readPlaceWord(p.places[0] ?? ''))
      .filter((r) => r.length > 0);
    const exact = [f.names.en, f.names.ko, ...f.aliases].map(exactForm);
    return {
      code: f.code,
      type: f.type,
      province: f.province,
      number: number ? Number(number[1]) : null,
      places,
      bareAliases,
      exact,
    };
  });
}

/** The gazetteer's entries (loaded once). */
export function gazetteer(): GazetteerEntry[] {
  entries ??= load();
  return entries;
}
