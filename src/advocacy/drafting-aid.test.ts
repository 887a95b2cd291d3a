// Issue 8, part 3: advice on draft recommendations from the knowledge base and the evidence.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { Act } from '../domain/act.ts';
import { openSqliteStore, type SqliteStore } from '../store/sqlite/sqlite-store.ts';
import { importOrFail, testKeys, testRecords } from '../testing/factories.ts';
import { loadRecommendationClassifier } from '../upr/load-recommendation-classifier.ts';
import { classifyRecommendation } from '../upr/recommendation-classifier.ts';
import type { UprRecommendation } from '../upr/upr-recommendation.ts';
import { adviseDrafts } from './drafting-aid.ts';

const keys = testKeys();
const advocate = { user: 'advocate-1', role: 'advocate' as const };
const base = testRecords();

let n = 0;
const rec = (
  session: number,
  state: string,
  group: UprRecommendation['recommending_group'],
  text: string,
  response: UprRecommendation['response'],
): UprRecommendation => ({
  id: `U-${++n}`,
  state_under_review: 'DPR Korea',
  cycle: session <= 12 ? 1 : session <= 26 ? 2 : 3,
  session,
  text,
  recommending_state: state,
  recommending_group: group,
  response,
  action: null,
  issues: [],
  source: 'test',
});

describe('drafting aid (issue 8)', () => {
  let store: SqliteStore;
  before(async () => {
    store = openSqliteStore(':memory:');
    const acts: Act[] = [
      ['A-1', 'DETENTION', '2019'],
      ['A-2', 'DETENTION', '2020'],
      ['A-3', 'DETENTION', '2021'],
      ['A-4', 'FORCED-LABOUR', '2022'],
    ].map(([id, act_type, year]) => ({
      ...base.act,
      id: id as string,
      act_type: act_type as string,
      date: { from: year as string },
      status: 'verified' as const,
      confidentiality: 'public' as const,
      episode: undefined,
      perpetrators: [],
    }));
    const { act: _a, episode: _e, ...others } = base;
    await importOrFail(store, [...Object.values(others), ...acts], keys);
    await store.addUprRecommendations([
      rec(
        19,
        'Greece',
        'WEOG',
        'Close down the political prison camps and release all political prisoners',
        'noted',
      ),
      rec(
        19,
        'Japan',
        'Asia',
        'Abolish its political prison camps and release all political prisoners',
        'noted',
      ),
      rec(
        33,
        'Japan',
        'Asia',
        'Close all political prison camps and release the political prisoners',
        'noted',
      ),
      rec(33, 'Australia', 'WEOG', 'Dismantle the political prison camps', 'noted'),
      rec(33, 'Cuba', 'GRULAC', 'Continue its efforts to guarantee the right to food', 'supported'),
    ]);
  });

  it('reads the action, sets the draft beside earlier recommendations and names the likeliest carriers', async () => {
    const drafts = [
      'Close all political prison camps and release all political prisoners by the end of 2026',
      'Consider closing the political prison camps',
    ];
    const [specific, vague] = await adviseDrafts(store, advocate, keys, 'DPR Korea', drafts);
    const classifier = loadRecommendationClassifier();
    for (const [advice, text] of [
      [specific, drafts[0]],
      [vague, drafts[1]],
    ] as const) {
      assert.equal(advice?.action.category, classifyRecommendation(classifier, text as string).action);
      assert.equal(
        advice?.action.advice === undefined,
        advice?.action.category === 5,
        'advice unless specific',
      );
    }
    assert.equal(vague?.action.category, 3, '"consider" is considering action');
    assert.ok(specific);
    assert.deepEqual(
      specific.similar.map((s) => s.recommendation.recommending_state),
      specific.similar
        .slice()
        .sort((a, b) => b.similarity - a.similarity)
        .map((s) => s.recommendation.recommending_state),
      'most similar first',
    );
    assert.ok(
      !specific.similar.some((s) => s.recommendation.recommending_state === 'Cuba'),
      'unrelated left out',
    );
    assert.equal(specific.carriers[0]?.state, 'Japan', 'made it twice, in two reviews');
    assert.deepEqual(specific.carriers[0]?.sessions, [19, 33]);
    assert.equal(specific.carriers[0]?.group, 'Asia');
    assert.ok(specific.similar.every((s) => s.recommendation.response === 'noted'));
  });

  it('rests a draft on the verified acts since the latest review, counted by hand', async () => {
    const [advice] = await adviseDrafts(store, advocate, keys, 'DPR Korea', [
      'End arbitrary detention and close the political prison camps',
    ]);
    assert.ok(advice?.findings, `issues read: ${advice?.issues.join('; ')}`);
    assert.equal(advice.findings.since, 2020, 'the latest review (session 33) was in 2019');
    const byHand = ['A-2', 'A-3', 'A-4'].filter((id) =>
      advice.findings?.query.act_types?.some((t) =>
        id === 'A-4' ? t === 'FORCED-LABOUR' : t === 'DETENTION',
      ),
    ).length;
    assert.equal(advice.findings.acts, byHand);
  });
});
