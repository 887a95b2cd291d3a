import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { PUBLIC_VIEWER, type Viewer } from '../access/roles.ts';
import { CODES } from '../demo/demo-codes.ts';
import type { Act } from '../domain/act.ts';
import type { DaylightRecord } from '../domain/record.ts';
import { importRecords } from '../interchange/import-records.ts';
import { countRecords } from '../records/count-records.ts';
import { readRecord } from '../records/read-record.ts';
import { searchRecords } from '../records/search-records.ts';
import { openSqliteStore, type SqliteStore } from '../store/sqlite/sqlite-store.ts';
import { tempDir, testKeys, testRecords } from '../testing/factories.ts';
import { cliDatabase, runCli } from '../testing/run-cli.ts';
import { changeConsent } from './change-consent.ts';
import { consentLedger } from './consent-ledger.ts';
import { exportReleased } from './release-records.ts';

// Two interviewees with different consent, a document, four acts:
//   A (interviewee of S-A: internal, publication, quotation, UN, be named) — victim of act 1
//   B (interviewee of S-B: internal, judicial only) — victim of act 3
//   X (never interviewed) — victim of act 2 (told by B) and act 4 (a document)
//   G (a guard, never interviewed) — perpetrator in act 1
// Act 3 rests on both interviews.
const keys = testKeys();
const NAMES = { A: '김하나', B: '이두리', X: '박세찌', G: '최경비' } as const;
const coordinator: Viewer = { user: 'coord', role: 'coordinator' };
const advocate: Viewer = { user: 'adv', role: 'advocate' };

function fixture(): DaylightRecord[] {
  const t = testRecords();
  const published = { confidentiality: 'public' as const, status: 'verified' as const };
  const person = (key: keyof typeof NAMES, code: string) => ({
    ...t.victim,
    ...published,
    id: `P-${key}`,
    code,
    names: [{ value: NAMES[key], form: 'HANGUL' as const }],
    roles: key === 'G' ? [CODES.role.perpetrator] : [CODES.role.victim],
  });
  const interview = (key: 'A' | 'B', scopes: string[]) => ({
    ...t.source,
    ...published,
    id: `S-${key}`,
    interviewee: `P-${key}`,
    consent: { scopes },
  });
  const { interviewee: _, consent: __, ...document } = { ...t.source, ...published, id: 'S-DOC' };
  const act = (id: string, victim: string, sources: string[], perpetrator?: string): Act => ({
    ...t.act,
    ...published,
    id,
    victims: [victim],
    perpetrators: perpetrator ? [{ person: perpetrator, involvement: CODES.involvement.carriedOut }] : [],
    episode: undefined,
    sources: sources.map((source) => ({ source, connection: CODES.connection.victim })),
  });
  return [
    { ...t.organisation, ...published },
    { ...t.facility, ...published },
    person('A', 'V-000001'),
    person('B', 'V-000002'),
    person('X', 'V-000003'),
    person('G', 'X-000004'),
    interview('A', ['INTERNAL-USE', 'ANONYMISED-PUBLICATION', 'QUOTATION', 'SHARE-UN', 'BE-NAMED']),
    interview('B', ['INTERNAL-USE', 'SHARE-JUDICIAL']),
    document,
    act('A-1', 'P-A', ['S-A'], 'P-G'),
    act('A-2', 'P-X', ['S-B']),
    act('A-3', 'P-B', ['S-A', 'S-B']),
    act('A-4', 'P-X', ['S-DOC']),
  ] as DaylightRecord[];
}

async function released(store: SqliteStore, viewer: Viewer, options: Parameters<typeof exportReleased>[3]) {
  const records: DaylightRecord[] = [];
  for await (const line of exportReleased(store, viewer, keys, options)) records.push(JSON.parse(line));
  return records;
}
const ids = (records: DaylightRecord[]) => records.map((r) => r.id).sort();
const byId = (records: DaylightRecord[], id: string) => records.find((r) => r.id === id);

