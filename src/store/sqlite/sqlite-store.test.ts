import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { blindTokens } from '../../access/field-cipher.ts';
import { importRecords } from '../../interchange/import-records.ts';
import { searchTerms } from '../../search/hangul-bigrams.ts';
import { tempDir, testKeys, testRecords } from '../../testing/factories.ts';
import type { Store } from '../store.ts';
import { MIGRATIONS } from './migrations.ts';
import { openSqliteStore } from './sqlite-store.ts';

const keys = testKeys();
/** A search as the search use-case builds it, identifying text included. */
const query = (text: string) => ({
  terms: searchTerms(text).map((t) => ({ text: t, blind: blindTokens(t, keys) })),
});

describe('SQLite store', () => {
  const dir = tempDir();
  const path = join(dir.path, 'store.db');
  let store: Store;

  before(async () => {
    store = openSqliteStore(path);
    const records = Object.values(testRecords());
    const report = await importRecords(
      store,
      [{ file: 'test', lines: records.map((value, i) => ({ line: i + 1, value })) }],
      { keys },
    );
    assert.equal(report.ok, true, JSON.stringify(report.problems));
  });
  after(async () => {
    await store.close();
    dir.remove();
  });

  it('opens with WAL, foreign keys and every migration applied, and reopens without re-running them', async () => {
    const sqlite = openSqliteStore(path);
    assert.equal(sqlite.db.prepare('PRAGMA journal_mode').get()?.journal_mode, 'wal');
    assert.equal(sqlite.db.prepare('PRAGMA foreign_keys').get()?.foreign_keys, 1);
    const versions = sqlite.db
      .prepare('SELECT version FROM schema_migrations')
      .all()
      .map((r) => r.version);
    assert.deepEqual(
      versions,
      MIGRATIONS.map((m) => m.version),
    );
    await sqlite.close();
  });

  it('finds Hangul substrings of two, three and more syllables', async () => {
    const ids = async (q: string) => (await store.search(query(q), { limit: 10 })).map((h) => h.id).sort();
    assert.deepEqual(await ids('교화'), ['F-TEST']); // inside 전거리 교화소
    assert.deepEqual(await ids('거리'), ['F-TEST']); // the middle of 전거리
    assert.deepEqual(await ids('영호'), ['P-1']); // given name inside 리영호
    assert.deepEqual(await ids('채석장'), ['A-1', 'S-1']);
    assert.deepEqual(await ids('강제노동'), ['A-1', 'S-1']); // the act by its type's Korean label
    assert.deepEqual(await ids('채'), ['A-1', 'S-1']); // one syllable of open text: as a prefix
    assert.deepEqual(await ids('리'), []); // names are blind-indexed: whole bigrams only, no prefixes
    assert.deepEqual(await ids('전거리교화'), []); // no such string: the space matters
  });

  it('finds English words, word prefixes, and romanisations without diacritics', async () => {
    const ids = async (q: string) => (await store.search(query(q), { limit: 10 })).map((h) => h.id).sort();
    assert.deepEqual(await ids('quarry'), ['A-1', 'S-1']);
    assert.deepEqual(await ids('QUARRY fourteen'), ['A-1']);
    assert.deepEqual(await ids('forc'), ['A-1', 'S-1']);
    assert.deepEqual(await ids('Chongo'), ['F-TEST']); // Chŏngŏ-ri
    assert.deepEqual(await ids('yong ho'), ['P-1']);
    assert.deepEqual(
      (await store.search(query('quarry'), { type: 'act', limit: 10 })).map((h) => h.id),
      ['A-1'],
    );
    assert.deepEqual(await ids('"; DROP TABLE records; --'), []);
    assert.deepEqual(await ids('Forced labour'), ['A-1', 'S-1']); // the act by its type's label
  });

  it('counts live records per type and lists the newest first', async () => {
    const counts = await store.countByType();
    assert.equal(counts.person, 2);
    assert.equal(counts.file, 0);
    const listed = await store.listRecords({ type: 'person', limit: 10 });
    assert.deepEqual(
      listed.map((r) => r.id),
      ['P-1', 'P-2'],
    );
  });

  it('lists what points to a record', async () => {
    const pointing = await store.listReferencing('P-1');
    assert.deepEqual(pointing.map((r) => r.id).sort(), ['A-1', 'E-1', 'S-1']);
    assert.deepEqual(
      (await store.listReferencing('P-1', 'act')).map((r) => r.id),
      ['A-1'],
    );
  });

  it('keeps a deleted record as a tombstone: not counted or found, still exported', async () => {
    const { act } = testRecords();
    const tomb = { ...act, id: 'A-GONE', deleted: { at: '2025-05-01T00:00:00Z', by: 'admin' } };
    const report = await importRecords(store, [{ file: 't', lines: [{ line: 1, value: tomb }] }], { keys });
    assert.equal(report.ok, true);
    assert.equal((await store.countByType()).act, 1);
    assert.deepEqual(
      (await store.search(query('fourteen'), { limit: 10 })).map((h) => h.id),
      ['A-1'],
    );
    const exported: string[] = [];
    for await (const json of store.exportRecords('act')) exported.push(JSON.parse(json).id);
    assert.deepEqual(exported, ['A-1', 'A-GONE']);
  });

  it('rolls a write session back completely', async () => {
    const session = await store.beginWrite();
    await assert.rejects(store.beginWrite(), /another write session/);
    await session.rollback();
    const again = await store.beginWrite();
    await again.rollback();
  });
});
