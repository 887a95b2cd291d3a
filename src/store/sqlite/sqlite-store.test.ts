import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { tempDir } from '../../testing/factories.ts';
import { storeSuite } from '../store-suite.ts';
import { MIGRATIONS } from './migrations.ts';
import { openSqliteStore } from './sqlite-store.ts';

storeSuite('SQLite', async () => {
  const dir = tempDir();
  const store = openSqliteStore(join(dir.path, 'store.db'));
  return {
    store,
    cleanup: async () => {
      await store.close();
      dir.remove();
    },
  };
});

describe('SQLite store', () => {
  it('opens with WAL, foreign keys and every migration applied, and reopens without re-running them', async () => {
    const dir = tempDir();
    const path = join(dir.path, 'store.db');
    await openSqliteStore(path).close();
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
    dir.remove();
  });
});
