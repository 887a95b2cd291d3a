// Issue 7: every kind of count against answers computed by hand on a small built dataset, with a
// ranged date, one survivor recorded twice, unverified acts and an undated act.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { AccessDenied } from '../access/authorize.ts';
import type { Act } from '../domain/act.ts';
import type { Facility } from '../domain/facility.ts';
import type { Person } from '../domain/person.ts';
import type { Source } from '../domain/source.ts';
import { FigureQuery } from '../provenance/figure-query.ts';
import { openSqliteStore, type SqliteStore } from '../store/sqlite/sqlite-store.ts';
import { importOrFail, testKeys, testRecords } from '../testing/factories.ts';
import type { CrossTab, CrossTabRequest } from './cross-tab.ts';
import { checkSmallCells } from './disclosure/index.ts';
import { perpetratorDossier } from './perpetrator-dossier.ts';
import { clopperPearson } from './rate-ratio.ts';
import { facilityMapSvg, tableChart } from './render-charts.ts';
import { tabulate, trendOf } from './statistics.ts';

const keys = testKeys();
const analyst = { user: 'analyst-1', role: 'analyst' as const };
const all = FigureQuery.parse({});

function dataset() {
  const base = testRecords();
  const camp: Facility = {
    ...base.facility,
    id: 'F-2',
    name: { en: 'Political prison camp No. 16' },
    aliases: [],
    facility_type: 'KWANLISO',
    location: { province: 'NORTH-HAMGYONG' },
  };
  const p1: Person = { ...base.victim, origin: { province: 'NORTH-HAMGYONG' } };
  // P-3 is P-1 again, recorded from another interview (the resolution says so).
  const p3: Person = { ...p1, id: 'P-3', code: 'V-000003' };
  const p4: Person = {
    ...base.victim,
    id: 'P-4',
    code: 'V-000004',
    sex: 'female',
    birth: { from: '2005' },
    origin: undefined,
  };
  const source = (id: string, interviewee: string): Source => ({ ...base.source, id, interviewee });
  const act = (id: string, fields: Partial<Act>): Act => ({
    ...base.act,
    id,
    episode: undefined,
    perpetrators: [],
    norms: [],
    legal_basis: [],
    ...fields,
  });
  const src = (...ids: string[]) =>
    ids.map((source) => ({ source, connection: base.act.sources[0]?.connection as string }));
  const acts = [
    act('A-1', {
      act_type: 'FORCED-LABOUR',
      date: { from: '2019', to: '2020' },
      victims: ['P-1'],
      norms: ['ICCPR-10'],
      perpetrators: base.act.perpetrators,
      sources: src('S-1'),
    }),
    act('A-2', {
      act_type: 'TORTURE-BEATING',
      date: { from: '2019-05' },
      victims: ['P-3'],
      status: 'verified',
      legal_basis: [{ law: 'CRIMINAL-CODE' }],
      sources: src('S-2'),
    }),
    act('A-3', {
      act_type: 'TORTURE-WATER',
      date: { from: '2021-02-03' },
      facility: 'F-2',
      victims: ['P-1', 'P-4'],
      status: 'verified',
      legal_basis: [{ law: 'REACTIONARY-IDEOLOGY-CULTURE-REJECTION-ACT' }],
      norms: ['ICCPR-7', 'ICCPR-10'],
      sources: src('S-2', 'S-3'),
    }),
    act('A-4', {
      act_type: 'DETENTION',
      date: undefined,
      facility: undefined,
      victims: ['P-4'],
      sources: src('S-3'),
    }),
  ];
  const { act: _, episode: __, victim: ___, source: s1, ...rest } = base;
  return [...Object.values(rest), camp, p1, p3, p4, s1, source('S-2', 'P-3'), source('S-3', 'P-4'), ...acts];
}

/** A table as { row: { column: count } } for readable comparisons. */
const grid = (t: CrossTab) =>
  Object.fromEntries(
    t.rows.map((r, i) => [r.key, Object.fromEntries(t.columns.map((c, j) => [c.key, t.cells[i]?.[j]]))]),
  );
const oneWay = (t: CrossTab) => Object.fromEntries(t.rows.map((r, i) => [r.key, t.cells[i]?.[0]]));

