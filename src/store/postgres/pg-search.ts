// Full-text search on PostgreSQL with the tokens SQLite's FTS5 index holds: Hangul runs as
// overlapping bigrams (so any Korean substring of two or more syllables is a phrase of tokens, one
// syllable a prefix), other words lower-cased without diacritics, identifying text as blind-index
// tokens. The store writes them as tsvector and tsquery literals, which PostgreSQL takes as they
// are: no text-search parser, dictionary or locale can split or change a token, so both databases
// answer the same query alike. GIN indexes on the tsvectors make the look-up an index scan.

import { indexableText } from '../../search/hangul-bigrams.ts';
import type { SearchQuery } from '../store.ts';

/** Tokens as FTS5's unicode61 tokenizer (remove_diacritics 2) makes them. */
export function wordTokens(text: string): string[] {
  return text
    .split(/[^\p{L}\p{N}]+/u)
    .filter((token) => token.length > 0)
    .map((token) => token.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC'))
    .filter((token) => token.length > 0);
}

/** Search text as indexed: Hangul runs turned into bigrams, then split into tokens. */
export function indexTokens(text: string): string[] {
  return wordTokens(indexableText(text.normalize('NFC')));
}

const quote = (token: string) => `'${token.replaceAll('\\', '\\\\').replaceAll("'", "''")}'`;

// A tsvector keeps positions up to 16383; later tokens share the last one (records are far shorter).
const MAX_POSITION = 16383;

/** A tsvector literal of tokens in order, each at its position (so phrases match consecutive tokens). */
export function tsvectorLiteral(tokens: readonly string[]): string {
  return tokens.map((token, i) => `${quote(token)}:${Math.min(i + 1, MAX_POSITION)}`).join(' ');
}

/** A tsquery literal: the tokens as a phrase (`<->`), the last one as a prefix if asked. */
export function phraseQuery(tokens: readonly string[], lastAsPrefix: boolean): string | undefined {
  if (tokens.length === 0) return undefined;
  const last = tokens.length - 1;
  return tokens.map((t, i) => (i === last && lastAsPrefix ? `${quote(t)}:*` : quote(t))).join(' <-> ');
}

/** A tsquery literal in which every word must match as a prefix (the UPR recommendations' search). */
export function allWordsQuery(text: string | undefined): string | undefined {
  const words = wordTokens(text ?? '');
  return words.length > 0 ? words.map((w) => `${quote(w)}:*`).join(' & ') : undefined;
}

/** One term of a search: its phrase in the open text, and (if allowed) in the identifying text. */
export type TermMatch = { open: string; identifying?: string };

/**
 * What each term of a query must match: a phrase of its tokens in the open text (the last token a
 * prefix, as FTS5's `"…" *`), or its blind tokens as a phrase in the identifying text. Terms with
 * nothing searchable are dropped, as the SQLite store drops them.
 */
export function termMatches(query: SearchQuery, identifying: boolean): TermMatch[] {
  const matches: TermMatch[] = [];
  for (const term of query.terms) {
    const open = phraseQuery(indexTokens(term.text), true);
    if (open === undefined) continue;
    const blind = identifying && term.blind.length > 0 ? phraseQuery(term.blind, false) : undefined;
    matches.push(blind === undefined ? { open } : { open, identifying: blind });
  }
  return matches;
}
