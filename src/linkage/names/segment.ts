import { isCommonGiven } from './given-syllables.ts';
import { MAX_SPELLING_LENGTH, syllableSpellings } from './romanized-syllables.ts';
import { fineKey } from './syllable-key.ts';

/** One way of splitting romanised letters into syllables, with the fine-key set of each. */
export type Segmentation = { fine: string[]; cost: number };

const MAX_SEGMENTATIONS = 64;
/** Longer letter runs are no name: not split at all. */
const MAX_LETTERS = 40;

/** Cost of a split: rare spellings and extra syllables cost, common given-name syllables earn. */
function costOf(fine: string[], rarity: number): number {
  let cost = rarity + 0.8 * fine.length;
  for (const set of fine) if (!isCommonGiven(set)) cost += 0.6;
  return cost;
}

/**
 * The plausible ways to split folded letters (a–z only) into Korean syllables, best first: those
 * within `margin` of the best, at most `limit`. [] when no split exists.
 */
export function segmentLetters(letters: string, limit = 3, margin = 0.75): Segmentation[] {
  if (letters.length === 0 || letters.length > MAX_LETTERS) return [];
  const table = syllableSpellings();
  // Positions from which the rest can be split at all, so the search never explores dead ends.
  const canFinish = new Array<boolean>(letters.length + 1).fill(false);
  canFinish[letters.length] = true;
  for (let at = letters.length - 1; at >= 0; at--)
    for (let end = at + 1; end <= Math.min(letters.length, at + MAX_SPELLING_LENGTH); end++)
      if (canFinish[end] && table.has(letters.slice(at, end))) {
        canFinish[at] = true;
        break;
      }
  if (!canFinish[0]) return [];
  const found: { parts: string[]; texts: string[]; rarity: number }[] = [];
  const texts: string[] = [];
  const walk = (at: number, parts: string[], rarity: number) => {
    if (found.length >= MAX_SEGMENTATIONS) return;
    if (at === letters.length) {
      found.push({ parts: [...parts], texts: [...texts], rarity });
      return;
    }
    for (let end = Math.min(letters.length, at + MAX_SPELLING_LENGTH); end > at; end--) {
      if (!canFinish[end]) continue;
      const spelling = table.get(letters.slice(at, end));
      if (!spelling) continue;
      parts.push(spelling.keys);
      texts.push(letters.slice(at, end));
      walk(end, parts, rarity + spelling.rarity);
      parts.pop();
      texts.pop();
    }
  };
  walk(0, [], 0);
  const scored = found
    .map(({ parts, texts, rarity }) => {
      const fine = assimilated(parts, texts);
      return { fine, cost: costOf(parts, rarity) };
    })
    .sort((a, b) => a.cost - b.cost);
  const best = scored[0]?.cost ?? 0;
  const seen = new Set<string>();
  const out: Segmentation[] = [];
  for (const s of scored) {
    if (s.cost > best + margin || out.length >= limit) break;
    const id = s.fine.join('.');
    if (seen.has(id)) continue;
    seen.add(id);
    out.push(s);
  }
  return out;
}

const FINE = /^([ktpjshmn]?)([aeiouwy]+)(ng|[ktnlmp]?)$/;

/**
 * Romanisers that follow pronunciation write a final ㄱ as ng and ㅂ as m before ㄴ/ㅁ (국민 →
 * gungmin), ㄴ as l next to ㄹ (진룡 → jillyong), drop the h after ㄱ/ㄷ/ㅂ (석호 → seoko) and repeat
 * a final ㅁ/ㄴ/ㄹ before a vowel (금영 → geummyeong): a syllable read so may also be the other one.
 */
function assimilated(parts: string[], texts: string[]): string[] {
  return parts.map((set, i) => {
    const next = texts[i + 1];
    const previous = texts[i - 1];
    const extra: string[] = [];
    const own = set.split('/');
    for (const key of own) {
      const m = FINE.exec(key);
      if (!m) continue;
      const [, initial = '', vowel = '', final = ''] = m;
      if (next && /^[nm]/.test(next) && final === 'ng') extra.push(fineKey(initial, vowel, 'k'));
      if (next && /^[nm]/.test(next) && final === 'm') extra.push(fineKey(initial, vowel, 'p'));
      if (next && /^[rln]/.test(next) && final === 'l') extra.push(fineKey(initial, vowel, 'n'));
      // ㄱ/ㄷ/ㅂ + ㅎ is pronounced, and so romanised, without the h (석호 → seokho or seoko, 복희 → bokui).
      if (previous && /[ktp]$/.test(previous) && initial === '') extra.push(fineKey('h', vowel, final));
      // A final ㅁ/ㄴ/ㄹ carried over to a following vowel and also kept (금영 → geummyeong).
      const text = texts[i] ?? '';
      if (
        previous &&
        /[mnl]$/.test(previous) &&
        text.startsWith(previous.slice(-1)) &&
        /^[mnl][aeiouwy]/.test(text)
      )
        extra.push(fineKey('', vowel, final));
    }
    const added = [...new Set(extra)].filter((k) => !own.includes(k)).sort();
    // The syllable's own readings stay first: the coarse key is taken from the first.
    return added.length === 0 ? set : [...own, ...added].join('/');
  });
}
