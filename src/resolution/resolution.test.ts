// Issue 5 in the database: person records linked into individuals, reviewers' merge and split
// decisions kept and honoured by every run, and the counts that use individuals.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { AccessDenied } from '../access/authorize.ts';
import { CODES } from '../demo/demo-codes.ts';
import type { Act } from '../domain/act.ts';
import type { Person } from '../domain/person.ts';
import type { Source } from '../domain/source.ts';
import { evidentiaryStatuses } from '../proof/evidentiary-statuses.ts';
import { explainFigure } from '../provenance/explain-figure.ts';
import { FigureQuery } from '../provenance/figure-query.ts';
import { openSqliteStore, type SqliteStore } from '../store/sqlite/sqlite-store.ts';
import { importOrFail, tempDir, testKeys, testRecords } from '../testing/factories.ts';
import { cliDatabase, runCli } from '../testing/run-cli.ts';
import { decideLink, LinkDecisionRefused, revokeLinkDecision } from './decide-link.ts';
import { linkQueue } from './link-queue.ts';
import { resolvePersons } from './resolve-persons.ts';

const keys = testKeys();
const reviewer = { user: 'reviewer-1', role: 'reviewer' as const };
const coordinator = { user: 'coord-1', role: 'coordinator' as const };

// Fictional names: distinct people for the engine to learn from, and one survivor recorded twice.
const SURNAMES = [
  ['김', 'Kim'],
  ['박', 'Pak'],
  ['최', 'Choe'],
  ['강', 'Kang'],
  ['조', 'Jo'],
  ['한', 'Han'],
  ['윤', 'Yun'],
  ['송', 'Song'],
] as const;
const GIVEN = [
  ['명철', 'Myong Chol'],
  ['순희', 'Sun Hui'],
  ['광수', 'Kwang Su'],
  ['은정', 'Un Jong'],
  ['혁', 'Hyok'],
  ['경애', 'Kyong Ae'],
  ['정남', 'Jong Nam'],
] as const;

function records() {
  const base = testRecords();
  const persons: Person[] = [];
  const sources: Source[] = [];
  const acts: Act[] = [];
  let n = 10;
  for (const [sk, sr] of SURNAMES)
    for (const [gk, gr] of GIVEN) {
      n++;
      const id = `P-${n}`;
      persons.push({
        ...base.victim,
        id,
        code: `V-0000${n}`,
        names: [
          { value: sk + gk, form: 'HANGUL' },
          { value: `${sr} ${gr}`, form: 'ROMANIZED-DPRK' },
        ],
        sex: n % 2 === 0 ? 'female' : 'male',
        birth: { from: String(1950 + (n % 40)) },
      });
      sources.push({ ...base.source, id: `S-${n}`, interviewee: id });
      acts.push({
        ...base.act,
        id: `A-${n}`,
        victims: [id],
        perpetrators: [],
        episode: undefined,
        sources: [{ source: `S-${n}`, connection: CODES.connection.victim }],
      });
    }
  // The survivor of the fixture (P-1, "리영호 / Ri Yong Ho", b. 1975, male), interviewed again by
  // another programme and recorded as a new person: the South's spelling and a passport spelling.
  const again: Person = {
    ...base.victim,
    id: 'P-3',
    code: 'V-000003',
    names: [
      { value: '이영호', form: 'HANGUL' },
      { value: 'Lee Young-ho', form: 'ROMANIZED-OTHER' },
    ],
  };
  const secondInterview: Source = {
    ...base.source,
    id: 'S-2',
    interviewee: 'P-3',
    date: { from: '2025-01-10' },
  };
  const episode2 = { ...base.episode, id: 'E-2', person: 'P-3', sources: ['S-2'] };
  // One act told by both interviews: two sources, but one individual.
  const both: Act = {
    ...base.act,
    id: 'A-2',
    victims: ['P-3'],
    perpetrators: [],
    episode: 'E-2',
    sources: [
      { source: 'S-1', connection: CODES.connection.victim },
      { source: 'S-2', connection: CODES.connection.victim },
    ],
  };
  return [...Object.values(base), again, secondInterview, episode2, both, ...persons, ...sources, ...acts];
}

const forcedLabourVictims = FigureQuery.parse({ measure: 'victims', act_types: CODES.act.forcedLabour });
const independentOfA2 = async (store: SqliteStore) => {
  for await (const status of evidentiaryStatuses(store, keys, { only: ['A-2'] })) return status.independent;
  return undefined;
};

