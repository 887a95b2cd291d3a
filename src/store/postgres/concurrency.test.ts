import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { totp } from '../../access/totp.ts';
import { addUser } from '../../accounts/add-user.ts';
import { importRecords } from '../../interchange/import-records.ts';
import { editRecords } from '../../review/edit-records.ts';
import { buildServer } from '../../server/app.ts';
import { testKeys, testRecords } from '../../testing/factories.ts';
import { CookieClient } from '../../testing/http-client.ts';
import { freshPostgresDatabase, testPostgresUrl } from '../../testing/postgres.ts';
import { openPostgresStore, type PostgresStore } from './postgres-store.ts';

// Several server processes on one PostgreSQL database: each here has its own store (its own pool of
// connections), as separate processes would.

const server = testPostgresUrl();
const keys = testKeys();
const SECRET = Buffer.from('0123456789abcdefghij');
const PASSWORD = 'a good long password';

describe('PostgreSQL shared by several processes', {
  skip: server ? false : 'no DAYLIGHT_TEST_PG_URL',
}, () => {
  let database: Awaited<ReturnType<typeof freshPostgresDatabase>>;
  const stores: PostgresStore[] = [];
  const open = async () => {
    const store = await openPostgresStore(database.url);
    stores.push(store);
    return store;
  };

  before(async () => {
    database = await freshPostgresDatabase(server as string);
    const store = await open();
    const records = Object.values(testRecords());
    const report = await importRecords(
      store,
      [{ file: 't', lines: records.map((value, i) => ({ line: i + 1, value })) }],
      { keys },
    );
    assert.equal(report.ok, true);
    await addUser(store, keys, {
      username: 'inv.park',
      role: 'investigator',
      password: PASSWORD,
      actor: 'admin',
      scrypt: { N: 2 ** 10, r: 8, p: 1 },
      totpSecret: SECRET,
    });
  });
  after(async () => {
    for (const store of stores) await store.close();
    await database.drop();
  });

  it('never lets two concurrent edits of the same version both succeed: one is refused as stale', async () => {
    const { act } = testRecords();
    const editors = await Promise.all([open(), open(), open(), open()]);
    for (let round = 0; round < 5; round++) {
      const version = (await editors[0]?.getRecord('A-1'))?.version as number;
      // Every editor read `version` and saves their own text at once.
      const reports = await Promise.all(
        editors.map((store, i) =>
          editRecords(store, { user: `inv.${i}`, role: 'investigator' }, keys, {
            file: 'edit',
            lines: [
              { line: 1, value: { ...act, version, description: { en: `round ${round} by editor ${i}` } } },
            ],
          }),
        ),
      );
      const won = reports.filter((r) => r.ok && r.edited === 1);
      const stale = reports.filter((r) => !r.ok && /version/.test(JSON.stringify(r.problems)));
      assert.equal(won.length, 1, `round ${round}: exactly one edit wins`);
      assert.equal(stale.length, editors.length - 1, `round ${round}: the others are told the version moved`);
      const stored = await editors[1]?.getRecord('A-1');
      assert.equal(stored?.version, version + 1);
      const winner = reports.indexOf(won[0] as (typeof reports)[number]);
      assert.equal(
        (stored as { description: { en: string } }).description.en,
        `round ${round} by editor ${winner}`,
      );
    }
    const versions = await editors[2]?.recordVersions('A-1');
    assert.deepEqual(
      versions?.map((v) => v.version),
      [1, 2, 3, 4, 5, 6],
    );
  });

  it('keeps one audit chain when processes append at the same time', async () => {
    const writers = await Promise.all([open(), open(), open()]);
    await Promise.all(
      writers.flatMap((store, i) =>
        Array.from({ length: 10 }, (_, n) =>
          store.appendAudit({ at: 'now', actor: `p${i}`, action: 'read', target: `${n}` }),
        ),
      ),
    );
    const seqs: number[] = [];
    for await (const entry of writers[0]?.auditEntries() ?? []) seqs.push(entry.seq);
    assert.deepEqual(
      seqs,
      seqs.map((_, i) => i + 1),
    );
  });

  it('shares a sign-in between two server processes, and a sign-out ends it on both', async () => {
    const clock = new Date('2026-11-27T09:00:00Z');
    const apps = await Promise.all(
      [await open(), await open()].map((store) => buildServer(store, { keys, now: () => clock })),
    );
    try {
      const [urlA, urlB] = await Promise.all(apps.map((app) => app.listen({ port: 0, host: '127.0.0.1' })));
      const onA = new CookieClient(urlA as string);
      const signedIn = await onA.signIn(
        'inv.park',
        PASSWORD,
        totp(SECRET, Math.floor(clock.getTime() / 1000)),
      );
      assert.equal(signedIn.status, 200);
      // The same browser reaches the other process (as behind a load balancer).
      const onB = new CookieClient(urlB as string);
      for (const [name, value] of onA.cookies) onB.cookies.set(name, value);
      assert.deepEqual(await onB.session(), { user: 'inv.park', role: 'investigator' });
      // Signed out on B (with B's CSRF token for the shared session): signed out on A too.
      assert.equal((await onB.post('/api/sign-out', {}, await onB.csrfToken())).status, 200);
      assert.equal((await onA.session()).role, 'public');
    } finally {
      await Promise.all(apps.map((app) => app.close()));
    }
  });
});
