// Issue 8, parts 5 and 6 through the database: uptake of our recommendations in a review held in
// the knowledge base, and the state claims register set against verified acts counted by hand.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { Act } from '../domain/act.ts';
import { ancestorsOf } from '../domain/vocabulary.ts';
import { openSqliteStore, type SqliteStore } from '../store/sqlite/sqlite-store.ts';
import { importOrFail, testKeys, testRecords } from '../testing/factories.ts';
import type { UprRecommendation } from '../upr/upr-recommendation.ts';
import { claimsRegister } from './claims-register.ts';
import { importStateClaims } from './import-claims.ts';
import { decideUptake, reviewUptake } from './review-uptake.ts';

const keys = testKeys();
const analyst = { user: 'analyst-1', role: 'analyst' as const };
const base = testRecords();
const acts: Act[] = [
  ['A-1', 'DETENTION', '2018', 'verified'],
  ['A-2', 'DETENTION', '2019', 'verified'],
  ['A-3', 'FORCED-LABOUR', '2020', 'verified'],
  ['A-4', 'DETENTION', '2021', 'submitted'],
  ['A-5', 'TORTURE-BEATING', '2020', 'verified'],
  ['A-6', 'TORTURE-WATER', '2022', 'verified'],
].map(([id, act_type, year, status]) => ({
  ...base.act,
  id: id as string,
  act_type: act_type as string,
  date: { from: year as string },
  status: status as Act['status'],
  episode: undefined,
  perpetrators: [],
}));

/** Verified acts of these types (or narrower) from this year on: the register's figure, by hand. */
const byHand = (types: readonly string[], from: number) =>
  acts.filter(
    (a) =>
      a.status === 'verified' &&
      Number(a.date?.from) >= from &&
      ancestorsOf('act-types', a.act_type).some((t) => types.includes(t)),
  ).length;

