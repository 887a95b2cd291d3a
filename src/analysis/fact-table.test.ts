// The columns counts run over: the compiled filter against `actMatches` (the rule `explain` uses),
// the snapshot codec, and the snapshots kept in the database (stale never used; persons re-read
// only where they changed).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Person } from '../domain/person.ts';
import { actMatches, FigureQuery } from '../provenance/figure-query.ts';
import { editRecords } from '../review/edit-records.ts';
import { reviewRecord } from '../review/review-record.ts';
import { openSqliteStore } from '../store/sqlite/sqlite-store.ts';
import { importOrFail, tempDir, testKeys, testRecords } from '../testing/factories.ts';
import type { ActFact } from './act-fact.ts';
import { analysisData } from './analysis-data.ts';
import type { AnalysisContext, FacilityInfo, PersonInfo } from './dimensions.ts';
import { compileFilter } from './fact-filter.ts';
import { factAt } from './fact-table.ts';
import { FactTableBuilder, factTableOf } from './fact-table-builder.ts';
import { decodeFacts, encodeFacts } from './fact-table-codec.ts';
import { tabulate } from './statistics.ts';

/** A small deterministic generator (no dependence on Math.random). */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const TYPES = [
  'DETENTION',
  'TORTURE',
  'TORTURE-BEATING',
  'TORTURE-WATER',
  'FORCED-LABOUR',
  'ARBITRARY-ARREST',
];
const LAWS = ['CRIMINAL-CODE', 'REACTIONARY-IDEOLOGY-CULTURE-REJECTION-ACT'];
const NORMS = ['ICCPR-7', 'ICCPR-9', 'ICCPR-10'];
const FACILITIES: Record<string, FacilityInfo> = {
  'F-1': { type: 'KWANLISO', place: 'F-1', province: 'NORTH-HAMGYONG' },
  'F-2': { type: 'KYOHWASO', place: 'F-1' },
  'F-3': { type: 'JIPKYULSO', place: 'F-3', province: 'RYANGGANG' },
};
const PERSONS: Record<string, PersonInfo> = {
  'P-1': { sex: 'female', birthYear: 1990, province: 'NORTH-HAMGYONG' },
  'P-2': { sex: 'male', birthYear: 2005 },
  'P-3': {},
  'P-4': { sex: 'male', province: 'RYANGGANG' },
};

function randomFacts(n: number, seed: number): ActFact[] {
  const r = random(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)] as T;
  const some = <T>(xs: readonly T[]) => xs.filter(() => r() < 0.4);
  return Array.from({ length: n }, (_, i) => {
    const from = r() < 0.15 ? null : 2015 + Math.floor(r() * 10);
    return {
      id: `A-${i}`,
      act_type: pick(TYPES),
      year_from: from,
      year_to: from === null ? null : from + (r() < 0.2 ? 2 : 0),
      facility: r() < 0.2 ? null : pick(Object.keys(FACILITIES)),
      status: pick(['draft', 'submitted', 'verified']),
      confidentiality: pick(['public', 'internal', 'restricted']),
      victims: some(Object.keys(PERSONS)),
      perpetrators: r() < 0.3 ? [{ person: 'P-9', involvement: pick(['ORDERED', 'CARRIED-OUT']) }] : [],
      laws: some(LAWS),
      norms: some(NORMS),
      sources: [`S-${Math.floor(r() * 5)}`],
    };
  });
}

function contextOf(personIds: readonly string[]): AnalysisContext {
  return {
    facilities: new Map(Object.entries(FACILITIES)),
    units: Int32Array.from(personIds, (_, k) => k),
    unitCount: personIds.length,
    persons: personIds.map((id) => PERSONS[id]),
  };
}

