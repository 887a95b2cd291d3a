import { randomBytes } from 'node:crypto';
import pg from 'pg';

/**
 * The PostgreSQL server the tests may use (`DAYLIGHT_TEST_PG_URL`, set by `.ci/postgres.sh`), or
 * `undefined` outside CI when none is set: the PostgreSQL half of a suite is then skipped. In CI
 * (`CI=true`) a missing server is an error, so that the half cannot silently not run.
 */
export function testPostgresUrl(): string | undefined {
  const url = process.env.DAYLIGHT_TEST_PG_URL;
  if (!url && process.env.CI === 'true')
    throw new Error(
      'CI=true but DAYLIGHT_TEST_PG_URL is not set: run the tests through .ci/run (.ci/postgres.sh)',
    );
  return url || undefined;
}

/** A new, empty database on the test server (one per test file, so files run in parallel); `drop` removes it. */
export async function freshPostgresDatabase(
  serverUrl: string,
): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `daylight_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8'`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      try {
        // An autovacuum worker may still be in it (after a large load): wait for it, a few times.
        for (let attempt = 1; ; attempt++) {
          try {
            await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
            return;
          } catch (error) {
            if (attempt === 10) throw error;
            await new Promise((resolve) => setTimeout(resolve, 1000));
          }
        }
      } finally {
        await client.end();
      }
    },
  };
}