describe('state claims register and uptake (issue 8)', () => {
  let store: SqliteStore;
  before(async () => {
    store = openSqliteStore(':memory:');
    const { act: _a, episode: _e, ...others } = base;
    await importOrFail(store, [...Object.values(others), ...acts], keys);
    await store.addUprStateClaims([
      {
        document: 'A/HRC/42/10',
        state_under_review: 'DPR Korea',
        session: 33,
        paragraph: '31',
        text: 'A general pardon had been granted to convicts and the conditions of reform institutions had improved.',
      },
      {
        document: 'A/HRC/42/10',
        state_under_review: 'DPR Korea',
        session: 33,
        paragraph: '40',
        text: 'Torture and inhuman treatment were strictly prohibited by law and perpetrators were punished.',
      },
    ]);
  });

  it('sets each claim against the verified acts of its themes since the review, as counted by hand', async () => {
    await store.setUprClaimIssues([
      {
        document: 'A/HRC/42/10',
        paragraph: '31',
        issues: ['Detention'],
        set_by: 'analyst-1',
        set_at: '2026-11-28',
      },
    ]);
    const register = await claimsRegister(store, analyst, keys, { state_under_review: 'DPR Korea' });
    assert.equal(register.length, 2);
    const pardon = register.find((c) => c.paragraph === '31');
    assert.ok(pardon?.evidence);
    assert.deepEqual([pardon.issues, pardon.issuesBy, pardon.year], [['Detention'], 'analyst', 2019]);
    assert.equal(
      pardon.evidence.acts,
      2,
      'A-2 (2019) and A-3 (forced labour, 2020); not 2018, not unverified',
    );
    assert.equal(pardon.evidence.acts, byHand(pardon.actTypes, 2019));
    assert.deepEqual(
      pardon.evidence.byType.map((t) => [t.act_type, t.acts]),
      [
        ['DETENTION', 1],
        ['FORCED-LABOUR', 1],
      ],
    );
    assert.equal(pardon.evidence.query.after_year, 2018);
    const torture = register.find((c) => c.paragraph === '40');
    assert.equal(torture?.issuesBy, 'classifier');
    assert.ok(torture?.actTypes.includes('TORTURE'), 'the classifier reads the claim as about torture');
    assert.equal(torture?.evidence?.acts, byHand(torture?.actTypes ?? [], 2019));
  });

  it('an analyst can change a claim’s themes, and the evidence follows', async () => {
    await store.setUprClaimIssues([
      {
        document: 'A/HRC/42/10',
        paragraph: '31',
        issues: ['Torture and other CID treatment'],
        set_by: 'analyst-1',
        set_at: '2026-11-28',
      },
    ]);
    const register = await claimsRegister(store, analyst, keys, {
      state_under_review: 'DPR Korea',
      session: 33,
    });
    const pardon = register.find((c) => c.paragraph === '31');
    assert.deepEqual(pardon?.issues, ['Torture and other CID treatment']);
    assert.equal(pardon?.evidence?.acts, byHand(pardon?.actTypes ?? [], 2019));
  });

  it('imports claims from a national report, all or nothing, with their themes', async () => {
    const line = (paragraph: string, extra: Record<string, unknown> = {}) =>
      JSON.stringify({
        document: 'A/HRC/WG.6/33/PRK/1',
        state_under_review: 'DPR Korea',
        session: 33,
        paragraph,
        text: 'Detainees are treated humanely and reform institutions provide good conditions.',
        ...extra,
      });
    const bad = await importStateClaims(
      store,
      analyst,
      'national.jsonl',
      [line('12', { issues: ['Detention'] }), line('13', { issues: ['Weather'] }), '{"document": "x"}'].join(
        '\n',
      ),
    );
    assert.equal(bad.ok, false);
    assert.deepEqual(!bad.ok && bad.problems.map((p) => [p.line, p.field]), [
      [3, 'state_under_review'],
      [3, 'session'],
      [3, 'paragraph'],
      [3, 'text'],
    ]);
    assert.equal(
      (await store.uprStateClaims({ session: 33 })).filter((c) => c.document.includes('WG.6')).length,
      0,
    );
    const unknownTheme = await importStateClaims(
      store,
      analyst,
      'national.jsonl',
      [line('12'), line('13', { issues: ['Weather'] })].join('\n'),
    );
    assert.deepEqual(!unknownTheme.ok && unknownTheme.problems.map((p) => [p.line, p.field]), [
      [2, 'issues'],
    ]);
    const good = await importStateClaims(
      store,
      analyst,
      'national.jsonl',
      [line('12', { issues: ['Detention'] }), line('13')].join('\n'),
    );
    assert.deepEqual(good, { ok: true, added: 2, lines: 2 });
    const again = await importStateClaims(store, analyst, 'national.jsonl', line('12'));
    assert.deepEqual(again, { ok: true, added: 0, lines: 1 }, 'idempotent');
    const register = await claimsRegister(store, analyst, keys, { session: 33 });
    const twelve = register.find((c) => c.document === 'A/HRC/WG.6/33/PRK/1' && c.paragraph === '12');
    assert.deepEqual(
      [twelve?.issuesBy, twelve?.evidence?.acts],
      ['analyst', byHand(twelve?.actTypes ?? [], 2019)],
    );
  });

  it('finds our recommendations among those of a review in the knowledge base', async () => {
    const rec = (n: number, state: string, text: string): UprRecommendation => ({
      id: `R47-${n}`,
      state_under_review: 'DPR Korea',
      cycle: 4,
      session: 47,
      paragraph: `125.${n}`,
      text,
      recommending_state: state,
      recommending_group: 'WEOG',
      response: null,
      action: null,
      issues: [],
      source: 'A/HRC/58/test',
    });
    await store.addUprRecommendations([
      rec(1, 'Australia', 'Close the political prison camps and release all political prisoners'),
      rec(2, 'Belgium', 'Ratify the Convention against Torture'),
      rec(3, 'France', 'Abolish the death penalty'),
    ]);
    const ours = [
      { id: 'O1', text: 'Dismantle all political prison camps and free political prisoners', themes: [] },
      {
        id: 'O2',
        text: 'Ratify the Convention against Torture and its Optional Protocol',
        themes: ['Torture and other CID treatment'],
      },
    ];
    const uptake = await reviewUptake(store, ours, { state_under_review: 'DPR Korea', session: 47 });
    assert.equal(uptake.made, 3);
    assert.deepEqual(
      uptake.pairs
        .filter((p) => p.decision === 'match')
        .map((p) => [p.ours, p.made.recommending_state])
        .sort(),
      [
        ['O1', 'Australia'],
        ['O2', 'Belgium'],
      ],
    );
    assert.ok(uptake.byTheme.length > 1, 'the theme of O1 came from the classifier');
    // A person rejects the pairing of Belgium's recommendation with O2: kept, and applied next time.
    const belgium = uptake.pairs.find((p) => p.made.recommending_state === 'Belgium');
    assert.ok(belgium);
    await decideUptake(store, analyst, { ours: 'O2', made: belgium.made.id, decision: 'reject' });
    await assert.rejects(
      decideUptake(
        store,
        { user: 'v', role: 'viewer' },
        { ours: 'O2', made: belgium.made.id, decision: 'accept' },
      ),
      /not allowed|denied|may not/i,
    );
    const again = await reviewUptake(store, ours, { state_under_review: 'DPR Korea', session: 47 });
    assert.deepEqual(
      again.byState.map((s) => s.state),
      ['Australia'],
    );
  });
});
