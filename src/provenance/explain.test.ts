import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Viewer } from '../access/roles.ts';
import { totp } from '../access/totp.ts';
import { addUser } from '../accounts/add-user.ts';
import { CODES } from '../demo/demo-codes.ts';
import type { Act } from '../domain/act.ts';
import type { DaylightRecord } from '../domain/record.ts';
import { buildServer } from '../server/app.ts';
import { openSqliteStore, type SqliteStore } from '../store/sqlite/sqlite-store.ts';
import { importOrFail, tempDir, testKeys, testMeta, testRecords } from '../testing/factories.ts';
import { CookieClient } from '../testing/http-client.ts';
import { cliDatabase, runCli } from '../testing/run-cli.ts';
import { explainFigure } from './explain-figure.ts';

const keys = testKeys();
const coordinator: Viewer = { user: 'coord', role: 'coordinator' };
const analyst: Viewer = { user: 'ana', role: 'analyst' };

// Twelve acts of varied type, year, status and level; the expected members of each figure are
// computed here from the fixture's own fields, independently of the code under test.
function fixture(): { records: DaylightRecord[]; acts: Act[] } {
  const t = testRecords();
  const types = ['TORTURE-BEATING', 'TORTURE-PIGEON', 'FORCED-LABOUR', 'ARBITRARY-ARREST'];
  const acts: Act[] = Array.from({ length: 12 }, (_, i) => ({
    ...t.act,
    ...testMeta(`A-${i + 1}`),
    act_type: types[i % 4] as string,
    date: { from: String(2018 + (i % 3)) },
    status: i % 2 === 0 ? 'verified' : 'submitted',
    confidentiality: i % 5 === 4 ? 'restricted' : 'internal',
    victims: i % 3 === 0 ? ['P-1', 'P-2'] : ['P-1'],
    episode: undefined,
  }));
  const assessment = (id: string, at: string, fields: Record<string, string>) => ({
    type: 'assessment',
    ...testMeta(id),
    source: 'S-1',
    assessor: 'rev',
    at,
    reason: 'checked against two other interviews',
    ...fields,
  });
  const records = [
    t.organisation,
    t.facility,
    t.victim,
    t.guard,
    t.source,
    assessment('AS-1', '2025-01-01T00:00:00Z', { reliability: 'C' }),
    assessment('AS-2', '2025-06-01T00:00:00Z', { reliability: 'B' }),
    assessment('AS-3', '2025-06-01T00:00:00Z', { act: 'A-1', credibility: '2' }),
    ...acts,
  ] as DaylightRecord[];
  return { records, acts };
}

