// Full-text search over Korean and English with SQLite FTS5's plain unicode61 tokenizer.
// unicode61 would keep "전거리교화소" as one token, so a search for "교화" would miss it. Korean has
// no reliable word breaks for names, so, as CJK search engines do, every run of Hangul syllables is
// indexed as its overlapping two-syllable pieces, and a query is turned into the same pieces.
// The pieces are plain tokens, which also lets the protection issue replace them by keyed hashes.

const HANGUL_RUN = /[\uAC00-\uD7A3]+/g;

/** Rewrites text for the index: each Hangul run becomes its overlapping bigrams, set apart by spaces. */
export function indexableText(text: string): string {
  return text.replace(HANGUL_RUN, (run) => ` ${bigrams(run).join(' ')} `);
}

/** The terms of what a person typed: split at whitespace, NFC-normalised. */
export function searchTerms(input: string): string[] {
  return input
    .normalize('NFC')
    .split(/\s+/)
    .filter((term) => term.length > 0);
}

/**
 * One term as an FTS5 phrase: a Hangul term matches as a substring of any length ≥ 1 (one
 * syllable as a prefix), any other term as a word prefix (`beat` finds "beating").
 * `undefined` when nothing searchable is left.
 */
export function ftsPhrase(term: string): string | undefined {
  const tokens = indexableText(term.normalize('NFC'))
    .split(/[^\p{L}\p{N}]+/u)
    .filter((token) => token.length > 0);
  return tokens.length > 0 ? `"${tokens.join(' ').replaceAll('"', '""')}" *` : undefined;
}

function bigrams(run: string): string[] {
  if (run.length === 1) return [run];
  const pieces: string[] = [];
  for (let i = 0; i + 1 < run.length; i++) pieces.push(run.slice(i, i + 2));
  return pieces;
}
