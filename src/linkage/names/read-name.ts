import { type GivenOption, hangulFine, oneEditAway, readGiven } from './given-name.ts';
import type { NameReading } from './name-reading.ts';
import { type NameToken, nameParts, nameTokens } from './name-tokens.ts';
import { foldLetters } from './romanized-syllables.ts';
import { segmentLetters } from './segment.ts';
import { latinSurnameSpellings, surnameOfHangul, surnamesOfLatin } from './surname-index.ts';
import type { SurnameEntry } from './surnames.ts';
import { coarseKey } from './syllable-key.ts';

const MAX_READINGS = 6;
/** Longer texts are cut: no name is that long, and the search must stay cheap. */
const MAX_NAME_LENGTH = 200;

/** Coarse key of a surname token as written. */
function surnameKeyOf(token: NameToken): string {
  if (token.hangul) return hangulFine(token.text).map(coarseKey).join('');
  const letters = foldLetters(token.text);
  const seg = segmentLetters(letters, 1)[0];
  return seg ? seg.fine.map(coarseKey).join('') : letters;
}

function entryKey(entry: SurnameEntry): string {
  return hangulFine(entry.hangul).map(coarseKey).join('');
}

function reading(surname: SurnameEntry | null, surnameKey: string, given: GivenOption): NameReading {
  const syllables = given.fine.map(coarseKey);
  return {
    surname: surname?.id ?? null,
    given: given.fine.length > 0 ? syllables.join('') : given.raw,
    syllables,
    fine: given.fine,
    surnameKey: surname ? entryKey(surname) : surnameKey,
    repaired: given.repaired,
  };
}

function surnamesOfToken(token: NameToken): SurnameEntry[] {
  if (token.hangul) {
    const entry = surnameOfHangul(token.text);
    return entry ? [entry] : [];
  }
  return surnamesOfLatin(token.text);
}

/** Readings with `surnameToken` as the surname and `givenTokens` as the given name. */
function ordered(surnameToken: NameToken, givenTokens: NameToken[], fuzzy?: SurnameEntry[]): NameReading[] {
  const entries = fuzzy ?? surnamesOfToken(surnameToken);
  const givens = givenTokens.length > 0 ? readGiven(givenTokens) : [{ fine: [], raw: '', repaired: false }];
  const out: NameReading[] = [];
  for (const given of givens) {
    const g = fuzzy ? { ...given, repaired: true } : given;
    if (entries.length === 0) out.push(reading(null, surnameKeyOf(surnameToken), g));
    for (const entry of entries) out.push(reading(entry, '', g));
  }
  return out;
}

/** Surnames one slip away from a Latin token that is not itself a surname ("Jogn", "Kwwon", "Parj"). */
function fuzzySurnames(token: NameToken): SurnameEntry[] {
  if (token.hangul) return [];
  const letters = foldLetters(token.text);
  // Only a token that reads as no Korean syllables at all is taken for a mistyped surname.
  if (letters.length < 3 || surnamesOfLatin(letters).length > 0 || segmentLetters(letters, 1).length > 0)
    return [];
  const found = new Set<SurnameEntry>();
  for (const edit of oneEditAway(letters))
    if (edit.cost <= 0.1 && edit.text.length >= 3) for (const e of surnamesOfLatin(edit.text)) found.add(e);
  return [...found];
}

/** A name written in Hangul as one word (김영호, 남궁민, 리용호). */
function readHangulWord(word: string): NameReading[] {
  const syllables = [...word];
  if (syllables.length >= 3) {
    const double = surnameOfHangul(syllables.slice(0, 2).join(''));
    if (double)
      return [reading(double, '', readGiven([hangulToken(syllables.slice(2).join(''))])[0] as GivenOption)];
  }
  if (syllables.length === 1) {
    const only = surnameOfHangul(word);
    if (only) return [reading(only, '', { fine: [], raw: '', repaired: false })];
  }
  if (syllables.length === 2 && surnameOfHangul(word))
    return [reading(surnameOfHangul(word) ?? null, '', { fine: [], raw: '', repaired: false })];
  const readings = ordered(hangulToken(syllables[0] ?? ''), [hangulToken(syllables.slice(1).join(''))]);
  // Two syllables, the first no known surname: perhaps a given name alone (영호).
  if (syllables.length === 2 && !surnameOfHangul(syllables[0] ?? ''))
    readings.push(...readGiven([hangulToken(word)]).map((g) => reading(null, '', g)));
  return readings;
}