describe('counts (issue 7)', () => {
  let store: SqliteStore;
  const table = async (request: Partial<CrossTabRequest>, basis?: 'documented' | 'verified') =>
    (
      await tabulate(
        store,
        analyst,
        keys,
        { measure: 'acts', rows: 'year', filter: all, dating: 'first-year', ...request },
        { basis },
      )
    ).table;
  before(async () => {
    store = openSqliteStore(':memory:');
    await importOrFail(store, dataset(), keys);
    await store.saveResolution({
      kind: 'person',
      ran_at: '2026-01-01T00:00:00.000Z',
      actor: 'test',
      summary: '{}',
      clusters: [
        ['P-1', 'P-1'],
        ['P-3', 'P-1'],
        ['P-4', 'P-4'],
        ['P-2', 'P-2'],
      ],
      reviewPairs: [],
    });
  });

  it('acts by top-level act type and year: a ranged act once, in its first year; undated kept apart', async () => {
    const t = await table({ rows: 'act_type_top', columns: 'year' });
    assert.deepEqual(grid(t), {
      DETENTION: { 2019: 0, 2021: 0, undated: 1 },
      'FORCED-LABOUR': { 2019: 1, 2021: 0, undated: 0 },
      TORTURE: { 2019: 1, 2021: 1, undated: 0 },
    });
    assert.equal(t.distinctTotal, 4);
    assert.equal(t.rangedActs, 1);
    assert.equal(t.additive, true);
    assert.deepEqual(oneWay(await table({ dating: 'exact-only' })), {
      2019: 1,
      2021: 1,
      'several-years': 1,
      undated: 1,
    });
  });

  it('acts by the type as coded, by facility type and province', async () => {
    assert.deepEqual(oneWay(await table({ rows: 'act_type' })), {
      DETENTION: 1,
      'FORCED-LABOUR': 1,
      'TORTURE-BEATING': 1,
      'TORTURE-WATER': 1,
    });
    assert.deepEqual(oneWay(await table({ rows: 'facility_type' })), {
      KWANLISO: 1,
      KYOHWASO: 2,
      unknown: 1,
    });
    assert.deepEqual(oneWay(await table({ rows: 'province' })), { 'NORTH-HAMGYONG': 3, unknown: 1 });
  });

  it('victims are individuals: one survivor recorded twice counts once', async () => {
    const t = await table({ measure: 'victims' });
    assert.deepEqual(oneWay(t), { 2019: 1, 2021: 2, undated: 1 });
    assert.equal(t.distinctTotal, 2);
    assert.equal(t.additive, false, 'one victim in several years: cells do not add up to the total');
    assert.deepEqual(oneWay(await table({ measure: 'victims', rows: 'victim_sex' })), { female: 1, male: 1 });
    // Ages at the time of each act: born 1975 → 44 in 2019, 46 in 2021; born 2005 → 16 in 2021.
    assert.deepEqual(oneWay(await table({ measure: 'victims', rows: 'victim_age_group' })), {
      '0-17': 1,
      '30-44': 1,
      '45-59': 1,
      unknown: 1,
    });
    assert.deepEqual(oneWay(await table({ measure: 'victims', rows: 'victim_province' })), {
      'NORTH-HAMGYONG': 1,
      unknown: 1,
    });
    const women = await table({ measure: 'victims', filter: FigureQuery.parse({ victim_sex: 'female' }) });
    assert.deepEqual(oneWay(women), { 2021: 1, undated: 1 });
  });

  it('laws and norms: an act counts once under each it engages', async () => {
    const norms = await table({ rows: 'norm' });
    assert.deepEqual(oneWay(norms), { 'ICCPR-10': 2, 'ICCPR-7': 1, none: 2 });
    assert.equal(norms.additive, false);
    assert.deepEqual(oneWay(await table({ rows: 'law' })), {
      'CRIMINAL-CODE': 1,
      'REACTIONARY-IDEOLOGY-CULTURE-REJECTION-ACT': 1,
      none: 2,
    });
  });

  it('perpetrators and facilities are counted as distinct individuals and places', async () => {
    assert.deepEqual(oneWay(await table({ measure: 'perpetrators', rows: 'act_type_top' })), {
      'FORCED-LABOUR': 1,
    });
    assert.deepEqual(oneWay(await table({ measure: 'facilities', rows: 'facility_type' })), {
      KWANLISO: 1,
      KYOHWASO: 1,
    });
  });

  it('labels by evidence: documented, verified, review status', async () => {
    assert.deepEqual(oneWay(await table({}, 'verified')), { 2019: 1, 2021: 1 });
    assert.deepEqual(oneWay(await table({ rows: 'status' })), { draft: 2, verified: 2 });
    const byStandard = await table({ rows: 'standard' });
    assert.equal(byStandard.distinctTotal, 4);
    assert.ok(
      byStandard.rows.every((r) => r.key !== 'unknown'),
      'every act has a level',
    );
  });

  it('a trend across a break year, per documenting testimony, with an exact interval', async () => {
    const t = await trendOf(store, analyst, keys, {
      measure: 'acts',
      filter: FigureQuery.parse({ act_type: 'TORTURE' }),
      dating: 'first-year',
      breakYear: 2020,
    });
    // 2019: A-2 of the testimonies S-1, S-2 telling of 2019; 2021: A-3 of S-2, S-3.
    assert.deepEqual(
      t.years.map((y) => [y.year, y.count, y.documented_by, y.rate]),
      [
        [2019, 1, 2, 0.5],
        [2021, 1, 2, 0.5],
      ],
    );
    assert.equal(t.change?.ratio, 1);
    // One of two events after the break: Clopper–Pearson for 1/2 has closed forms 1 − √0.975 and √0.975.
    const [pl, pu] = [1 - Math.sqrt(0.975), Math.sqrt(0.975)];
    assert.ok(Math.abs((t.change?.interval[0] ?? 0) - pl / (1 - pl)) < 1e-9);
    assert.ok(Math.abs((t.change?.interval[1] ?? 0) - pu / (1 - pu)) < 1e-6);
    assert.equal(t.change?.beyondEffort, 'no');
  });

  it('the exact interval matches published Clopper–Pearson values', () => {
    const [lo, hi] = clopperPearson(3, 10);
    assert.equal(lo.toFixed(4), '0.0667');
    assert.equal(hi.toFixed(4), '0.6525');
  });

  it("a perpetrator's dossier: positions, facilities, period, acts with involvement and sources; never for analysts", async () => {
    const reviewer = { user: 'reviewer-1', role: 'reviewer' as const };
    const dossier = await perpetratorDossier(store, reviewer, keys, 'P-2');
    assert.ok(dossier);
    assert.deepEqual(
      dossier.records.map((r) => r.code),
      ['X-000002'],
    );
    assert.deepEqual(
      dossier.positions.map((p) => [p.facility, p.period?.from, p.period?.to]),
      [['F-TEST', '2015', '2019']],
    );
    assert.deepEqual(dossier.facilities, ['F-TEST']);
    assert.deepEqual(dossier.period, { from: 2015, to: 2020 });
    assert.deepEqual(
      dossier.acts.map((a) => [
        a.id,
        a.act_type,
        a.years,
        a.involvement,
        a.status,
        a.sources.map((s) => s.id),
      ]),
      [['A-1', 'FORCED-LABOUR', '2019–2020', 'CARRIED-OUT', 'draft', ['S-1']]],
    );
    assert.ok(dossier.acts[0]?.standard);
    await assert.rejects(perpetratorDossier(store, analyst, keys, 'P-2'), AccessDenied);
    await assert.rejects(
      perpetratorDossier(store, { user: 'anonymous', role: 'public' }, keys, 'P-2'),
      AccessDenied,
    );
  });

  it('renders a table as a bar chart and the facilities on the map', async () => {
    const result = await tabulate(store, analyst, keys, {
      measure: 'acts',
      rows: 'act_type_top',
      filter: all,
      dating: 'first-year',
    });
    const bars = tableChart(result);
    assert.match(bars, /^<svg[^>]*role="img"/);
    const map = await facilityMapSvg(store, analyst, keys);
    // F-TEST has coordinates; F-2 only a province, so it cannot be placed.
    assert.equal(map.unplaced, 1);
    assert.equal((map.svg.match(/<circle\b/g) ?? []).length >= 1, true);
    assert.match(map.svg, /Jongo-ri/);
  });

  it('tables for outside eyes are disclosure-controlled; the public counts verified public acts only', async () => {
    const released = await tabulate(
      store,
      analyst,
      keys,
      { measure: 'acts', rows: 'act_type_top', columns: 'year', filter: all, dating: 'first-year' },
      { protect: true },
    );
    assert.ok(released.published);
    assert.deepEqual(checkSmallCells(released.published, 5), []);
    assert.ok(released.published.cells.flat().every((c) => c === null || c === 0));
    const publicView = await tabulate(store, { user: 'anonymous', role: 'public' }, keys, {
      measure: 'acts',
      rows: 'year',
      filter: all,
      dating: 'first-year',
    });
    assert.equal(publicView.table.distinctTotal, 0, 'the fixture has no public acts');
    assert.ok(publicView.published);
  });
});
