import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { unlockKeys } from '../../records/unlock-keys.ts';
import { TEST_PASSPHRASE, tempDir, testRecords } from '../../testing/factories.ts';
import { freshPostgresDatabase, testPostgresUrl } from '../../testing/postgres.ts';
import { cliDatabase, runCli } from '../../testing/run-cli.ts';
import { openSqliteStore } from '../sqlite/sqlite-store.ts';
import { compareStores } from './compare-stores.ts';
import { openPostgresStore } from './postgres-store.ts';

const server = testPostgresUrl();

describe('daylight migrate-store', {
  skip: server ? false : 'no PostgreSQL test server (DAYLIGHT_TEST_PG_URL)',
}, () => {
  const dir = tempDir();
  let database: Awaited<ReturnType<typeof freshPostgresDatabase>>;
  let sqlite: string;
  const pgFiles = join(dir.path, 'pg.files');
  const env = () => ({ DAYLIGHT_FILES: pgFiles });

  before(async () => {
    database = await freshPostgresDatabase(server as string);
    const t = testRecords();
    sqlite = cliDatabase(dir.path, Object.values(t), 'source');
    // Every kind of thing a store keeps: a new version, a review step, an evidence file, an account, UPR rows.
    const edited = { ...t.act, description: { en: 'Forced labour at the quarry, sixteen hours a day' } };
    writeFileSync(join(dir.path, 'edit.jsonl'), JSON.stringify(edited));
    writeFileSync(join(dir.path, 'ev.txt'), 'evidence bytes');
    const steps = [
      ['edit', join(dir.path, 'edit.jsonl')],
      ['review', 'submit', 'A-1'],
      ['files', 'add', join(dir.path, 'ev.txt')],
      ['user', 'add', 'ana.d', '--role', 'analyst'],
      ['resolve', 'run'],
    ];
    for (const step of steps) {
      const result = runCli(['--db', sqlite, ...step], {
        env: { DAYLIGHT_NEW_USER_PASSWORD: 'a long password 123' },
      });
      assert.equal(result.status, 0, `${step.join(' ')}: ${result.stderr}`);
    }
  });
  after(async () => {
    await database.drop();
    dir.remove();
  });

  it('copies everything, verifies it, and the copy answers every query as the source does', async () => {
    const run = runCli(['migrate-store', '--from', `sqlite:${sqlite}`, '--to', database.url], { env: env() });
    assert.equal(run.status, 0, run.stderr + run.stdout);
    assert.match(run.stdout, /^records +9 → 9 +identical$/m);
    assert.match(run.stdout, /^record_versions +1 → 1 +identical$/m);
    assert.match(run.stdout, /^act_facts +1 → 1 +identical$/m);
    assert.match(run.stdout, /evidence files: 1 \(1 copied\), identical/);
    assert.match(run.stdout, /migrated and verified/);
    assert.doesNotMatch(run.stderr + run.stdout, /daylight-test@/); // no password in messages

    const source = openSqliteStore(sqlite);
    const target = await openPostgresStore(database.url);
    try {
      const keys = await unlockKeys(source, { passphrase: TEST_PASSPHRASE });
      const probes = {
        searches: ['교화', '채석장', '영호', 'quarry', 'sixteen', 'Chongo', 'yong ho', '채', 'Ri Yong Ho'],
        recordIds: ['A-1', 'P-1', 'F-TEST'],
        users: ['ana.d'],
      };
      assert.deepEqual(await compareStores(source, target, keys, probes), []);
    } finally {
      await source.close();
      await target.close();
    }
    // DATABASE_URL selects the PostgreSQL store when no --db is given.
    const verify = runCli(['audit', 'verify'], {
      env: { ...env(), DATABASE_URL: database.url },
      cwd: dir.path,
    });
    assert.equal(verify.status, 0, verify.stderr);
    assert.match(verify.stdout, /audit trail intact: 8 entries/); // the copy's 7 and the migration's own
    const backup = runCli(['--db', database.url, 'backup', join(dir.path, 'b.daylight')], { env: env() });
    assert.notEqual(backup.status, 0);
    assert.match(backup.stderr, /pg_dump/);
    const out = join(dir.path, 'out.txt');
    const get = runCli(
      ['--db', database.url, 'files', 'get', `sha256-${sha('evidence bytes')}`, '--out', out],
      {
        env: env(),
      },
    );
    assert.equal(get.status, 0, get.stderr);
    assert.equal(readFileSync(out, 'utf8'), 'evidence bytes');
  });

  it('refuses a target that is not empty, and bad arguments, with clear messages', () => {
    const again = runCli(['migrate-store', '--from', `sqlite:${sqlite}`, '--to', database.url], {
      env: env(),
    });
    assert.equal(again.status, 1);
    assert.match(again.stderr, /not empty/);
    const noUrl = runCli(['migrate-store', '--from', sqlite, '--to', 'mysql://x'], {
      env: { DATABASE_URL: '' },
    });
    assert.equal(noUrl.status, 2);
    assert.match(noUrl.stderr, /--to: expected a postgres:\/\/ URL/);
    const noFile = runCli(['migrate-store', '--from', 'sqlite:/nonexistent.db', '--to', database.url]);
    assert.equal(noFile.status, 2);
    assert.match(noFile.stderr, /no SQLite database/);
  });
});

const sha = (text: string) => createHash('sha256').update(text).digest('hex');
