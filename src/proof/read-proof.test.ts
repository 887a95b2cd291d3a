import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Act } from '../domain/act.ts';
import type { Assessment } from '../domain/assessment.ts';
import type { Person } from '../domain/person.ts';
import type { DaylightRecord } from '../domain/record.ts';
import type { Source } from '../domain/source.ts';
import { importRecords } from '../interchange/import-records.ts';
import { openSqliteStore } from '../store/sqlite/sqlite-store.ts';
import { tempDir, testKeys, testMeta, testRecords } from '../testing/factories.ts';
import { runCli } from '../testing/run-cli.ts';
import { evidentiaryStatuses, summariseStatuses } from './evidentiary-statuses.ts';
import { readProof } from './read-proof.ts';
import { defaultProofRules } from './standards-of-proof.ts';

/** A small linked fixture with one act at each default level and one contradicted act. */
function proofFixture(): DaylightRecord[] {
  const f = testRecords();
  const witness: Person = {
    ...f.victim,
    ...testMeta('P-3'),
    code: 'W-000003',
    names: [{ value: '김영희', form: 'HANGUL' }],
  };
  const secondInterview: Source = {
    ...f.source,
    ...testMeta('S-2'),
    interviewee: 'P-3',
    date: { from: '2024-07-09' },
  };
  const { interviewee: _, interviewer: __, consent: ___, ...rest } = f.source;
  const document: Source = { ...rest, ...testMeta('S-3'), kind: 'OFFICIAL-DOCUMENT', summary: undefined };
  const act = (id: string, sources: Act['sources'], fields: Partial<Act> = {}): Act => ({
    ...f.act,
    ...testMeta(id),
    sources,
    ...fields,
  });
  const reliability: Assessment = {
    type: 'assessment',
    ...testMeta('AS-1'),
    source: 'S-3',
    reliability: 'B',
    assessor: 'reviewer-1',
    at: '2025-03-02T10:00:00.000Z',
    reason: 'Authenticated against two other documents of the same office',
  };
  return [
    f.organisation,
    f.facility,
    f.victim,
    f.guard,
    witness,
    f.source,
    secondInterview,
    document,
    f.episode,
    reliability,
    act('A-1', [
      { source: 'S-1', connection: 'VICTIM' },
      { source: 'S-3', connection: 'DOCUMENT' },
    ]),
    act('A-2', [{ source: 'S-1', connection: 'VICTIM' }]),
    act('A-3', [{ source: 'S-2', connection: 'HEARSAY-FROM-VICTIM' }]),
    act('A-4', [
      { source: 'S-1', connection: 'VICTIM' },
      { source: 'S-2', connection: 'EYEWITNESS', account: { date: { from: '2010' } } },
    ]),
    act('A-5', [{ source: 'S-1', connection: 'VICTIM' }], { confidentiality: 'restricted' }),
  ];
}

