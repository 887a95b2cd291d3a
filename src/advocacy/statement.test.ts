import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { SqliteStore } from '../store/sqlite/sqlite-store.ts';
import { docxParagraphs, docxParts } from '../testing/docx-text.ts';
import { tempDir } from '../testing/factories.ts';
import { admin, advocacyStore, keys } from './advocacy-fixture.ts';
import { buildStatement } from './build-statement.ts';
import { reportDocx } from './report-docx.ts';
import { StatementSpec } from './statement-spec.ts';
import { minutesAndSeconds, statementTiming } from './statement-timing.ts';
import { countWords } from './word-count.ts';

const words = (n: number) => Array.from({ length: n }, () => 'word').join(' ');
const spec = (overrides: Record<string, unknown> = {}) =>
  StatementSpec.parse({
    organisation: 'Test Documentation Group',
    about: 'Test Documentation Group has interviewed survivors of detention since 2010.',
    follow_up: [
      'We verified {{figure: measure=acts act_type=TORTURE year=2021}} acts of torture in 2021.',
      { paragraph: '124.56', session: 19 },
    ],
    recommendations: [
      'Criminalise torture.',
      'Grant access to places of detention.',
      'Publish deaths in custody.',
    ],
    ...overrides,
  });

describe('pre-session statement', () => {
  let store: SqliteStore;
  const dir = tempDir();
  before(async () => {
    store = await advocacyStore();
  });
  after(async () => {
    await store.close();
    dir.remove();
  });

  it('times a statement at the pace against the 5–7 minute slot', () => {
    const slot = { min: 5, max: 7 };
    assert.deepEqual(statementTiming(650, 130, slot), {
      words: 650,
      words_per_minute: 130,
      minutes: 5,
      slot,
      fit: 'within',
      adjust_by: 0,
    });
    assert.equal(statementTiming(910, 130, slot).fit, 'within');
    assert.deepEqual(
      [statementTiming(911, 130, slot).fit, statementTiming(911, 130, slot).adjust_by],
      ['over', 1],
    );
    assert.deepEqual(
      [statementTiming(600, 130, slot).fit, statementTiming(600, 130, slot).adjust_by],
      ['under', 50],
    );
    assert.equal(statementTiming(650, 100, slot).minutes, 6.5);
    assert.equal(minutesAndSeconds(5.5), '5:30');
  });

  it('makes 3 to 5 recommendations, no more, no fewer', () => {
    assert.throws(() => spec({ recommendations: ['One.', 'Two.'] }), /3 to 5/);
    assert.throws(() => spec({ recommendations: ['1', '2', '3', '4', '5', '6'] }), /3 to 5/);
    assert.equal(spec().words_per_minute, 130);
  });

  it('builds the statement with live figures and counts its spoken words as the .docx holds them', async () => {
    const result = await buildStatement(store, admin, keys, spec({ closing: words(600) }));
    assert.deepEqual(result.problems, []);
    assert.ok(result.document);
    assert.equal(result.figures[0]?.value, 12);
    assert.equal(result.timing.fit, 'within');
    assert.equal(result.timing.words, result.words);
    const path = join(dir.path, 'statement.docx');
    writeFileSync(path, await reportDocx(result.document));
    const body = docxParagraphs(docxParts(path)['word/document.xml'] as string);
    assert.equal(body.filter((p) => p.numbered).length, 3, 'the recommendations are numbered');
    const title = 2; // the title and the organisation are not spoken
    const annex = body.findIndex((p) => p.text.startsWith('Annex'));
    const spoken = body.slice(title, annex).reduce((n, p) => n + countWords(p.text), 0);
    assert.equal(spoken, result.words);
    assert.ok(body.some((p) => p.text.includes('Recommendation 124.56 (Denmark, France')));
    const short = await buildStatement(store, admin, keys, spec());
    assert.equal(short.timing.fit, 'under');
    const long = await buildStatement(store, admin, keys, spec({ closing: words(1000) }));
    assert.equal(long.timing.fit, 'over');
  });
});
