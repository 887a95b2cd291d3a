import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { openSqliteStore } from '../store/sqlite/sqlite-store.ts';
import { tempDir, testJsonLines, testRecords } from '../testing/factories.ts';
import { runCli } from '../testing/run-cli.ts';

describe('daylight import', () => {
  const dir = tempDir();
  const db = join(dir.path, 'test.db');
  const good = join(dir.path, 'good.jsonl');
  after(() => dir.remove());
  before(() => writeFileSync(good, testJsonLines()));

  const counts = async (path = db) => {
    const store = openSqliteStore(path);
    try {
      return await store.countByType();
    } finally {
      await store.close();
    }
  };

  it('imports a valid file and reports what it wrote', async () => {
    const result = runCli(['--db', db, 'import', good]);
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /7 records .*; 7 new, 0 already stored/);
    const n = await counts();
    assert.deepEqual([n.person, n.act, n.source, n.episode, n.facility, n.organisation], [2, 1, 1, 1, 1, 1]);
  });

  it('finds the database through DAYLIGHT_DB when --db is not given', () => {
    const result = runCli(['counts', '--json'], { env: { DAYLIGHT_DB: db } });
    assert.equal(result.status, 0, result.stderr);
    assert.equal(JSON.parse(result.stdout).act, 1);
  });

  it('re-importing the same file changes nothing', async () => {
    const before = runCli(['--db', db, 'export']).stdout;
    const result = runCli(['--db', db, 'import', good]);
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /0 new, 7 already stored/);
    assert.equal(runCli(['--db', db, 'export']).stdout, before);
  });

  it('reports every kind of bad line as FILE:LINE: field: problem and writes nothing', async () => {
    const { act, victim } = testRecords();
    const bad = join(dir.path, 'bad.jsonl');
    const lines = [
      JSON.stringify({ ...victim, id: 'P-NEW', code: 'V-000099' }), // 1: valid, new
      '{"type": "act", "id": ', // 2: bad JSON
      JSON.stringify({ type: 'victim', id: 'P-9' }), // 3: unknown type
      JSON.stringify({ ...act, id: 'A-2', sources: undefined }), // 4: missing field
      JSON.stringify({ ...act, id: 'A-3', date: { from: '2019-13' } }), // 5: malformed field
      JSON.stringify({ ...act, id: 'A-4', victims: ['P-404'] }), // 6: unknown reference
      JSON.stringify({ ...act, id: 'A-5' }), // 7: valid
      JSON.stringify({ ...act, id: 'A-5', act_type: 'DENIAL-OF-FOOD' }), // 8: same id, other content
      JSON.stringify({ ...act, description: { en: 'changed' } }), // 9: same id as a stored record, other content
      JSON.stringify({ ...act, id: 'A-6', facility: 'P-1' }), // 10: reference to a record of the wrong type
    ];
    writeFileSync(bad, `${lines.join('\n')}\n`);
    const result = runCli(['--db', db, 'import', bad]);
    assert.equal(result.status, 1);
    const problems = result.stderr.trim().split('\n');
    assert.match(problems[0] ?? '', /^.*bad\.jsonl:2: \(line\): not valid JSON/);
    assert.deepEqual(problems.slice(1, -1), [
      `${bad}:3: type: unknown record type "victim"`,
      `${bad}:4: sources: is missing (expected array)`,
      `${bad}:5: date.from: expected YYYY, YYYY-MM or YYYY-MM-DD`,
      `${bad}:6: victims[0]: refers to person "P-404", which does not exist`,
      `${bad}:8: id: record "A-5" already exists with different content (first at line 7)`,
      `${bad}:9: id: record "A-1" already exists with different content`,
      `${bad}:10: facility: refers to facility "P-1", which does not exist`,
    ]);
    assert.match(problems.at(-1) ?? '', /nothing imported \(8 problems\)/);
    const n = await counts();
    assert.equal(n.person, 2, 'the valid new person on line 1 was not written');
    assert.equal(n.act, 1, 'the valid new act on line 7 was not written');
  });

  it('never echoes field values in its messages', () => {
    const { victim } = testRecords();
    const bad = join(dir.path, 'names.jsonl');
    writeFileSync(
      bad,
      `${JSON.stringify({ ...victim, id: 'P-X', code: '김정숙', names: [{ value: '김정숙', form: 'KOREAN' }] })}\n`,
    );
    const result = runCli(['--db', db, 'import', bad]);
    assert.equal(result.status, 1);
    assert.doesNotMatch(result.stderr, /김정숙/);
    assert.match(result.stderr, /names\[0\]\.form: not a code of the name-forms vocabulary/);
  });

  it('checks references across several files imported together', () => {
    const split = tempDir();
    const db2 = join(split.path, 'two.db');
    const text = testJsonLines().trim().split('\n');
    writeFileSync(join(split.path, 'a.jsonl'), `${text.slice(4).join('\n')}\n`); // refers forward
    writeFileSync(join(split.path, 'b.jsonl'), `${text.slice(0, 4).join('\n')}\n`);
    const alone = runCli(['--db', db2, 'import', join(split.path, 'a.jsonl')]);
    assert.equal(alone.status, 1);
    assert.match(alone.stderr, /a\.jsonl:\d+: victims\[0\]: refers to person "P-1"/);
    const together = runCli([
      '--db',
      db2,
      'import',
      join(split.path, 'a.jsonl'),
      join(split.path, 'b.jsonl'),
    ]);
    assert.equal(together.status, 0, together.stderr);
    split.remove();
  });

  it('exports JSON Lines that round-trip byte for byte', async () => {
    const first = join(dir.path, 'first.jsonl');
    assert.equal(runCli(['--db', db, 'export', '-o', first]).status, 0);
    const fresh = join(dir.path, 'fresh.db');
    assert.equal(runCli(['--db', fresh, 'import', first]).status, 0);
    const second = runCli(['--db', fresh, 'export']).stdout;
    assert.equal(second, readFileSync(first, 'utf8'));
    assert.equal(second.trim().split('\n').length, 7);
  });

  it('exports CSV files (one per type) that import back to the same records', () => {
    const csvDir = join(dir.path, 'csv');
    assert.equal(runCli(['--db', db, 'export', '--format', 'csv', '-o', csvDir]).status, 0);
    const header = readFileSync(join(csvDir, 'act.csv'), 'utf8').split('\n')[0];
    assert.match(header ?? '', /^type,id,version,created_at/);
    const fresh = join(dir.path, 'from-csv.db');
    const result = runCli(['--db', fresh, 'import', csvDir]);
    assert.equal(result.status, 0, result.stderr);
    assert.equal(runCli(['--db', fresh, 'export']).stdout, runCli(['--db', db, 'export']).stdout);
  });

  it('names the CSV file, line and column of a bad cell', () => {
    const csv = join(dir.path, 'bad.csv');
    writeFileSync(
      csv,
      'type,id,version,created_at,created_by,updated_at,updated_by,status,confidentiality,name,facility_type\nfacility,F-2,1,2025-01-01T00:00:00Z,a,2025-01-01T00:00:00Z,a,draft,internal,"{""en"":""Camp""}",GULAG\n',
    );
    const result = runCli(['--db', db, 'import', csv]);
    assert.equal(result.status, 1);
    assert.match(result.stderr, /bad\.csv:2: facility_type: not a code of the facility-types vocabulary/);
  });
});
