import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { vocabulary } from '../../domain/vocabulary.ts';
import { tempDir } from '../../testing/factories.ts';
import { runCli } from '../../testing/run-cli.ts';
import { SHIPPED_UPR_FILE } from '../../upr/import-upr-info.ts';

const MAPPING = fileURLToPath(new URL('../../../data/uwazi/example-mapping.json', import.meta.url));
const fixture = (name: string) => fileURLToPath(new URL(`../../uwazi/fixtures/${name}`, import.meta.url));
const GOOD = ['facilities.csv', 'victims.csv', 'perpetrators.csv', 'testimonies.csv', 'violations.csv'].map(
  fixture,
);

/** Runs the CLI and fails with its stderr unless it succeeded. */
function cli(args: string[]): string {
  const result = runCli(args);
  assert.equal(result.status, 0, result.stderr);
  return result.stdout;
}

/** The database's records as JSON Lines, sorted, with the migration's own bookkeeping left as it is. */
const exported = (db: string) => cli(['--db', db, 'export']);

describe('daylight migrate', () => {
  const dir = tempDir();
  after(() => dir.remove());

  it('refuses a bad row, naming line and column, and imports nothing', () => {
    const db = join(dir.path, 'bad.db');
    const result = runCli([
      '--db',
      db,
      'migrate',
      'uwazi',
      '--mapping',
      MAPPING,
      '--csv',
      ...GOOD.slice(0, 4),
      fixture('violations-bad.csv'),
    ]);
    assert.equal(result.status, 1);
    assert.match(result.stderr, /violations-bad\.csv:3: Violation type: unknown thesaurus value/);
    assert.doesNotMatch(result.stderr, /Kim Testone|김시험/, 'no identifying value in messages');
    assert.equal(exported(db), '');
  });

  it('reports unmapped columns per row', () => {
    const file = join(dir.path, 'extra.csv');
    writeFileSync(file, 'Title,Template,Shoe size\nSomeone,Perpetrator,44\nSomeone else,Perpetrator,\n');
    const result = runCli([
      '--db',
      join(dir.path, 'extra.db'),
      'migrate',
      'uwazi',
      '--mapping',
      MAPPING,
      '--csv',
      file,
    ]);
    assert.equal(result.status, 1);
    assert.match(result.stderr, /extra\.csv:2: Shoe size: column not in the mapping/);
    assert.doesNotMatch(result.stderr, /extra\.csv:3:/);
  });

  it('Daylight → Uwazi CSV → Daylight preserves records', () => {
    const first = join(dir.path, 'first.db');
    assert.match(cli(['--db', first, 'migrate', 'uwazi', '--mapping', MAPPING, '--csv', ...GOOD]), /11 new/);
    assert.match(
      cli(['--db', first, 'migrate', 'uwazi', '--mapping', MAPPING, '--csv', ...GOOD]),
      /0 new, 11 already stored/,
    );
    const out = join(dir.path, 'uwazi-out');
    cli(['--db', first, 'migrate', 'uwazi-export', '--mapping', MAPPING, '-o', out]);
    const files = readdirSync(out).sort();
    assert.deepEqual(files, [
      'facility.csv',
      'perpetrator.csv',
      'testimony.csv',
      'victim.csv',
      'violation.csv',
    ]);
    const violations = parse(readFileSync(join(out, 'violation.csv')), { columns: true }) as Record<
      string,
      string
    >[];
    assert.deepEqual(Object.keys(violations[0] ?? {}).slice(0, 3), ['Title', 'Date added', 'Template']);
    assert.deepEqual(Object.keys(violations[0] ?? {}).slice(-3), ['Documents', 'Attachments', 'Published']);
    const beating = violations.find((row) => row['Violation type'] === 'Torture and ill-treatment::Beating');
    assert.equal(beating?.Date, '2015-03-01~2015-06-30');
    assert.equal(beating?.Victims, 'Kim Testone|Lee Testtwo');
    assert.equal(beating?.Description__ko, '심문 중 구타 (가상)');
    const second = join(dir.path, 'second.db');
    cli([
      '--db',
      second,
      'migrate',
      'uwazi',
      '--mapping',
      MAPPING,
      '--csv',
      ...files.map((f) => join(out, f)),
    ]);
    assert.equal(exported(second), exported(first));
  });

  it('an anonymised Uwazi export carries no names', () => {
    const out = join(dir.path, 'anonymised');
    cli([
      '--db',
      join(dir.path, 'first.db'),
      'migrate',
      'uwazi-export',
      '--mapping',
      MAPPING,
      '-o',
      out,
      '--purpose',
      'internal',
      '--anonymised',
    ]);
    const all = readdirSync(out)
      .map((f) => readFileSync(join(out, f), 'utf8'))
      .join('\n');
    assert.doesNotMatch(all, /Kim Testone|김시험|Guard One/);
    const refused = runCli([
      '--db',
      join(dir.path, 'first.db'),
      '--role',
      'analyst',
      'migrate',
      'uwazi-export',
      '--mapping',
      MAPPING,
      '-o',
      out,
    ]);
    assert.equal(refused.status, 3, refused.stderr);
  });

  it('thesaurus CSV round trip: every term comes back to its code', () => {
    const file = join(dir.path, 'act-types.csv');
    cli(['migrate', 'thesaurus-export', 'act-types', '-o', file]);
    const text = readFileSync(file, 'utf8');
    assert.match(text, /^English,Korean\n/);
    assert.match(text, /\n-Beating,-구타\n/);
    const entry = JSON.parse(
      cli(['migrate', 'thesaurus-import', file, '--vocabulary', 'act-types', '--name', 'Violations']),
    ) as {
      Violations: { values: Record<string, string> };
    };
    const codes = Object.values(entry.Violations.values).sort();
    assert.deepEqual(
      codes,
      vocabulary('act-types')
        .terms.map((t) => t.code)
        .sort(),
    );
  });

  it('UPR Info CSV export re-imports to the same recommendations', () => {
    const first = join(dir.path, 'upr1.db');
    const second = join(dir.path, 'upr2.db');
    cli(['--db', first, 'upr', 'import', fileURLToPath(SHIPPED_UPR_FILE)]);
    const file = join(dir.path, 'upr.csv');
    cli(['--db', first, 'migrate', 'upr-info-export', '-o', file]);
    cli(['--db', second, 'upr', 'import', file]);
    // Ids are a hash of the row as UPR Info wrote it, spaces around the text included (which the
    // stored text drops), so a few ids differ; everything else must be the same.
    const search = (db: string) =>
      (
        JSON.parse(cli(['--db', db, 'upr', 'search', '--limit', '1000', '--json'])) as {
          rows: { id?: string }[];
        }
      ).rows.map(({ id: _, ...row }) => row);
    assert.deepEqual(search(second), search(first));
    assert.equal((parse(readFileSync(file), { columns: true }) as unknown[]).length, 436);
  });
});