describe('act facts as columns', () => {
  const facts = randomFacts(400, 7);
  const table = factTableOf(facts);

  it('gives back each act as it was added', () => {
    for (let i = 0; i < facts.length; i++) assert.deepEqual(factAt(table, i), facts[i]);
  });

  it('the compiled filter counts exactly the acts actMatches counts, for every filter and combinations', () => {
    const context = contextOf(table.personIds);
    const lookups = {
      facilityType: (id: string) => FACILITIES[id]?.type,
      facilityProvince: (id: string) => FACILITIES[id]?.province,
      person: (id: string) => PERSONS[id],
    };
    const single: Record<string, unknown>[] = [
      {},
      ...['DETENTION', 'TORTURE', 'TORTURE-WATER', 'ENFORCED-DISAPPEARANCE'].map((act_type) => ({
        act_type,
      })),
      { act_types: 'TORTURE,FORCED-LABOUR' },
      ...['F-1', 'F-2', 'F-9'].map((facility) => ({ facility })),
      ...['KWANLISO', 'JIPKYULSO', 'GURYUJANG-MSS'].map((facility_type) => ({ facility_type })),
      ...['NORTH-HAMGYONG', 'RYANGGANG', 'PYONGYANG'].map((province) => ({ province })),
      ...[2015, 2019, 2030].map((year) => ({ year })),
      ...[2014, 2020].map((after_year) => ({ after_year })),
      ...[...LAWS, 'YOUTH-EDUCATION-GUARANTEE-ACT'].map((law) => ({ law })),
      ...[...NORMS, 'ICCPR-14'].map((norm) => ({ norm })),
      ...['verified', 'draft', 'rejected'].map((status) => ({ status })),
      ...['female', 'male', 'unknown'].map((victim_sex) => ({ victim_sex })),
      ...['0-17', '18-29', '30-44', 'unknown'].map((victim_age_group) => ({ victim_age_group })),
      ...['NORTH-HAMGYONG', 'unknown'].map((victim_province) => ({ victim_province })),
    ];
    const r = random(11);
    const combined = Array.from({ length: 60 }, () =>
      Object.assign({}, ...single.filter(() => r() < 0.12)),
    ) as Record<string, unknown>[];
    let matchedSomewhere = 0;
    for (const raw of [...single, ...combined]) {
      const query = FigureQuery.parse(raw);
      const compiled = compileFilter(query, table, context);
      const expected = facts.map((f) => actMatches(f, query, lookups));
      const got = facts.map((_, i) => compiled.act?.(i) ?? true);
      assert.deepEqual(got, expected, JSON.stringify(raw));
      if (expected.some(Boolean) && !expected.every(Boolean)) matchedSomewhere++;
    }
    assert.ok(matchedSomewhere > 40, 'the filters tested do separate acts');
  });

  it('encodes and decodes a snapshot exactly, and refuses damaged bytes', () => {
    const units = Int32Array.from(table.personIds, (_, k) => k % 3);
    const bytes = encodeFacts({ table, units, unitCount: 3 });
    const back = decodeFacts(bytes);
    assert.deepEqual(back.table, table);
    assert.deepEqual(back.units, units);
    assert.equal(back.unitCount, 3);
    assert.throws(() => decodeFacts(bytes.subarray(0, bytes.length - 3)), /truncated/);
    assert.throws(() => decodeFacts(Buffer.concat([bytes, Buffer.from([0])])), /trailing/);
  });
});

