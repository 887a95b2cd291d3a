import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { verifyChain } from '../access/audit-chain.ts';
import { openStore } from '../store/open-store.ts';
import type { Store } from '../store/store.ts';
import { importOrFail, tempDir, testKeys, testRecords } from '../testing/factories.ts';
import { freshPostgresDatabase, testPostgresUrl } from '../testing/postgres.ts';
import { serveWithAccounts } from '../testing/signed-in-server.ts';

// Requests that write at the same time over real HTTP: each takes its turn on the store (one write
// at a time), none fails because another is writing, and the audit chain stays whole.

const keys = testKeys();

const pgServer = testPostgresUrl();

for (const kind of ['SQLite', 'PostgreSQL'] as const) {
  const skip =
    kind === 'PostgreSQL' && !pgServer ? 'no PostgreSQL test server: set DAYLIGHT_TEST_PG_URL' : false;
  describe(`writes from concurrent requests (${kind})`, { skip }, () => {
    let store: Store;
    let server: Awaited<ReturnType<typeof serveWithAccounts>>;
    let database: Awaited<ReturnType<typeof freshPostgresDatabase>> | undefined;
    const dir = tempDir();
    before(async () => {
      database = kind === 'PostgreSQL' ? await freshPostgresDatabase(pgServer as string) : undefined;
      store = await openStore(database?.url ?? join(dir.path, 'concurrent.db'), {
        anchorFile: join(dir.path, 'audit-head'),
      });
      await importOrFail(store, Object.values(testRecords()), keys);
      server = await serveWithAccounts(store, keys);
    });
    after(async () => {
      await server.close();
      await store.close();
      await database?.drop();
      dir.remove();
    });

    it('eight testimonies posted at once all land, each whole, with an intact audit chain', async () => {
      const investigator = await server.as('investigator');
      const sourcesBefore = (await store.countByType()).source;
      const intake = (n: number) => ({
        organisation: 'O-TEST',
        interview: { date: { from: `2026-0${(n % 9) + 1}` } },
        interviewee: { new: { roles: ['VICTIM'] } },
        acts: [
          {
            act_type: 'DETENTION',
            victims: ['interviewee'],
            connection: 'VICTIM',
            facility: 'F-TEST',
            description: { en: `testimony ${n}` },
          },
        ],
      });
      const responses = await Promise.all(
        [0, 1, 2, 3, 4, 5, 6, 7].map((n) => investigator.post('/api/intake', intake(n))),
      );
      assert.deepEqual(
        responses.map((r) => r.status),
        [201, 201, 201, 201, 201, 201, 201, 201],
      );
      const acts = await Promise.all(
        responses.map(async (r) => ((await r.json()) as { acts: string[] }).acts),
      );
      assert.equal(new Set(acts.flat()).size, 8, 'eight distinct acts');
      for (const id of acts.flat()) assert.ok(await store.getRecord(id), id);
      assert.equal((await store.countByType()).source, sourcesBefore + 8);
      const check = await verifyChain(store.auditEntries(), await store.auditAnchor());
      assert.equal(check.ok, true, JSON.stringify(check));
    });
  });
}
