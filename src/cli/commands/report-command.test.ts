import assert from 'node:assert/strict';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { docxParagraphs, docxParts } from '../../testing/docx-text.ts';
import { tempDir } from '../../testing/factories.ts';
import { runCli } from '../../testing/run-cli.ts';

describe('daylight report', () => {
  const dir = tempDir();
  const db = join(dir.path, 'demo.db');
  before(() => {
    assert.equal(runCli(['--db', db, 'demo']).status, 0);
    assert.equal(runCli(['--db', db, 'upr', 'import', 'data/upr/dprk-upr-info.csv']).status, 0);
  });
  after(() => dir.remove());

  it('report submission --out works on the demo data, printing the word count against the limit', () => {
    const out = join(dir.path, 'submission.docx');
    const result = runCli(['--db', db, 'report', 'submission', '--out', out]);
    assert.equal(result.status, 0, result.stderr);
    const words = /^words: ([\d,]+) of 2,815 \(within the limit/m.exec(result.stdout)?.[1];
    assert.ok(words, result.stdout);
    assert.ok(existsSync(out));
    const body = docxParagraphs(docxParts(out)['word/document.xml'] as string);
    assert.ok(body.filter((p) => p.numbered).length >= 8);
  });

  it('gives every figure as daylight stats gives it for the same query', () => {
    const result = runCli(['--db', db, 'report', 'submission', '--json']);
    assert.equal(result.status, 0, result.stderr);
    const report = JSON.parse(result.stdout) as { figures: { value: number | null; stats: string }[] };
    assert.ok(report.figures.length >= 5);
    // Three of them (each `stats` run is a process): the first, one with a year filter, the follow-up's.
    const checked = [report.figures[0], report.figures[4], report.figures.at(-1)];
    for (const figure of checked as { value: number | null; stats: string }[]) {
      const args = figure.stats.replace(/^daylight /, '').split(' ');
      const stats = runCli(['--db', db, ...args, '--json']);
      assert.equal(stats.status, 0, stats.stderr);
      const total = (JSON.parse(stats.stdout) as { distinct_total: number }).distinct_total;
      assert.equal(figure.value, total > 0 && total < 5 ? null : total, figure.stats);
    }
  });

  it('report statement prints its speaking time against the slot; a bad spec names file, line and field', () => {
    const out = join(dir.path, 'statement.docx');
    const result = runCli(['--db', db, 'report', 'statement', '--out', out]);
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /at 130 words per minute; slot 5–7 min: (within|UNDER|OVER)/);
    assert.ok(existsSync(out));
    const spec = join(dir.path, 'bad.json');
    writeFileSync(spec, '{\n  "organisation": "X",\n  "about": "Y",\n  "recommendations": ["only one"]\n}\n');
    const bad = runCli(['--db', db, 'report', 'statement', '--spec', spec, '--out', out]);
    assert.equal(bad.status, 2);
    assert.match(
      bad.stderr,
      /bad\.json:4: recommendations: a pre-session statement makes 3 to 5 recommendations/,
    );
    const pdf = runCli(['--db', db, 'report', 'statement', '--out', join(dir.path, 'statement.pdf')]);
    assert.equal(pdf.status, 2);
  });
});
