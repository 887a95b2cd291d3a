import { readFileSync } from 'node:fs';
import { REFERENCE_DIR } from '../../domain/vocabulary.ts';
import type { SyllableSequence } from '../names/index.ts';
import { readPlaceWord } from './place-word.ts';

// Known cities and counties with their province: data/reference/localities.json (hand-compiled)
// and the counties of the facilities gazetteer.

export type Locality = { key: string; province: string; readings: SyllableSequence[] };

let localities: Locality[] | null = null;

function load(): Locality[] {
  const read = (file: string) => JSON.parse(readFileSync(new URL(file, REFERENCE_DIR), 'utf8'));
  const listed = read('localities.json') as { localities: { ko: string; en: string; province: string }[] };
  const facilities = read('facilities.json') as {
    facilities: { province: string; county?: { ko: string; en: string } }[];
  };
  const rows = [
    ...listed.localities,
    ...facilities.facilities.flatMap((f) =>
      f.county ? [{ ko: f.county.ko.replace(/\(.*$/, ''), en: f.county.en, province: f.province }] : [],
    ),
  ];
  const out = new Map<string, Locality>();
  for (const row of rows) {
    const hangul = readPlaceWord(row.ko);
    const key = hangul[0]?.given;
    if (!key || out.has(key)) continue;
    out.set(key, {
      key,
      province: row.province,
      readings: [...hangul, ...readPlaceWord(row.en.replace(/\s*\(.*$/, ''))],
    });
  }
  return [...out.values()];
}

/** Known localities (loaded once). */
export function knownLocalities(): Locality[] {
  localities ??= load();
  return localities;
}
