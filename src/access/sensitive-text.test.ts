import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { exportReleased } from '../consent/release-records.ts';
import { exportJsonLines } from '../interchange/export-records.ts';
import { importRecords } from '../interchange/import-records.ts';
import { readRecord } from '../records/read-record.ts';
import { searchRecords } from '../records/search-records.ts';
import { openSqliteStore, type SqliteStore } from '../store/sqlite/sqlite-store.ts';
import { publishingRecords, tempDir, testKeys, testRecords } from '../testing/factories.ts';
import type { Viewer } from './roles.ts';
import { WITHHELD } from './sensitive-text.ts';

// Free text marked `sensitive: true` is protected like a name: sealed at rest, searchable and
// readable only with the right to identifying fields, withheld from everyone else and from
// anonymised releases — while unmarked text stays open.
const keys = testKeys();
const SECRET = 'Yangdeokbong';
const investigator: Viewer = { user: 'inv', role: 'investigator' };
const analyst: Viewer = { user: 'ana', role: 'analyst' };

describe('free text marked sensitive', () => {
  const dir = tempDir();
  const db = join(dir.path, 'sensitive.db');
  let store: SqliteStore;
  const lines = () => {
    const t = testRecords();
    const act = {
      ...t.act,
      description: { en: `Beaten by the guard ${SECRET} in the quarry`, sensitive: true as const },
    };
    const episode = {
      ...t.episode,
      steps: t.episode.steps.map((s, i) =>
        i === 0 ? { ...s, note: { ko: `${SECRET} 보위원이 체포`, sensitive: true as const } } : s,
      ),
    };
    const records = [t.organisation, t.facility, t.victim, t.guard, t.source, episode, act];
    return records.map((value, i) => ({ line: i + 1, value }));
  };

  before(async () => {
    store = openSqliteStore(db);
    const report = await importRecords(store, [{ file: 't', lines: lines() }], { keys });
    assert.deepEqual(report.ok ? [] : report.problems, []);
  });
  after(async () => {
    await store.close();
    dir.remove();
  });

  it('is sealed at rest: not in the database file or its WAL', () => {
    for (const file of [db, `${db}-wal`].filter(existsSync))
      assert.equal(readFileSync(file).includes(Buffer.from(SECRET)), false, `readable in ${file}`);
  });

  it('comes back whole for those who may see identifying fields, and re-imports unchanged', async () => {
    const act = await readRecord(store, investigator, keys, 'A-1');
    assert.equal(act?.type === 'act' && act.description?.en, `Beaten by the guard ${SECRET} in the quarry`);
    assert.equal(act?.type === 'act' && act.description?.sensitive, true);
    const episode = await readRecord(store, investigator, keys, 'E-1');
    assert.match(JSON.stringify(episode), new RegExp(`${SECRET} 보위원이 체포`));
    let exported = '';
    for await (const line of exportJsonLines(store, keys)) exported += line;
    assert.ok(exported.includes(SECRET));
    const again = await importRecords(store, [{ file: 't', lines: lines() }], { keys });
    assert.equal(again.ok && again.unchanged, 7, 'idempotent: same content, same hash');
  });

  it('is withheld from those who may not, and found by search only by those who may', async () => {
    const act = await readRecord(store, analyst, keys, 'A-1');
    assert.deepEqual(act?.type === 'act' && act.description, WITHHELD);
    assert.ok(act?.redacted?.includes('description'));
    assert.equal(JSON.stringify(await readRecord(store, analyst, keys, 'E-1')).includes(SECRET), false);
    const found = async (viewer: Viewer) =>
      (await searchRecords(store, viewer, keys, SECRET, { limit: 10 })).map((r) => r.id).sort();
    assert.deepEqual(await found(investigator), ['A-1', 'E-1']);
    assert.deepEqual(await found(analyst), []);
    // Unmarked text is still open to search.
    assert.deepEqual(
      (await searchRecords(store, analyst, keys, 'quarry', { limit: 10, type: 'source' })).map((r) => r.id),
      ['S-1'],
    );
  });

  it('is withheld from anonymised releases', async () => {
    const published = openSqliteStore(':memory:');
    const t = testRecords();
    const persons = [{ ...t.victim, confidentiality: 'public' as const, status: 'verified' as const }];
    const [organisation, document, act] = publishingRecords(persons);
    const marked = { ...act, description: { en: `told by ${SECRET}`, sensitive: true } };
    const report = await importRecords(
      published,
      [
        {
          file: 'p',
          lines: [organisation, document, marked, ...persons].map((value, i) => ({ line: i + 1, value })),
        },
      ],
      { keys },
    );
    assert.deepEqual(report.ok ? [] : report.problems, []);
    let out = '';
    for await (const line of exportReleased(published, { user: 'adv', role: 'advocate' }, keys, {
      purpose: 'publication',
      anonymised: true,
    }))
      out += line;
    await published.close();
    assert.ok(out.includes('"[withheld]"'));
    assert.equal(out.includes(SECRET), false);
  });
});