function hangulToken(text: string): NameToken {
  return { text, hangul: true, capitals: false, comma: false };
}

/** A name written as one Latin word: "Kimyongho", "YOUNGHOLEE", "Youngho", "Kim". */
function readLatinWord(token: NameToken): NameReading[] {
  const letters = foldLetters(token.text);
  const out: NameReading[] = [];
  if (surnamesOfLatin(letters).length > 0 && !token.text.includes('-')) return ordered(token, []);
  const parts = token.text.split('-').filter((p) => p.length > 0);
  if (parts.length >= 2 && surnamesOfLatin(parts[0] ?? '').length > 0)
    out.push(...ordered({ ...token, text: parts[0] ?? '' }, [{ ...token, text: parts.slice(1).join('-') }]));
  if (out.length === 0 && !token.text.includes('-')) {
    // The surname spelling, at the start or at the end, that leaves the most readable given name.
    const splits: { surname: string; rest: string; cost: number }[] = [];
    for (const spelling of latinSurnameSpellings()) {
      if (letters.length - spelling.length < 2) continue;
      // Common surnames are likelier: 21.5% (Kim) earns 0.58, 0.1% nothing.
      const share = Math.max(...surnamesOfLatin(spelling).map((e) => e.share));
      const prior = 0.25 * Math.log10(Math.max(1, share * 10));
      const tryRest = (rest: string, extra: number) => {
        const seg = segmentLetters(rest, 1)[0];
        if (seg) splits.push({ surname: spelling, rest, cost: seg.cost + extra - prior });
      };
      if (letters.startsWith(spelling)) tryRest(letters.slice(spelling.length), 0);
      if (letters.endsWith(spelling)) tryRest(letters.slice(0, -spelling.length), 0.1);
      // Romanised as pronounced, the surname's final sound joins the given name: 박영호 → bangnyeongho
      // (ㄱ nasalised before ㄴ), 박은희 → bageunhui (ㄱ carried over to the next syllable).
      // Also 김일봉 → gimmilbong (ㅁ carried over and kept), 윤룡봉 → yullyongbong (ㄴ before ㄹ), 박학철 →
      // bakakcheol (ㄱ + ㅎ).
      const final = spelling.slice(-1);
      const stem = spelling.slice(0, -1);
      const nasal = { k: 'ng', p: 'm', t: 'n', n: 'l' }[final];
      const afterNasal = letters.slice(stem.length + (nasal?.length ?? 0));
      if (nasal && letters.startsWith(stem + nasal) && (nasal === 'l' ? /^l/ : /^[nm]/).test(afterNasal))
        tryRest(afterNasal, 0.2);
      const voiced = { k: 'g', p: 'b', t: 'd', l: 'r' }[final];
      if (voiced && letters.startsWith(stem + voiced) && /^[aeiouwy]/.test(letters.slice(stem.length + 1)))
        tryRest(letters.slice(stem.length + 1), 0.2);
      if (letters.startsWith(spelling)) {
        const rest = letters.slice(spelling.length);
        if (/^[mnl]$/.test(final) && rest.startsWith(final) && /^[aeiouwy]/.test(rest.slice(1)))
          tryRest(rest.slice(1), 0.2);
        if (/^[ktp]$/.test(final) && /^[aeiouwy]/.test(rest)) tryRest(`h${rest}`, 0.2);
      }
    }
    const best = Math.min(...splits.map((s) => s.cost));
    for (const split of splits.filter((s) => s.cost <= best + 0.3).slice(0, 2))
      out.push(...ordered({ ...token, text: split.surname }, [{ ...token, text: split.rest }]));
  }
  if (out.length > 0) return out;
  for (const given of readGiven([token])) out.push(reading(null, '', given));
  return out;
}

