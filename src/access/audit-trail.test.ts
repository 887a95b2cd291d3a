import assert from 'node:assert/strict';
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { after, before, describe, it } from 'node:test';
import { tempDir, testJsonLines, testRecords } from '../testing/factories.ts';
import { runCli } from '../testing/run-cli.ts';
import { entryHash } from './audit-chain.ts';

describe('audit trail', () => {
  const dir = tempDir();
  const db = join(dir.path, 'audit.db');
  after(() => dir.remove());

  before(() => {
    const { act } = testRecords();
    writeFileSync(join(dir.path, 'a.jsonl'), testJsonLines());
    for (let i = 2; i <= 5; i++)
      writeFileSync(join(dir.path, `a${i}.jsonl`), `${JSON.stringify({ ...act, id: `A-${i}` })}\n`);
    for (const name of ['a.jsonl', 'a2.jsonl', 'a3.jsonl', 'a4.jsonl', 'a5.jsonl']) {
      const result = runCli(['--db', db, '--actor', 'investigator-1', 'import', join(dir.path, name)]);
      assert.equal(result.status, 0, result.stderr);
    }
  });

  it('records who wrote what, when, without record content', () => {
    const entries = runCli(['--db', db, 'audit', 'list'])
      .stdout.trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    assert.equal(entries.length, 5);
    assert.equal(entries[0].actor, 'investigator-1');
    assert.equal(entries[0].action, 'import');
    assert.equal(entries[0].detail.inserted, 7);
    assert.match(entries[0].detail.ids_sha256, /^[0-9a-f]{64}$/);
    assert.doesNotMatch(JSON.stringify(entries), /리영호|quarry/);
  });

  it('a re-import that writes nothing adds no entry; an intact trail verifies', () => {
    runCli(['--db', db, 'import', join(dir.path, 'a.jsonl')]);
    const ok = runCli(['--db', db, 'audit', 'verify']);
    assert.equal(ok.status, 0, ok.stderr);
    assert.match(ok.stdout, /audit trail intact: 5 entries/);
  });

  it('the database refuses to update or delete an entry', () => {
    const raw = new DatabaseSync(db);
    assert.throws(() => raw.exec("UPDATE audit SET actor = 'x' WHERE seq = 1"), /append-only/);
    assert.throws(() => raw.exec('DELETE FROM audit WHERE seq = 1'), /append-only/);
    raw.close();
  });

  /** Copies the database, tampers with the copy (triggers dropped, as an intruder would), verifies it. */
  const tamper = (name: string, change: (raw: DatabaseSync) => void) => {
    const copy = join(dir.path, `${name}.db`);
    copyFileSync(db, copy);
    copyFileSync(`${db}.audit-head`, `${copy}.audit-head`);
    const raw = new DatabaseSync(copy);
    raw.exec('DROP TRIGGER audit_no_update; DROP TRIGGER audit_no_delete;');
    change(raw);
    raw.close();
    return runCli(['--db', copy, 'audit', 'verify']);
  };

  it('detects an edited entry and names it', () => {
    const result = tamper('edited', (raw) =>
      raw.exec("UPDATE audit SET actor = 'someone-else' WHERE seq = 3"),
    );
    assert.equal(result.status, 1);
    assert.match(result.stderr, /broken at entry 3: content does not match its hash: edited/);
  });

  it('detects a deleted entry', () => {
    const result = tamper('deleted', (raw) => raw.exec('DELETE FROM audit WHERE seq = 2'));
    assert.equal(result.status, 1);
    assert.match(result.stderr, /broken at entry 3: expected entry 2 here/);
  });

  it('detects an inserted entry, even one given a correctly computed hash', () => {
    const result = tamper('inserted', (raw) => {
      raw.exec(
        'UPDATE audit SET seq = seq + 100 WHERE seq >= 3; UPDATE audit SET seq = seq - 99 WHERE seq >= 103;',
      );
      const prev = String(raw.prepare('SELECT hash FROM audit WHERE seq = 2').get()?.hash);
      const event = { at: '2025-01-01T00:00:00.000Z', actor: 'intruder', action: 'import' };
      raw
        .prepare('INSERT INTO audit (seq, at, actor, action, prev, hash) VALUES (3, ?, ?, ?, ?, ?)')
        .run(event.at, event.actor, event.action, prev, entryHash(prev, 3, event));
    });
    assert.equal(result.status, 1);
    assert.match(result.stderr, /broken at entry 4: /);
  });

  it('detects reordered entries', () => {
    const result = tamper('reordered', (raw) =>
      raw.exec(
        'UPDATE audit SET seq = 99 WHERE seq = 2; UPDATE audit SET seq = 2 WHERE seq = 3; UPDATE audit SET seq = 3 WHERE seq = 99;',
      ),
    );
    assert.equal(result.status, 1);
    assert.match(result.stderr, /broken at entry 2: does not link to the entry before it/);
  });

  it('detects entries cut off the end, through the head kept outside the database', () => {
    const result = tamper('truncated', (raw) => raw.exec('DELETE FROM audit WHERE seq >= 4'));
    assert.equal(result.status, 1);
    assert.match(result.stderr, /broken at entry 4: the chain ends before the recorded head \(entry 5\)/);
  });

  it('detects a chain rewritten from an entry on, hashes recomputed', () => {
    const result = tamper('rewritten', (raw) => {
      const rows = raw.prepare('SELECT * FROM audit ORDER BY seq').all();
      let prev = String(rows[1]?.hash);
      for (const row of rows.slice(2)) {
        const event = {
          at: String(row.at),
          actor: 'rewritten',
          action: String(row.action),
          detail: JSON.parse(String(row.detail)),
        };
        const hash = entryHash(prev, Number(row.seq), event);
        raw
          .prepare('UPDATE audit SET actor = ?, prev = ?, hash = ? WHERE seq = ?')
          .run('rewritten', prev, hash, Number(row.seq));
        prev = hash;
      }
    });
    assert.equal(result.status, 1);
    assert.match(result.stderr, /broken at entry 5: differs from the head recorded outside the database/);
  });
});