describe('evidentiary status read from the store', () => {
  const dir = tempDir();
  const db = join(dir.path, 'proof.db');
  const file = join(dir.path, 'proof.jsonl');

  before(() => {
    writeFileSync(
      file,
      `${proofFixture()
        .map((r) => JSON.stringify(r))
        .join('\n')}\n`,
    );
    const imported = runCli(['--db', db, 'import', file]);
    assert.equal(imported.status, 0, imported.stderr);
  });
  after(() => dir.remove());

  it('reads acts, sources and assessments once and classifies every act', async () => {
    const store = openSqliteStore(':memory:');
    const report = await importRecords(
      store,
      [{ file: 'fixture', lines: proofFixture().map((value, i) => ({ line: i + 1, value })) }],
      { keys: testKeys() },
    );
    assert.deepEqual(report.problems, []);
    const statuses = [];
    for await (const s of evidentiaryStatuses(store, testKeys())) statuses.push(s);
    assert.deepEqual(
      statuses.map((s) => [s.act, s.level, s.independent, s.firstHand, s.contradicted]),
      [
        ['A-1', 'reasonable-grounds', 2, 2, false],
        ['A-2', 'credible', 1, 1, false],
        ['A-3', 'uncorroborated', 1, 0, false],
        ['A-4', 'credible', 2, 2, true],
        ['A-5', 'credible', 1, 1, false],
      ],
    );
    const summary = await summariseStatuses(evidentiaryStatuses(store, testKeys()));
    assert.deepEqual(summary, {
      acts: 5,
      levels: { 'reasonable-grounds': 1, credible: 3, uncorroborated: 1 },
      contradicted: { date: 1 },
    });
    const viewer = { user: 'analyst-1', role: 'analyst' as const };
    assert.equal(
      await readProof(store, viewer, testKeys(), 'A-5'),
      undefined,
      'restricted act hidden from an analyst',
    );
    assert.equal((await readProof(store, viewer, testKeys(), 'A-4', defaultProofRules()))?.level, 'credible');
    assert.equal(await readProof(store, viewer, testKeys(), 'S-1'), undefined, 'not an act');
    await store.close();
  });

  it('`daylight proof ACT` prints clusters, level and contradictions by id and code only', () => {
    const result = runCli(['--db', db, 'proof', 'A-4']);
    assert.equal(result.status, 0, result.stderr);
    assert.equal(
      result.stdout,
      [
        'act A-4: credible (Credible, not yet corroborated to the standard) under rules default',
        'independent source clusters: 2, first-hand: 2',
        '  1. S-1 VICTIM (first-hand)',
        '  2. S-2 EYEWITNESS (first-hand)',
        'contradictions: 1 (unresolved: the act is flagged for review)',
        '  date: S-2 vs the act as coded',
        '',
      ].join('\n'),
    );
    assert.doesNotMatch(result.stdout + result.stderr, /리영호|김영희|quarry|Ri Yong/);
    const json = JSON.parse(runCli(['--db', db, 'proof', 'A-1', '--json']).stdout);
    assert.equal(json.level, 'reasonable-grounds');
  });

  it('`daylight proof` without an act counts per level; refuses what the role may not read', () => {
    const summary = runCli(['--db', db, 'proof']);
    assert.equal(summary.status, 0, summary.stderr);
    assert.match(
      summary.stdout,
      /^acts: 5 \(rules default\)\nreasonable-grounds\t1\ncredible\t3\nuncorroborated\t1\ncontradicted date\t1\n$/,
    );
    const hidden = runCli(['--db', db, '--role', 'analyst', 'proof', 'A-5']);
    assert.equal(hidden.status, 1);
    assert.match(hidden.stderr, /no act with id "A-5"/);
    const analystSummary = runCli(['--db', db, '--role', 'viewer', 'proof', '--json']);
    assert.equal(JSON.parse(analystSummary.stdout).acts, 4, 'a viewer counts internal acts only');
  });

  it("takes an organisation's rules file, and names file, line and field when it is wrong", () => {
    const rules = {
      ...defaultProofRules(),
      id: 'org',
      levels: [{ code: 'any', en: 'Any', any_of: [{}], allows_contradiction: true }],
    };
    const good = join(dir.path, 'org-rules.json');
    writeFileSync(good, JSON.stringify(rules, null, 2));
    assert.match(
      runCli(['--db', db, 'proof', 'A-1', '--rules', good]).stdout,
      /^act A-1: any \(Any\) under rules org/,
    );
    const bad = join(dir.path, 'bad-rules.json');
    writeFileSync(bad, JSON.stringify({ ...rules, first_hand: ['WITNESS'] }, null, 2));
    const refused = runCli(['--db', db, 'proof', 'A-1', '--rules', bad]);
    assert.equal(refused.status, 2);
    assert.match(
      refused.stderr,
      /bad-rules\.json:\d+: first_hand\.0: not a code of the source-connections vocabulary/,
    );
  });
});
