import { romanizeHangul } from './romanize-hangul.ts';
import { foldLetters } from './romanized-syllables.ts';
import { SURNAMES, type SurnameEntry } from './surnames.ts';

// Look-ups from a written surname (Hangul, South or North form, or any Latin spelling) to the ids of
// the surnames it may be. A Latin spelling may stand for several ("Chun": 전 or 천; "Song": 송 or 성).

type Index = { byHangul: Map<string, SurnameEntry>; byLatin: Map<string, SurnameEntry[]> };

let index: Index | null = null;

function build(): Index {
  const byHangul = new Map<string, SurnameEntry>();
  const byLatin = new Map<string, SurnameEntry[]>();
  const addLatin = (spelling: string, entry: SurnameEntry) => {
    const key = foldLetters(spelling);
    const list = byLatin.get(key) ?? [];
    if (!list.includes(entry)) list.push(entry);
    byLatin.set(key, list);
  };
  for (const entry of SURNAMES) {
    byHangul.set(entry.hangul, entry);
    if (entry.north) byHangul.set(entry.north, entry);
    for (const spelling of entry.spellings) addLatin(spelling, entry);
    for (const form of [entry.hangul, entry.north ?? entry.hangul])
      for (const system of ['rr', 'mr', 'mr-ascii', 'dprk'] as const)
        addLatin(romanizeHangul(form, system), entry);
  }
  return { byHangul, byLatin };
}

function getIndex(): Index {
  index ??= build();
  return index;
}

/** The surname a Hangul string is (South or North form), if known. */
export function surnameOfHangul(hangul: string): SurnameEntry | undefined {
  return getIndex().byHangul.get(hangul);
}

/** The surnames a Latin spelling may stand for (folded: case, diacritics and hyphens ignored). */
export function surnamesOfLatin(spelling: string): SurnameEntry[] {
  return getIndex().byLatin.get(foldLetters(spelling)) ?? [];
}

/** All folded Latin spellings of known surnames (for splitting names written as one word). */
export function latinSurnameSpellings(): string[] {
  return [...getIndex().byLatin.keys()];
}
