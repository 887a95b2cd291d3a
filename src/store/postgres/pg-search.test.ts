import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { allWordsQuery, indexTokens, phraseQuery, termMatches, tsvectorLiteral } from './pg-search.ts';

describe('PostgreSQL search literals', () => {
  it('makes the tokens FTS5 makes: Hangul bigrams, words lower-cased without diacritics', () => {
    assert.deepEqual(indexTokens('전거리 교화소, Chŏngŏ-ri'), [
      '전거',
      '거리',
      '교화',
      '화소',
      'chongo',
      'ri',
    ]);
    assert.deepEqual(indexTokens('채'), ['채']);
  });

  it('writes every token quoted, at its position, so no parser can split or change it', () => {
    assert.equal(tsvectorLiteral(['it', "o'brien", 'a\\b']), "'it':1 'o''brien':2 'a\\\\b':3");
    assert.equal(tsvectorLiteral([]), '');
  });

  it('turns a term into a phrase with its last token a prefix, and blind tokens into an exact phrase', () => {
    assert.equal(phraseQuery(['교화', '화소'], true), "'교화' <-> '화소':*");
    assert.equal(phraseQuery([], true), undefined);
    const [match] = termMatches({ terms: [{ text: '교화소', blind: ['ab12', 'cd34'] }] }, true);
    assert.deepEqual(match, { open: "'교화' <-> '화소':*", identifying: "'ab12' <-> 'cd34'" });
    assert.deepEqual(termMatches({ terms: [{ text: '교화소', blind: ['ab12'] }] }, false), [
      { open: "'교화' <-> '화소':*" },
    ]);
    assert.deepEqual(termMatches({ terms: [{ text: '"; --', blind: [] }] }, true), []);
  });

  it('asks for every word of a UPR text search as a prefix', () => {
    assert.equal(allWordsQuery('Torture, détention'), "'torture':* & 'detention':*");
    assert.equal(allWordsQuery('  '), undefined);
  });
});
