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

/**
 * Turns what a person typed into an FTS5 query: every whitespace-separated term must match, a
 * Hangul term as a substring of any length ≥ 1 (one syllable matches as a prefix), any other term
 * as a word prefix (`beat` finds "beating"). Returns `undefined` when nothing searchable is left.
 */
export function ftsQuery(input: string): string | undefined {
  const phrases: string[] = [];
  for (const term of input.normalize('NFC').split(/\s+/)) {
    const tokens = indexableText(term)
      .split(/[^\p{L}\p{N}]+/u)
      .filter((token) => token.length > 0);
    if (tokens.length === 0) continue;
    phrases.push(`"${tokens.join(' ').replaceAll('"', '""')}" *`);
  }
  return phrases.length > 0 ? phrases.join(' AND ') : undefined;
}

function bigrams(run: string): string[] {
  if (run.length === 1) return [run];
  const pieces: string[] = [];
  for (let i = 0; i + 1 < run.length; i++) pieces.push(run.slice(i, i + 2));
  return pieces;
}