describe('act facts read from the database', () => {
  const keys = testKeys();
  const base = testRecords();
  const { act: _act, episode: _episode, ...others } = base;
  const acts = Array.from({ length: 7 }, (_, i) => ({
    ...base.act,
    id: `A-${i + 1}`,
    episode: undefined,
    date: i === 2 ? undefined : { from: `${2015 + i}`, to: i === 4 ? '2021' : undefined },
    facility: i === 3 ? undefined : base.act.facility,
    norms: i % 2 === 0 ? ['ICCPR-7', 'ICCPR-10'] : [],
  }));
  const analyst = { user: 'analyst-1', role: 'analyst' as const };
  const bySex = async (store: ReturnType<typeof openSqliteStore>) =>
    (
      await tabulate(store, analyst, keys, {
        measure: 'victims',
        rows: 'victim_sex',
        filter: FigureQuery.parse({}),
        dating: 'first-year',
      })
    ).table;

  it('reads the projection in chunks of any size into the same columns', async () => {
    const store = openSqliteStore(':memory:');
    await importOrFail(store, [...Object.values(others), ...acts], keys);
    const read = async (rows?: number) => {
      const builder = new FactTableBuilder();
      for await (const chunk of store.actFacts(rows)) builder.addChunk(chunk);
      return builder.build();
    };
    const whole = await read();
    assert.equal(whole.size, 7);
    assert.deepEqual(await read(2), whole);
    assert.deepEqual(await read(1), whole);
    const third = factAt(whole, 2);
    assert.deepEqual([third.year_from, third.year_to], [null, null], 'undated');
    assert.equal(factAt(whole, 3).facility, null);
    assert.deepEqual([factAt(whole, 4).year_from, factAt(whole, 4).year_to], [2019, 2021]);
    assert.deepEqual(factAt(whole, 0).norms, ['ICCPR-7', 'ICCPR-10']);
  });

  it('after changes, updates the saved table rather than rebuilding it, and counts as a rebuild would', async () => {
    const dir = tempDir();
    try {
      const path = `${dir.path}/update.db`;
      const admin = { user: 'admin-1', role: 'admin' as const };
      const byType = async (store: ReturnType<typeof openSqliteStore>) =>
        (
          await tabulate(store, admin, keys, {
            measure: 'acts',
            rows: 'act_type',
            columns: 'status',
            filter: FigureQuery.parse({}),
            dating: 'first-year',
          })
        ).table;
      const first = openSqliteStore(path);
      await importOrFail(first, [...Object.values(others), ...acts], keys);
      const before = await byType(first);
      assert.equal(before.distinctTotal, 7);
      // Three changes: a new act, an act whose type is corrected, an act deleted.
      await importOrFail(first, [{ ...acts[0], id: 'A-8', act_type: 'TORTURE-WATER' }], keys);
      const version = async (id: string) =>
        ((await first.getRecord(id)) as unknown as { version: number }).version;
      const report = await editRecords(first, admin, keys, {
        file: 'edit.jsonl',
        lines: [
          { line: 1, value: { ...acts[1], act_type: 'TORTURE-BEATING', version: await version('A-2') } },
          {
            line: 2,
            value: {
              ...acts[2],
              version: await version('A-3'),
              deleted: { at: '2026-11-28T00:00:00Z', by: 'admin-1' },
            },
          },
        ],
      });
      assert.deepEqual(report.problems, []);
      // A review step changes an act's status (no new version).
      await reviewRecord(first, admin, keys, { id: 'A-4', action: 'submit' });
      const fromSnapshot = await byType(openSqliteStore(path));
      const saved = await first.analysisSnapshot('facts');
      const table = decodeFacts(saved?.data ?? new Uint8Array()).table;
      assert.equal(table.size, 10, 'seven rows, then the new act, the corrected one and the reviewed one');
      assert.deepEqual(
        [...(table.dead ?? [])].flatMap((d, i) => (d ? [table.ids[i]] : [])),
        ['A-2', 'A-3', 'A-4'],
      );
      const inMemory = await byType(first);
      const fresh = openSqliteStore(path);
      fresh.db.exec('DELETE FROM analysis_snapshots');
      const rebuilt = await byType(fresh);
      assert.equal(rebuilt.distinctTotal, 7, 'seven live acts: one added, one deleted');
      for (const t of [fromSnapshot, inMemory])
        assert.deepEqual(
          [t.rows, t.columns, t.cells, t.distinctTotal],
          [rebuilt.rows, rebuilt.columns, rebuilt.cells, rebuilt.distinctTotal],
        );
      assert.ok(rebuilt.rows.some((r) => r.key === 'TORTURE-BEATING'));
      assert.ok(
        rebuilt.columns.some((c) => c.key === 'submitted'),
        'the reviewed act counts as submitted',
      );
    } finally {
      dir.remove();
    }
  });

  it('saves the columns and persons, uses them only for the state they reflect, and re-reads what changed', async () => {
    const dir = tempDir();
    try {
      const path = `${dir.path}/snap.db`;
      const first = openSqliteStore(path);
      await importOrFail(first, [...Object.values(others), ...acts], keys);
      const before = await bySex(first);
      const facts = await first.analysisSnapshot('facts');
      assert.equal(
        facts?.mark,
        await first.changeMark(),
        'the columns are saved with the state they reflect',
      );
      const persons = await first.analysisSnapshot('persons');
      assert.ok(persons);
      const text = Buffer.from(persons.data).toString('utf8');
      assert.ok(text.startsWith('enc:v1:'), "persons' attributes are sealed");
      assert.ok(!text.includes('male'), 'no attribute in clear');
      const ofFacts = await first.analysisSnapshot('persons-of-facts');
      assert.equal(ofFacts?.mark, facts?.mark);
      assert.ok(
        Buffer.from(ofFacts?.data ?? [])
          .toString('utf8')
          .startsWith('enc:v1:'),
      );

      // Another process opens the same database: it reads the snapshot and counts the same.
      const second = openSqliteStore(path);
      assert.deepEqual((await bySex(second)).cells, before.cells);
      assert.deepEqual((await analysisData(second)).table, (await analysisData(first)).table);

      // An edit to the victim: the counts follow (the snapshot of that state is not used).
      const victim = (await second.getRecord(base.victim.id)) as unknown as { version: number };
      const edited: Person = { ...base.victim, sex: base.victim.sex === 'female' ? 'male' : 'female' };
      const report = await editRecords(second, { user: 'admin-1', role: 'admin' }, keys, {
        file: 'edit.jsonl',
        lines: [{ line: 1, value: { ...edited, version: victim.version } }],
      });
      assert.deepEqual(report.problems, []);
      const after = await bySex(openSqliteStore(path));
      assert.deepEqual(
        after.rows.map((r) => r.key),
        [edited.sex],
        'the edited sex is counted, not the saved one',
      );
      assert.notDeepEqual(after.rows, before.rows);
    } finally {
      dir.remove();
    }
  });
});
