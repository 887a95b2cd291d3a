import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { loadDemo } from '../demo/load-demo.ts';
import type { Person } from '../domain/person.ts';
import { unlockKeys } from '../records/unlock-keys.ts';
import { openSqliteStore, type SqliteStore } from '../store/sqlite/sqlite-store.ts';
import { tempDir } from '../testing/factories.ts';
import { runCli } from '../testing/run-cli.ts';
import { type FieldKeys, revealRecord } from './field-cipher.ts';

describe('encryption at rest', () => {
  const dir = tempDir();
  const db = join(dir.path, 'enc.db');
  let store: SqliteStore;
  let keys: FieldKeys;
  const secrets: string[] = [];

  before(async () => {
    store = openSqliteStore(db);
    keys = await unlockKeys(store, { passphrase: 'a long test passphrase' });
    const report = await loadDemo(store, { seed: 5, size: 'small', keys });
    assert.equal(report.ok, true);
    for (const stored of await store.listRecords({ type: 'person', limit: 100_000 })) {
      const person = revealRecord(stored as never, keys) as Person;
      for (const name of person.names) if (name.value.length >= 3) secrets.push(name.value);
    }
  });
  after(async () => {
    await store.close();
    dir.remove();
  });

  it('leaves no name in the database file or its WAL after the demo import', () => {
    assert.ok(secrets.length > 1000, `names checked: ${secrets.length}`);
    const files = [db, `${db}-wal`].filter((f) => existsSync(f));
    assert.ok(files.length === 2, 'the WAL is there to scan');
    for (const file of files) {
      const bytes = readFileSync(file);
      for (const secret of secrets)
        assert.equal(bytes.includes(Buffer.from(secret, 'utf8')), false, `a name is readable in ${file}`);
    }
  });

  it('stores protected fields as authenticated ciphertext bound to their record', async () => {
    const [stored] = await store.listRecords({ type: 'person', limit: 1 });
    const raw = stored as unknown as Record<string, unknown>;
    assert.match(String(raw.sealed), /^enc:v1:k1:/);
    assert.equal(raw.names, undefined);
    const moved = { ...raw, id: 'P-9999999' };
    assert.throws(() => revealRecord(moved, keys), /unable to authenticate|Unsupported state/);
  });

  it('refuses a wrong passphrase before reading anything', () => {
    const result = runCli(['--db', db, 'search', 'kim'], {
      env: { DAYLIGHT_PASSPHRASE: 'not the passphrase at all' },
    });
    assert.equal(result.status, 2);
    assert.match(result.stderr, /wrong passphrase or key file/);
  });

  it('refuses a full export to a role without the right to identifying data', () => {
    const result = runCli(['--db', db, '--role', 'analyst', 'export'], {
      env: { DAYLIGHT_PASSPHRASE: 'a long test passphrase' },
    });
    assert.equal(result.status, 3);
    assert.equal(result.stdout, '');
    assert.match(result.stderr, /refused: a analyst may not export identifying/);
  });

  it('rotates keys: the old passphrase stops working, every record still reads, new writes use the new key', () => {
    const env = {
      DAYLIGHT_PASSPHRASE: 'a long test passphrase',
      DAYLIGHT_NEW_PASSPHRASE: 'another long passphrase',
    };
    const rotated = runCli(['--db', db, 'keys', 'rotate'], { env });
    assert.equal(rotated.status, 0, rotated.stderr);
    assert.match(rotated.stdout, /2 data keys, new writes use k2/);
    assert.equal(
      runCli(['--db', db, 'counts'], { env: { DAYLIGHT_PASSPHRASE: 'a long test passphrase' } }).status,
      0,
    ); // counts need no key
    assert.equal(
      runCli(['--db', db, 'search', 'kim'], { env: { DAYLIGHT_PASSPHRASE: 'a long test passphrase' } })
        .status,
      2,
    );
    const exported = runCli(['--db', db, 'export'], {
      env: { DAYLIGHT_PASSPHRASE: 'another long passphrase' },
    });
    assert.equal(exported.status, 0, exported.stderr);
    for (const secret of secrets.slice(0, 50))
      assert.ok(exported.stdout.includes(secret), 'names decrypt after rotation');
  });
});
