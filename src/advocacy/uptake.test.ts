// Issue 8, part 5: uptake of our recommendations in a review, on a constructed case whose answer
// is known: two of ours taken up (one by two states, in their own words), one not, a near miss
// left for a person to decide, and unrelated recommendations ignored.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { UprRecommendation } from '../upr/upr-recommendation.ts';
import { stems } from './text-similarity.ts';
import { matchUptake, OurRecommendation, summarise, withDecisions } from './uptake.ts';

const ours = [
  {
    id: 'R1',
    text: 'Abolish the political prison camps (kwanliso) and release all political prisoners',
    themes: ['Detention'],
  },
  {
    id: 'R2',
    text: 'Repeal the Reactionary Ideology and Culture Rejection Act and end punishment for accessing foreign media',
    themes: ['Freedom of opinion and expression'],
  },
  {
    id: 'R3',
    text: 'Allow the Special Rapporteur unimpeded access to all places of detention',
    themes: ['Detention', 'Special procedures'],
  },
].map((r) => OurRecommendation.parse(r));

let n = 0;
const made = (
  state: string,
  group: UprRecommendation['recommending_group'],
  text: string,
): UprRecommendation => ({
  id: `M${++n}`,
  state_under_review: 'DPR Korea',
  cycle: 4,
  session: 47,
  paragraph: `126.${n}`,
  text,
  recommending_state: state,
  recommending_group: group,
  response: null,
  action: null,
  issues: [],
  source: 'A/HRC/58/test',
});

const review = [
  made('Germany', 'WEOG', 'Close all political prison camps and release all political prisoners immediately'),
  made(
    'Japan',
    'Asia',
    'Dismantle the political prison camps and release the political prisoners held there',
  ),
  made('Canada', 'WEOG', 'Repeal the Reactionary Ideology and Culture Rejection Act'),
  made('Chile', 'GRULAC', 'Close the political prison camps'),
  made('Cuba', 'GRULAC', 'Continue efforts to ensure food security for the population'),
  made('Egypt', 'Africa', 'Strengthen international cooperation in the field of public health'),
];

describe('uptake (issue 8)', () => {
  const uptake = matchUptake(ours, review);
  const matched = (id: string) =>
    uptake.pairs
      .filter((p) => p.ours === id && p.decision === 'match')
      .map((p) => p.made.recommending_state)
      .sort();

  it('finds each of ours in the words states used, and only there', () => {
    assert.deepEqual(matched('R1'), ['Germany', 'Japan']);
    assert.deepEqual(matched('R2'), ['Canada']);
    assert.deepEqual(matched('R3'), []);
    const states = new Set(uptake.pairs.map((p) => p.made.recommending_state));
    assert.ok(!states.has('Cuba') && !states.has('Egypt'), 'unrelated recommendations are not paired');
  });

  it('leaves a partial overlap for a person to decide, between the two thresholds', () => {
    const chile = uptake.pairs.find((p) => p.made.recommending_state === 'Chile');
    assert.ok(chile, 'the near miss is listed');
    assert.equal(chile.decision, 'review');
    assert.equal(chile.ours, 'R1', 'it carries part of R1: the camps, not the release');
    assert.ok(chile.similarity >= uptake.thresholds.review && chile.similarity < uptake.thresholds.match);
  });

  it('summarises by state and theme; accepting the near miss changes the summary', () => {
    assert.deepEqual(
      uptake.byState.map((s) => [s.state, s.group, s.ours]),
      [
        ['Canada', 'WEOG', ['R2']],
        ['Germany', 'WEOG', ['R1']],
        ['Japan', 'Asia', ['R1']],
      ],
    );
    assert.deepEqual(uptake.byTheme, [
      { theme: 'Detention', ours: 2, takenUp: 1, states: 2 },
      { theme: 'Freedom of opinion and expression', ours: 1, takenUp: 1, states: 1 },
      { theme: 'Special procedures', ours: 1, takenUp: 0, states: 0 },
    ]);
    assert.deepEqual(uptake.notTakenUp, ['R3']);
    const accepted = summarise(ours, uptake.pairs);
    assert.deepEqual(
      accepted.byState.find((s) => s.state === 'Chile'),
      { state: 'Chile', group: 'GRULAC', ours: ['R1'] },
    );
  });

  it("a person's decisions override the thresholds: a near miss accepted, a match rejected", () => {
    const chile = uptake.pairs.find((p) => p.made.recommending_state === 'Chile');
    const canada = uptake.pairs.find((p) => p.made.recommending_state === 'Canada');
    assert.ok(chile && canada);
    const decided = withDecisions(uptake, ours, [
      { ours: chile.ours, made: chile.made.id, decision: 'accept' },
      { ours: canada.ours, made: canada.made.id, decision: 'reject' },
    ]);
    assert.deepEqual(
      decided.byState.map((s) => s.state),
      ['Chile', 'Germany', 'Japan'],
    );
    assert.deepEqual(decided.notTakenUp, ['R2', 'R3'], 'Canada was the only state taking up R2');
    assert.equal(decided.pairs.find((p) => p.made.id === canada.made.id)?.decided, 'reject');
  });

  it('a stricter threshold takes up less; thresholds must be ordered', () => {
    const strict = matchUptake(ours, review, { match: 0.95, review: 0.25 });
    assert.equal(strict.pairs.filter((p) => p.decision === 'match').length, 0);
    assert.throws(() => matchUptake(ours, review, { match: 0.3, review: 0.5 }), /must not exceed/);
  });

  it('stems agree across inflections', () => {
    assert.deepEqual(stems('detentions ratified camps'), stems('detention ratify camp'));
  });
});
