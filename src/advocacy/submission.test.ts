import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { revealRecord } from '../access/field-cipher.ts';
import { tabulate } from '../analysis/statistics.ts';
import { basisOf } from '../analysis/table-query.ts';
import { changeConsent } from '../consent/change-consent.ts';
import type { Person } from '../domain/person.ts';
import type { SqliteStore } from '../store/sqlite/sqlite-store.ts';
import { docxParagraphs, docxParts } from '../testing/docx-text.ts';
import { tempDir } from '../testing/factories.ts';
import { admin, advocacyStore, keys, testSpec } from './advocacy-fixture.ts';
import { buildSubmission } from './build-submission.ts';
import { parseFigureTag } from './figure-spec.ts';
import { parseSpecText, readSpecFile, SpecFileError } from './read-spec-file.ts';
import { reportDocx } from './report-docx.ts';
import { reportMarkdown } from './report-markdown.ts';
import { SubmissionSpec } from './submission-spec.ts';
import { countWords } from './word-count.ts';

const spec = (overrides: Record<string, unknown> = {}) => SubmissionSpec.parse(testSpec(overrides));

describe('stakeholder submission', () => {
  let store: SqliteStore;
  const dir = tempDir();
  before(async () => {
    store = await advocacyStore();
  });
  after(async () => {
    await store.close();
    dir.remove();
  });

  it('writes a .docx with numbered paragraphs, real footnotes and the word count it reports', async () => {
    const result = await buildSubmission(store, admin, keys, spec());
    assert.deepEqual(result.problems, []);
    assert.ok(result.document);
    assert.equal(result.limit, 5630, 'a joint submission has the joint limit');
    const path = join(dir.path, 'submission.docx');
    writeFileSync(path, await reportDocx(result.document));
    const parts = docxParts(path);
    const body = docxParagraphs(parts['word/document.xml'] as string);
    const numbered = body.filter((p) => p.numbered);
    const expected = result.document.blocks.filter((b) => b.kind === 'paragraph' && b.number !== null);
    assert.equal(numbered.length, expected.length);
    assert.ok(numbered.length >= 7);
    assert.match(parts['word/numbering.xml'] as string, /w:numFmt w:val="decimal"/);
    // Footnotes: the references in the body and the notes themselves (ids ≥ 1; -1 and 0 are separators).
    const references =
      (parts['word/document.xml'] as string).match(/<w:footnoteReference w:id="\d+"\/>/g) ?? [];
    assert.equal(references.length, result.document.footnotes.length);
    const notes = [
      ...(parts['word/footnotes.xml'] as string).matchAll(
        /<w:footnote (?:[^>]*?)w:id="(\d+)"[^>]*>([\s\S]*?)<\/w:footnote>/g,
      ),
    ]
      .filter((m) => Number(m[1]) >= 1)
      .map((m) =>
        docxParagraphs(m[2] as string)
          .map((p) => p.text)
          .join(' '),
      );
    assert.deepEqual(notes, result.document.footnotes);
    assert.ok(
      notes.some((n) => n.includes('S-QUOTE')),
      'sources are cited by code',
    );
    // The word count: every paragraph before the annex, and the footnotes.
    const annex = body.findIndex((p) => p.text.startsWith('Annex (not counted)'));
    assert.ok(annex > 0, 'the figures annex follows the submission');
    const counted =
      body.slice(0, annex).reduce((n, p) => n + countWords(p.text), 0) +
      notes.reduce((n, text) => n + countWords(text), 0);
    assert.equal(counted, result.words);
    assert.equal(result.document.words, result.words);
    // Joint submissions list every organisation.
    assert.ok(body.some((p) => p.text.includes('Test Documentation Group and Second Test Network')));
  });

  it('inserts every figure as tabulate counts it for the same query, small counts withheld', async () => {
    const result = await buildSubmission(store, admin, keys, spec());
    assert.ok(result.figures.length >= 4);
    for (const figure of result.figures) {
      const measure = figure.query.measure === 'victims' ? 'victims' : 'acts';
      const table = await tabulate(
        store,
        admin,
        keys,
        { measure, rows: 'status', dating: 'first-year', filter: figure.query },
        { basis: basisOf(figure.basis), protect: true },
      );
      const total = table.table.distinctTotal;
      assert.equal(figure.value, total > 0 && total < 5 ? null : total, figure.figure);
      assert.match(figure.explain, /^daylight explain --measure (acts|victims)/);
    }
    const [y2021, y2020] = result.figures;
    assert.equal(y2021?.value, 12);
    assert.equal(y2020?.value, null, 'three acts in 2020: below the threshold');
    assert.equal(y2020?.shown, 'fewer than 5');
    const text = reportMarkdown(result.document as NonNullable<typeof result.document>);
    assert.match(text, /In 2021 we verified 12 acts of torture; in 2020, fewer than 5\./);
    assert.match(text, /daylight explain --measure acts --act-type TORTURE --year 2021 --status verified/);
  });

  it('follows up a recommendation by paragraph number with the response and the evidence since', async () => {
    const result = await buildSubmission(store, admin, keys, spec());
    const text = reportMarkdown(result.document as NonNullable<typeof result.document>);
    assert.match(
      text,
      /Recommendation 124\.56 \(Denmark, France; second cycle, 2014\): “Take immediate measures/,
    );
    assert.match(text, /DPR Korea supported it\. Since 2015, 15 verified acts of the kinds it concerns/);
    const missing = await buildSubmission(store, admin, keys, spec({ follow_up: [{ paragraph: '124.99' }] }));
    assert.equal(missing.ok, false);
    assert.deepEqual(missing.problems[0]?.path, ['follow_up', 0, 'paragraph']);
  });

  it('never contains identifying data, and refuses text that holds a name or birth date', async () => {
    const result = await buildSubmission(store, admin, keys, spec());
    const path = join(dir.path, 'plain.docx');
    writeFileSync(path, await reportDocx(result.document as NonNullable<typeof result.document>));
    const parts = docxParts(path);
    const all = `${parts['word/document.xml']}${parts['word/footnotes.xml']}`;
    for (const id of ['P-1', 'P-2']) {
      const person = revealRecord((await store.getRecord(id)) as never, keys) as Person;
      for (const name of person.names) assert.ok(!all.includes(name.value), 'no name of a person');
    }
    for (const text of ['Ri Yong Ho told us of beatings.', 'A man (리영호는) was beaten.']) {
      const named = await buildSubmission(store, admin, keys, spec({ methodology: [text] }));
      assert.equal(named.ok, false);
      assert.match(named.problems[0]?.message ?? '', /identifying detail/);
      assert.ok(
        !(named.problems[0]?.message ?? '').includes('Ri Yong'),
        'the problem does not repeat the name',
      );
    }
  });

  it('quotes a testimony only with quotation consent: refused, or left out with a warning', async () => {
    const unconsented = testSpec();
    const sections = unconsented.sections as { paragraphs: unknown[] }[];
    (sections[0] as { paragraphs: unknown[] }).paragraphs.push({
      quotation: { source: 'S-1', text: 'Not to be quoted.' },
    });
    const refused = await buildSubmission(store, admin, keys, SubmissionSpec.parse(unconsented));
    assert.equal(refused.ok, false);
    assert.equal(refused.document, undefined);
    assert.deepEqual(refused.problems[0]?.path, ['sections', 0, 'paragraphs', 2]);
    assert.match(refused.problems[0]?.message ?? '', /S-1: .*does not allow quotation/);
    const omitted = await buildSubmission(store, admin, keys, SubmissionSpec.parse(unconsented), {
      unconsented: 'omit',
    });
    assert.equal(omitted.ok, true);
    assert.equal(omitted.warnings.length, 1);
    const text = reportMarkdown(omitted.document as NonNullable<typeof omitted.document>);
    assert.ok(!text.includes('Not to be quoted'));
    assert.match(text, /“They beat us every night\.”\[\^\d\]/, 'the consented quotation stays');
    assert.match(text, /Testimony S-QUOTE, quoted with the interviewee's consent/);
    const cited = await buildSubmission(
      store,
      admin,
      keys,
      spec({ methodology: ['As told.{{source: S-1}}'] }),
    );
    assert.match(cited.problems[0]?.message ?? '', /S-1: .*does not allow anonymised publication/);
    const unknown = await buildSubmission(
      store,
      admin,
      keys,
      spec({ methodology: ['As told.{{source: S-NONE}}'] }),
    );
    assert.match(unknown.problems[0]?.message ?? '', /source S-NONE not found/);
  });

  it('applies a withdrawal of quotation consent to the next build', async () => {
    const own = await advocacyStore();
    try {
      assert.equal((await buildSubmission(own, admin, keys, spec())).ok, true);
      await changeConsent(own, admin, keys, {
        interviewee: 'P-1',
        source: 'S-QUOTE',
        change: 'withdraw',
        scopes: ['QUOTATION'],
      });
      const after = await buildSubmission(own, admin, keys, spec());
      assert.equal(after.ok, false);
      assert.deepEqual(
        after.problems.map((p) => p.path),
        [['sections', 0, 'paragraphs', 1]],
        'the quotation is refused; the citation (publication consent) stays',
      );
    } finally {
      await own.close();
    }
  });

  it('reads spec files naming the file, line and field of every problem', () => {
    const text = '{\n  "organisations": [],\n  "title": "T",\n  "methodology": ["m"],\n  "threshold": 2\n}\n';
    assert.throws(
      () => parseSpecText(text, 'spec.json', SubmissionSpec),
      (error: SpecFileError) =>
        error.problems.some((p) => p.startsWith('spec.json:2: organisations:')) &&
        error.problems.some((p) => p.startsWith('spec.json:5: threshold:')),
    );
    assert.throws(() => readSpecFile(join(dir.path, 'none.json'), SubmissionSpec), SpecFileError);
    assert.throws(() => parseFigureTag('measure=acts colour=red'), /Unrecognized key|colour/);
    assert.equal(SubmissionSpec.parse(testSpec({ organisations: ['One'] })).organisations.length, 1);
  });

  it('counts words as a word processor does, with the limits of one organisation and a joint submission', async () => {
    assert.equal(countWords('Recommendation 124.56 — 1,204 acts of ill-treatment.'), 6);
    const single = await buildSubmission(store, admin, keys, spec({ organisations: ['One'] }));
    assert.equal(single.limit, 2815);
    const limited = await buildSubmission(store, admin, keys, spec({ word_limit: 50 }));
    assert.equal(limited.limit, 50);
    assert.ok(limited.words > 50);
  });
});