describe('the consent ledger', () => {
  const interview = { id: 'S-1', interviewee: 'P-1', consent: { scopes: ['INTERNAL-USE', 'QUOTATION'] } };
  it('documents are not consent subjects; interviews without consent permit nothing', () => {
    const ledger = consentLedger([{ id: 'S-D' }, { id: 'S-0', interviewee: 'P-0' }, interview], []);
    assert.equal(ledger.permits('S-D', 'SHARE-UN'), true);
    assert.equal(ledger.permits('S-0', 'INTERNAL-USE'), false);
    assert.equal(ledger.permits('S-1', 'QUOTATION'), true);
    assert.equal(ledger.permits('S-1', 'SHARE-UN'), false);
    assert.equal(ledger.permits('S-unknown', 'INTERNAL-USE'), false);
  });
  it('applies changes in order of time, for all interviews or one, and honours withdrawn_at', () => {
    const second = { id: 'S-2', interviewee: 'P-1', consent: { scopes: ['QUOTATION', 'BE-NAMED'] } };
    const change = (
      id: string,
      at: string,
      kind: 'withdraw' | 'grant',
      scopes: string[],
      source?: string,
    ) => ({
      id,
      interviewee: 'P-1',
      source,
      change: kind,
      scopes,
      at,
    });
    const ledger = consentLedger(
      [interview, second],
      [
        // Listed out of order: the grant (later) must win over the withdrawal (earlier).
        change('c2', '2026-02-01T00:00:00Z', 'grant', ['QUOTATION'], 'S-1'),
        change('c1', '2026-01-01T00:00:00Z', 'withdraw', ['QUOTATION', 'BE-NAMED']),
      ],
    );
    assert.equal(ledger.permits('S-1', 'QUOTATION'), true);
    assert.equal(ledger.permits('S-2', 'QUOTATION'), false);
    assert.equal(ledger.mayName('P-1'), false);
    const withdrawn = consentLedger(
      [{ ...second, consent: { ...second.consent, withdrawn_at: '2026-01-01T00:00:00Z' } }],
      [],
    );
    assert.equal(withdrawn.permits('S-2', 'QUOTATION'), false);
    assert.equal(withdrawn.isInterviewee('P-1'), true);
  });
});

