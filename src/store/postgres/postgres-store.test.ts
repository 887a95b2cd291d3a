import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { freshPostgresDatabase, testPostgresUrl } from '../../testing/postgres.ts';
import { MIGRATIONS } from '../sqlite/migrations.ts';
import { storeSuite } from '../store-suite.ts';
import { MISSING_PG_MIGRATIONS, PG_MIGRATIONS } from './pg-migrations.ts';
import { openPostgresStore, type PostgresStore } from './postgres-store.ts';

const server = testPostgresUrl();
const SKIP = 'no PostgreSQL test server: set DAYLIGHT_TEST_PG_URL (. .ci/postgres.sh)';

describe('PostgreSQL migrations', () => {
  it('give every SQLite migration a PostgreSQL version (a new SQLite migration needs one)', () => {
    assert.deepEqual(
      MISSING_PG_MIGRATIONS.map((m) => `${m.version} ${m.name}`),
      [],
    );
    assert.deepEqual(
      PG_MIGRATIONS.map((m) => m.version),
      MIGRATIONS.map((m) => m.version),
    );
  });
});

storeSuite(
  'PostgreSQL',
  server
    ? async () => {
        const database = await freshPostgresDatabase(server);
        const store = await openPostgresStore(database.url);
        return {
          store,
          cleanup: async () => {
            await store.close();
            await database.drop();
          },
        };
      }
    : SKIP,
);

describe('PostgreSQL store', { skip: server ? false : SKIP }, () => {
  let database: Awaited<ReturnType<typeof freshPostgresDatabase>>;
  before(async () => {
    database = await freshPostgresDatabase(server as string);
  });
  after(async () => {
    await database.drop();
  });

  it('applies every migration once, even when several processes open a new database together', async () => {
    const stores = await Promise.all([1, 2, 3].map(() => openPostgresStore(database.url)));
    const versions = await (stores[0] as PostgresStore).pool.query(
      'SELECT version FROM schema_migrations ORDER BY version',
    );
    assert.deepEqual(
      versions.rows.map((r) => r.version),
      MIGRATIONS.map((m) => m.version),
    );
    await Promise.all(stores.map((s) => s.close()));
  });

  it('refuses to change the audit trail, even through SQL', async () => {
    const store = await openPostgresStore(database.url);
    await store.appendAudit({ at: 'a', actor: 'b', action: 'c' });
    await assert.rejects(store.pool.query('UPDATE audit SET actor = $1', ['x']), /append-only/);
    await assert.rejects(store.pool.query('DELETE FROM audit'), /append-only/);
    await assert.rejects(store.pool.query('TRUNCATE audit'), /append-only/);
    await store.close();
  });

  it('names the server, without its password, when it cannot connect', async () => {
    const url = new URL(server as string);
    url.port = '1';
    url.password = 'secret-password';
    await assert.rejects(openPostgresStore(url.toString()), (error: Error) => {
      assert.match(error.message, /PostgreSQL at postgres:\/\/daylight:\*\*\*@127\.0\.0\.1:1\//);
      assert.doesNotMatch(error.message, /secret-password/);
      return true;
    });
  });
});