describe('resolution of persons in the database', () => {
  let store: SqliteStore;
  before(async () => {
    store = openSqliteStore(':memory:');
    await importOrFail(store, records(), keys);
  });
  after(async () => store.close());

  it('before any run, every person record counts as someone', async () => {
    const figure = await explainFigure(store, coordinator, keys, forcedLabourVictims);
    assert.equal(figure.value, 2 + SURNAMES.length * GIVEN.length);
    assert.equal(await independentOfA2(store), 2);
  });

  it('links the two records of one survivor, and counts individuals from then on', async () => {
    const summary = await resolvePersons(store, reviewer, keys);
    assert.equal(summary.mentions, 3 + SURNAMES.length * GIVEN.length);
    const clusters = (await store.resolution('person'))?.clusters;
    assert.equal(clusters?.get('P-1'), clusters?.get('P-3'));
    assert.notEqual(clusters?.get('P-1'), clusters?.get('P-2'));
    const others = new Set(
      Array.from({ length: SURNAMES.length * GIVEN.length }, (_, i) => clusters?.get(`P-${11 + i}`)),
    );
    assert.equal(others.size, SURNAMES.length * GIVEN.length, 'different people stay apart');
    const figure = await explainFigure(store, coordinator, keys, forcedLabourVictims);
    assert.equal(figure.value, 1 + SURNAMES.length * GIVEN.length);
    // Two interviews of one individual are not independent sources.
    assert.equal(await independentOfA2(store), 1);
  });

  it('a split is kept by every later run, and revoking it restores the link', async () => {
    const split = await decideLink(store, reviewer, keys, {
      kind: 'person',
      a: 'P-3',
      b: 'P-1',
      decision: 'split',
      note: 'different fathers',
    });
    await resolvePersons(store, reviewer, keys);
    let clusters = (await store.resolution('person'))?.clusters;
    assert.notEqual(clusters?.get('P-1'), clusters?.get('P-3'));
    await resolvePersons(store, reviewer, keys);
    clusters = (await store.resolution('person'))?.clusters;
    assert.notEqual(clusters?.get('P-1'), clusters?.get('P-3'), 'still split on a re-run');
    await revokeLinkDecision(store, reviewer, { kind: 'person', seq: split });
    await resolvePersons(store, reviewer, keys);
    clusters = (await store.resolution('person'))?.clusters;
    assert.equal(clusters?.get('P-1'), clusters?.get('P-3'));
    await assert.rejects(
      revokeLinkDecision(store, reviewer, { kind: 'person', seq: split }),
      LinkDecisionRefused,
    );
  });

  it('a merge joins what the model keeps apart', async () => {
    await decideLink(store, coordinator, keys, { kind: 'person', a: 'P-11', b: 'P-12', decision: 'merge' });
    await resolvePersons(store, coordinator, keys);
    const clusters = (await store.resolution('person'))?.clusters;
    assert.equal(clusters?.get('P-11'), clusters?.get('P-12'));
  });

  it('decisions are append-only, audited, and need the right', async () => {
    assert.throws(() => store.db.exec("UPDATE link_decisions SET decision = 'merge'"), /append-only/);
    assert.throws(() => store.db.exec('DELETE FROM link_decisions'), /append-only/);
    const actions: string[] = [];
    for await (const entry of store.auditEntries()) actions.push(entry.action);
    assert.ok(
      ['link-split', 'link-revoke', 'link-merge', 'resolve-persons'].every((a) => actions.includes(a)),
    );
    const investigator = { user: 'inv', role: 'investigator' as const };
    await assert.rejects(
      decideLink(store, investigator, keys, { kind: 'person', a: 'P-1', b: 'P-2', decision: 'merge' }),
      AccessDenied,
    );
    await assert.rejects(resolvePersons(store, { user: 'a', role: 'analyst' }, keys), AccessDenied);
    await assert.rejects(
      decideLink(store, reviewer, keys, { kind: 'person', a: 'P-1', b: 'P-1', decision: 'merge' }),
      LinkDecisionRefused,
    );
    await assert.rejects(
      decideLink(store, reviewer, keys, { kind: 'person', a: 'P-1', b: 'S-1', decision: 'merge' }),
      LinkDecisionRefused,
    );
  });

  it('the review queue lists undecided pairs by id and code, with field weights and no names', async () => {
    const queue = await linkQueue(store, reviewer, 'person');
    const text = JSON.stringify(queue);
    for (const name of ['리영호', '이영호', 'Ri Yong Ho', 'Lee Young-ho']) assert.ok(!text.includes(name));
    for (const pair of queue.pairs) {
      assert.ok(pair.probability >= 0.3 && pair.probability < 0.8, String(pair.probability));
      assert.ok(Array.isArray((pair.explanation as { fields: unknown[] }).fields));
    }
  });
});

describe('daylight resolve', () => {
  const dir = tempDir();
  after(() => dir.remove());

  it('runs, lists, decides and revokes through the real command, printing no names', () => {
    const db = cliDatabase(dir.path, records());
    const as = (role: string, ...args: string[]) =>
      runCli(['--db', db, '--role', role, '--actor', `${role}-1`, ...args]);
    const run = as('reviewer', 'resolve', 'run', '--json');
    assert.equal(run.status, 0, run.stderr);
    const [persons, places] = run.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    assert.equal(persons.individuals, persons.mentions - 1);
    assert.equal(places.records, 1);
    const split = as('reviewer', 'resolve', 'split', 'P-1', 'P-3', '--note', 'not the same');
    assert.equal(split.status, 0, split.stderr);
    const seq = /decision (\d+)/.exec(split.stdout)?.[1];
    assert.match(
      as('reviewer', 'resolve', 'decisions').stdout,
      new RegExp(`^${seq}\tsplit\tP-1\tP-3\treviewer-1`, 'm'),
    );
    assert.equal(as('reviewer', 'resolve', 'revoke', String(seq)).status, 0);
    const outputs = [run, split, as('reviewer', 'resolve', 'queue', '--json')]
      .map((r) => r.stdout + r.stderr)
      .join('');
    for (const name of ['리영호', '이영호', 'Ri Yong Ho', 'Lee Young-ho', 'not the same'])
      assert.ok(!outputs.includes(name), name);
    assert.equal(as('reviewer', 'resolve', 'queue', '--kind', 'place').status, 2);
    assert.equal(as('investigator', 'resolve', 'merge', 'P-1', 'P-2').status, 3);
    assert.equal(as('reviewer', 'resolve', 'merge', 'P-1', 'P-404').status, 2);
  });
});
