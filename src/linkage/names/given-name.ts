import type { NameToken } from './name-tokens.ts';
import { foldLetters } from './romanized-syllables.ts';
import { segmentLetters } from './segment.ts';
import { hangulSyllableKey } from './syllable-key.ts';

// Reading the given-name part of a name: Hangul syllable by syllable, romanised parts split into
// syllables (several ways when ambiguous), a misplaced separator or one typing slip undone.

/** A given name's fine keys, several when the split is ambiguous; `repaired` after fixing a slip. */
export type GivenOption = { fine: string[]; raw: string; repaired: boolean };

export function hangulFine(text: string): string[] {
  return [...text].map((s) => hangulSyllableKey(s)).filter((k): k is string => k !== null);
}

/** Letters with one slip undone (swapped, dropped, doubled or mistyped letter), likeliest first. */
export function oneEditAway(letters: string): { text: string; cost: number }[] {
  const out = new Map<string, number>();
  const add = (text: string, cost: number) => {
    if (text !== letters && !out.has(text)) out.set(text, cost);
  };
  for (let i = 0; i + 1 < letters.length; i++)
    add(letters.slice(0, i) + letters[i + 1] + letters[i] + letters.slice(i + 2), 0);
  for (let i = 0; i < letters.length; i++) add(letters.slice(0, i) + letters.slice(i + 1), 0.1);
  for (let i = 0; i <= letters.length; i++)
    for (const c of 'abcdeghijklmnoprstuwy') add(letters.slice(0, i) + c + letters.slice(i), 0.1);
  for (let i = 0; i < letters.length; i++)
    for (const c of 'aeiouy') add(letters.slice(0, i) + c + letters.slice(i + 1), 0.2);
  return [...out].map(([text, cost]) => ({ text, cost }));
}

/** Ways to read one romanised given-name part (no hyphen inside). */
function readLatinPart(letters: string, separated: boolean, repair: boolean): GivenOption[] {
  let direct = segmentLetters(letters, 3, separated ? 0.3 : 0.75);
  // A part between hyphens or spaces is nearly always one syllable: prefer the fewest syllables.
  const fewest = Math.min(...direct.map((s) => s.fine.length));
  if (separated) direct = direct.filter((s) => s.fine.length === fewest);
  if (direct.length > 0) return direct.map((s) => ({ fine: s.fine, raw: letters, repaired: false }));
  if (!repair || letters.length < 3 || letters.length > 14) return [];
  const repairs = oneEditAway(letters)
    .flatMap((edit) => segmentLetters(edit.text, 1).map((s) => ({ fine: s.fine, cost: s.cost + edit.cost })))
    .sort((a, b) => a.cost - b.cost);
  const best = repairs[0]?.cost;
  if (best === undefined) return [];
  const seen = new Set<string>();
  const out: GivenOption[] = [];
  for (const r of repairs) {
    if (r.cost > best + 0.15 || out.length >= 3) break;
    const id = r.fine.join('.');
    if (seen.has(id)) continue;
    seen.add(id);
    out.push({ fine: r.fine, raw: letters, repaired: true });
  }
  return out;
}

/** Ways to read the given-name tokens together (cross product, capped). */
export function readGiven(tokens: NameToken[]): GivenOption[] {
  const rawAll = tokens.map((t) => (t.hangul ? t.text : foldLetters(t.text))).join('');
  const separated = readSeparated(tokens, false);
  if (separated) return separated.map((o) => ({ ...o, raw: rawAll }));
  // A separator in the wrong place ("SunH ŭi", "Geumh-ui") is a slip too: read the letters as one word.
  if (tokens.every((t) => !t.hangul)) {
    const joined = segmentLetters(rawAll);
    if (joined.length > 0) return joined.map((s) => ({ fine: s.fine, raw: rawAll, repaired: true }));
  }
  const repaired = readSeparated(tokens, true);
  if (repaired) return repaired.map((o) => ({ ...o, raw: rawAll }));
  return [{ fine: [], raw: rawAll, repaired: false }];
}

/** Readings of the given-name tokens part by part (a part: between spaces or hyphens); null if one fails. */
function readSeparated(tokens: NameToken[], repair: boolean): GivenOption[] | null {
  let options: GivenOption[] = [{ fine: [], raw: '', repaired: false }];
  for (const token of tokens) {
    const parts = token.hangul ? [token.text] : token.text.split('-').filter((p) => p.length > 0);
    for (const part of parts) {
      const partOptions: GivenOption[] = token.hangul
        ? [{ fine: hangulFine(part), raw: part, repaired: false }]
        : readLatinPart(foldLetters(part), parts.length > 1 || tokens.length > 1, repair);
      if (partOptions.length === 0) return null;
      const next: GivenOption[] = [];
      for (const o of options)
        for (const p of partOptions)
          next.push({ fine: [...o.fine, ...p.fine], raw: o.raw + p.raw, repaired: o.repaired || p.repaired });
      options = next.slice(0, 4);
    }
  }
  return options;
}