function readTokens(tokens: NameToken[]): NameReading[] {
  if (tokens.length === 0) return [];
  if (tokens.every((t) => t.hangul)) return readHangulWord(tokens.map((t) => t.text).join(''));
  if (tokens.length === 1) {
    const only = tokens[0] as NameToken;
    return only.hangul ? readHangulWord(only.text) : readLatinWord(only);
  }
  const first = tokens[0] as NameToken;
  const last = tokens[tokens.length - 1] as NameToken;
  const capitals = tokens.filter((t) => t.capitals);
  if (capitals.length === 1 && surnamesOfToken(capitals[0] as NameToken).length > 0) {
    const surname = capitals[0] as NameToken;
    return ordered(
      surname,
      tokens.filter((t) => t !== surname),
    );
  }
  if (first.comma) return ordered(first, tokens.slice(1));
  // Both ends surnames: both orders, unless, in a name of three or more words, one surname is twenty
  // times commoner than the other ("Kim Il Sung", "Thae Il Jong": the rare one is a given syllable).
  const shareOf = (t: NameToken) => Math.max(0, ...surnamesOfToken(t).map((e) => e.share));
  const firstShare = shareOf(first);
  const lastShare = shareOf(last);
  const prune = tokens.length >= 3;
  const firstIsSurname = firstShare > 0 && !(prune && lastShare > 20 * firstShare);
  const lastIsSurname = lastShare > 0 && !(prune && firstShare > 20 * lastShare);
  const out: NameReading[] = [];
  if (firstIsSurname) out.push(...ordered(first, tokens.slice(1)));
  if (lastIsSurname) out.push(...ordered(last, tokens.slice(0, -1)));
  // An end that is no surname may be one with a slip ("JOGN HYE YONG"), or a surname not in the table.
  const firstFuzzy = firstShare > 0 ? [] : fuzzySurnames(first);
  const lastFuzzy = lastShare > 0 ? [] : fuzzySurnames(last);
  if (firstFuzzy.length > 0) out.push(...ordered(first, tokens.slice(1), firstFuzzy));
  if (lastFuzzy.length > 0) out.push(...ordered(last, tokens.slice(0, -1), lastFuzzy));
  if (out.length === 0) {
    out.push(...ordered(first, tokens.slice(1)));
    out.push(...ordered(last, tokens.slice(0, -1)));
  }
  return out;
}

/** Key identifying a reading, for de-duplication (and, in name-key.ts, for the engine's caches). */
export function readingKey(r: NameReading): string {
  return `${r.surname ?? ''}|${r.surnameKey}|${r.fine.join('.')}|${r.given}|${r.repaired ? 1 : 0}`;
}

/**
 * All plausible readings of a name (several when order or segmentation is ambiguous); [] for empty
 * input. Accepts Hangul, romanised, or mixed; either order; parenthesised alternatives are read too.
 */
export function readName(name: string | undefined | null): NameReading[] {
  if (!name) return [];
  if (name.length > MAX_NAME_LENGTH) name = name.slice(0, MAX_NAME_LENGTH);
  const out: NameReading[] = [];
  const seen = new Set<string>();
  for (const [i, part] of nameParts(name).entries())
    for (const r of readTokens(nameTokens(part))) {
      // In parentheses, only what reads as a name counts ("(김영호)", not "(f)" or "(45)").
      if (i > 0 && r.surname === null && r.fine.length === 0) continue;
      const key = readingKey(r);
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(r);
    }
  return out.slice(0, MAX_READINGS);
}