describe('consent on every output', () => {
  let store: SqliteStore;
  const dir = tempDir();
  before(async () => {
    store = openSqliteStore(join(dir.path, 'consent.db'));
    const report = await importRecords(
      store,
      [{ file: 't', lines: fixture().map((value, i) => ({ line: i + 1, value })) }],
      { keys },
    );
    assert.deepEqual(report.ok ? [] : report.problems, []);
  });
  after(async () => {
    await store.close();
    dir.remove();
  });

  it('an anonymised publication leaves out what consent does not cover, and names no one', async () => {
    const out = await released(store, advocate, { purpose: 'publication', anonymised: true });
    assert.deepEqual(ids(out), [
      'A-1',
      'A-3',
      'A-4',
      'F-TEST',
      'O-TEST',
      'P-A',
      'P-B',
      'P-G',
      'P-X',
      'S-A',
      'S-DOC',
    ]);
    assert.deepEqual(
      (byId(out, 'A-3') as Act).sources.map((s) => s.source),
      ['S-A'],
      'act 3 leaves citing only the interview whose consent covers publication',
    );
    const text = JSON.stringify(out);
    for (const name of Object.values(NAMES)) assert.equal(text.includes(name), false, 'a name left');
    assert.equal(text.includes('"interviewee"'), false, 'no link from testimony to interviewee');
    assert.equal(text.includes('investigator-1'), false, 'no staff names');

    // What leaves is a valid, self-contained dataset: it imports into an empty database.
    const copy = openSqliteStore(':memory:');
    const report = await importRecords(
      copy,
      [{ file: 'release', lines: out.map((value, i) => ({ line: i + 1, value })) }],
      {
        keys,
      },
    );
    await copy.close();
    assert.deepEqual(report.ok ? [] : report.problems, []);
  });

  it('a named release for a purpose names only interviewees who agreed to be named', async () => {
    const un = await released(store, coordinator, { purpose: 'un', anonymised: false });
    assert.deepEqual(
      ids(un).filter((id) => id.startsWith('A-')),
      ['A-1', 'A-3', 'A-4'],
    );
    const names = (id: string, records: DaylightRecord[]) => {
      const p = byId(records, id);
      return p?.type === 'person' ? p.names.map((n) => n.value) : undefined;
    };
    assert.deepEqual(names('P-A', un), [NAMES.A], 'A agreed to be named');
    assert.deepEqual(names('P-B', un), [], 'B did not');
    assert.deepEqual(names('P-G', un), [NAMES.G], 'a guard is no consent subject');

    const judicial = await released(store, coordinator, { purpose: 'judicial', anonymised: false });
    assert.deepEqual(
      ids(judicial).filter((id) => /^[APS]-/.test(id)),
      ['A-2', 'A-3', 'A-4', 'P-B', 'P-X', 'S-B', 'S-DOC'],
    );
    await assert.rejects(
      async () => released(store, advocate, { purpose: 'un', anonymised: false }),
      /may not export identifying/,
    );
  });

  it('a withdrawal takes effect at once on exports, the public view, counts and search', async () => {
    const publicCounts = await countRecords(store, PUBLIC_VIEWER);
    assert.equal(publicCounts.act, 3);
    assert.ok(await readRecord(store, PUBLIC_VIEWER, keys, 'A-1'));
    assert.equal(
      await readRecord(store, PUBLIC_VIEWER, keys, 'A-2'),
      undefined,
      'B never agreed to publication',
    );
    const searchActs = async () =>
      (await searchRecords(store, PUBLIC_VIEWER, keys, 'quarry', { limit: 50, type: 'act' }))
        .map((r) => r.id)
        .sort();
    assert.deepEqual(await searchActs(), ['A-1', 'A-3', 'A-4']);

    await changeConsent(store, coordinator, keys, {
      interviewee: 'P-A',
      change: 'withdraw',
      scopes: ['ANONYMISED-PUBLICATION'],
    });

    const out = await released(store, advocate, { purpose: 'publication', anonymised: true });
    assert.deepEqual(ids(out), ['A-4', 'F-TEST', 'O-TEST', 'P-X', 'S-DOC']);
    assert.equal(await readRecord(store, PUBLIC_VIEWER, keys, 'A-1'), undefined);
    assert.equal(await readRecord(store, PUBLIC_VIEWER, keys, 'P-A'), undefined);
    assert.equal((await countRecords(store, PUBLIC_VIEWER)).act, 1);
    assert.deepEqual(await searchActs(), ['A-4']);
    // Other purposes A still allows are untouched.
    const un = await released(store, coordinator, { purpose: 'un', anonymised: false });
    assert.ok(byId(un, 'A-1'));
    // Staff still read the records: consent governs what leaves, not the organisation's own files.
    assert.ok(await readRecord(store, coordinator, keys, 'A-1'));
  });

  it('publishes an act resting on an interview the public may not see, citing it by id only', async () => {
    const t = testRecords();
    const restricted = { confidentiality: 'restricted' as const, status: 'verified' as const };
    const person = {
      ...t.victim,
      ...restricted,
      id: 'P-R',
      code: 'V-000009',
      names: [{ value: '정비밀', form: 'HANGUL' }],
    };
    const interview = {
      ...t.source,
      ...restricted,
      id: 'S-R',
      interviewee: 'P-R',
      consent: { scopes: ['ANONYMISED-PUBLICATION'] },
    };
    const act = {
      ...t.act,
      confidentiality: 'public',
      status: 'verified',
      id: 'A-5',
      victims: ['P-R'],
      perpetrators: [],
      episode: undefined,
      sources: [{ source: 'S-R', connection: CODES.connection.victim }],
    };
    const report = await importRecords(
      store,
      [{ file: 'r', lines: [person, interview, act].map((value, i) => ({ line: i + 1, value })) }],
      { keys },
    );
    assert.deepEqual(report.ok ? [] : report.problems, []);
    const shown = await readRecord(store, PUBLIC_VIEWER, keys, 'A-5');
    assert.deepEqual(shown?.type === 'act' && [shown.victims, shown.sources.map((s) => s.source)], [
      ['P-R'],
      ['S-R'],
    ]);
    assert.equal(await readRecord(store, PUBLIC_VIEWER, keys, 'S-R'), undefined);
    assert.equal(await readRecord(store, PUBLIC_VIEWER, keys, 'P-R'), undefined);
    const out = await released(store, advocate, { purpose: 'publication', anonymised: true });
    assert.ok(byId(out, 'A-5'));
    assert.equal(byId(out, 'S-R') ?? byId(out, 'P-R'), undefined, 'restricted records stay in');
    assert.equal(JSON.stringify(out).includes('정비밀'), false);
  });

  it('the command line: withdraw and export, refusals with exit codes, nothing identifying printed', () => {
    // A database made by the command line, under the test passphrase.
    const db = cliDatabase(dir.path, fixture());
    const withdraw = runCli(['--db', db, 'consent', 'withdraw', 'P-A', '--scopes', 'SHARE-UN']);
    assert.equal(withdraw.status, 0, withdraw.stderr);
    const output = join(dir.path, 'un.jsonl');
    const named = runCli(['--db', db, 'export', '--purpose', 'un', '-o', output]);
    assert.equal(named.status, 0, named.stderr);
    const unRelease = readFileSync(output, 'utf8');
    assert.equal(unRelease.includes('"id":"A-1"'), false, 'A withdrew sharing with the UN');
    assert.equal(unRelease.includes('"id":"A-4"'), true);
    assert.equal(runCli(['--db', db, '--role', 'advocate', 'export', '--purpose', 'un']).status, 3);
    const anonymised = runCli(['--db', db, '--role', 'advocate', 'export', '--anonymised']);
    assert.equal(anonymised.status, 0, anonymised.stderr);
    for (const name of Object.values(NAMES)) assert.equal(anonymised.stdout.includes(name), false);
    assert.equal(runCli(['--db', db, 'consent', 'withdraw', 'P-X']).status, 2, 'X was never interviewed');
    assert.equal(runCli(['--db', db, 'consent', 'withdraw', 'P-A', '--scopes', 'EVERYTHING']).status, 2);
  });
});