describe('explain: every figure traced to its acts and sources', () => {
  let store: SqliteStore;
  const dir = tempDir();
  const { records, acts } = fixture();
  before(async () => {
    store = openSqliteStore(join(dir.path, 'explain.db'));
    await importOrFail(store, records, keys);
  });
  after(async () => {
    await store.close();
    dir.remove();
  });

  it('returns exactly the acts counted, with sources and their latest assessments', async () => {
    const expected = acts
      .filter((a) => a.act_type.startsWith('TORTURE') && a.date?.from === '2018' && a.status === 'verified')
      .map((a) => a.id)
      .sort();
    assert.ok(expected.length >= 1);
    const explained = await explainFigure(store, coordinator, keys, {
      measure: 'acts',
      act_type: 'TORTURE',
      year: 2018,
      status: 'verified',
    });
    assert.equal(explained.value, expected.length);
    assert.deepEqual(explained.acts.map((a) => a.id).sort(), expected);
    assert.equal(explained.withheld, 0);
    const a1 = explained.acts.find((a) => a.id === 'A-1');
    assert.deepEqual(a1?.sources, [
      {
        id: 'S-1',
        kind: CODES.sourceType.interview,
        connection: CODES.connection.victim,
        reliability: 'B',
        credibility: '2',
        visible: true,
      },
    ]);
  });

  it("carries each act's standard of proof, and counts by standard", async () => {
    // Every act rests on one first-hand interview: credible, not reasonable grounds.
    const credible = await explainFigure(store, coordinator, keys, { measure: 'acts', standard: 'credible' });
    assert.equal(credible.value, 12);
    assert.deepEqual([...new Set(credible.acts.map((a) => a.standard))], ['credible']);
    assert.equal(credible.acts[0]?.independent_sources, 1);
    const strict = await explainFigure(store, coordinator, keys, {
      measure: 'acts',
      standard: 'reasonable-grounds',
    });
    assert.deepEqual([strict.value, strict.acts.length], [0, 0]);
    await assert.rejects(
      explainFigure(store, coordinator, keys, { measure: 'acts', standard: 'beyond-doubt' }),
      /standard: not a level/,
    );
  });

  it('counts distinct victims, not mentions', async () => {
    const all = await explainFigure(store, coordinator, keys, { measure: 'victims' });
    assert.equal(all.value, 2);
    assert.equal(all.acts.length, 12);
  });

  it('within what the caller may see: counted but unreadable acts are withheld, not listed', async () => {
    const explained = await explainFigure(store, analyst, keys, { measure: 'acts' });
    const restricted = acts.filter((a) => a.confidentiality === 'restricted').length;
    assert.equal(explained.value, 12, 'analysts count restricted acts');
    assert.equal(explained.acts.length, 12 - restricted);
    assert.equal(explained.withheld, restricted);
  });

  it('the API and the command line give the same answer', async () => {
    const app = await buildServer(store, { keys });
    const url = await app.listen({ port: 0, host: '127.0.0.1' });
    try {
      assert.equal(
        (await fetch(`${url}/api/explain?act_type=TORTURE`)).status,
        403,
        'the public signs in first',
      );
      const secret = Buffer.from('explain-test-secret!');
      await addUser(store, keys, {
        username: 'coord',
        role: 'coordinator',
        password: 'a long enough password',
        actor: 'test',
        totpSecret: secret,
        scrypt: { N: 2 ** 10, r: 8, p: 1 },
      });
      const client = new CookieClient(url);
      const code = totp(secret, Math.floor(Date.now() / 1000));
      assert.equal((await client.signIn('coord', 'a long enough password', code)).status, 200);
      const viaApi = (await (await client.get('/api/explain?act_type=TORTURE&year=2018')).json()) as {
        value: number;
      };
      const direct = await explainFigure(store, coordinator, keys, {
        measure: 'acts',
        act_type: 'TORTURE',
        year: 2018,
      });
      assert.equal(viaApi.value, direct.value);
      const bad = await client.get('/api/explain?year=eighteen');
      assert.equal(bad.status, 400);
      assert.equal(((await bad.json()) as { problems: { field: string }[] }).problems[0]?.field, 'year');
    } finally {
      await app.close();
    }
    const cliDb = cliDatabase(dir.path, records);
    const cli = runCli(['--db', cliDb, 'explain', '--act-type', 'TORTURE', '--year', '2018', '--json']);
    assert.equal(cli.status, 0, cli.stderr);
    const fromCli = JSON.parse(cli.stdout);
    const direct = await explainFigure(store, { user: 'x', role: 'admin' }, keys, {
      measure: 'acts',
      act_type: 'TORTURE',
      year: 2018,
    });
    assert.deepEqual(
      fromCli.acts.map((a: { id: string }) => a.id),
      direct.acts.map((a) => a.id),
    );
    const text = runCli(['--db', cliDb, 'explain', '--act-type', 'TORTURE', '--year', '2018']);
    assert.match(text.stdout, new RegExp(`^acts: act_type=TORTURE year=2018 = ${direct.value}\\n`));
    assert.equal(runCli(['--db', cliDb, 'explain', '--year', 'eighteen']).status, 2);
  });
});
