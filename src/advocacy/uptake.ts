import { z } from 'zod';
import type { UprRecommendation } from '../upr/upr-recommendation.ts';
import { carried, textIndex } from './text-similarity.ts';

/** One of our recommendations, as advocated before a review (our own id, text, themes). */
export const OurRecommendation = z.strictObject({
  id: z.string().min(1),
  text: z.string().min(1),
  /** UPR Info issues (themes) it concerns; given by the advocate or suggested by the classifier. */
  themes: z.array(z.string().min(1)).default([]),
});
export type OurRecommendation = z.infer<typeof OurRecommendation>;

/** From which share of our wording a recommendation made counts as uptake, and from which it is shown for a person to decide. */
export type UptakeThresholds = { match: number; review: number };
export const DEFAULT_UPTAKE_THRESHOLDS: UptakeThresholds = { match: 0.45, review: 0.3 };

/** A recommendation made in the review set beside the one of ours it is closest to. */
export type UptakePair = {
  ours: string;
  made: UprRecommendation;
  /** How far the one made carries ours (0 … 1; see `carried`). */
  similarity: number;
  /** `match` at or above the match threshold; `review` between the two thresholds. */
  decision: 'match' | 'review';
  /** A person's decision, when one was recorded: it overrides the thresholds. */
  decided?: 'accept' | 'reject';
};

/** Whether a pair counts as uptake: a person accepted it, or it matches and nobody rejected it. */
export function takenUp(pair: UptakePair): boolean {
  return pair.decided === 'accept' || (pair.decision === 'match' && pair.decided !== 'reject');
}

/** The uptake with people's decisions on pairs applied (pairs not listed are left as they are). */
export function withDecisions(
  uptake: Uptake,
  ours: readonly OurRecommendation[],
  decisions: readonly { ours: string; made: string; decision: 'accept' | 'reject' }[],
): Uptake {
  const byPair = new Map(decisions.map((d) => [`${d.ours}\u0000${d.made}`, d.decision]));
  const pairs = uptake.pairs.map((p) => {
    const decided = byPair.get(`${p.ours}\u0000${p.made.id}`);
    return decided ? { ...p, decided } : p;
  });
  return { ...uptake, pairs, ...summarise(ours, pairs.filter(takenUp)) };
}

export type Uptake = {
  thresholds: UptakeThresholds;
  pairs: UptakePair[];
  /** Per recommending state: which of ours it took up. */
  byState: { state: string; group: string | undefined; ours: string[] }[];
  /** Per theme of ours: how many of ours, how many taken up, by how many states. */
  byTheme: { theme: string; ours: number; takenUp: number; states: number }[];
  notTakenUp: string[];
};

/**
 * Matches our recommendations with those made in a review: each recommendation made is set beside
 * the one of ours it carries most of (`carried`: the larger of the TF-IDF cosine of the two texts
 * and the share of our wording found in it, so that a state's longer recommendation that includes
 * our ask counts); at or above `match` it counts as uptake, between `review` and `match` it is
 * listed for a person to decide. Pure.
 */
export function matchUptake(
  ours: readonly OurRecommendation[],
  made: readonly UprRecommendation[],
  thresholds: UptakeThresholds = DEFAULT_UPTAKE_THRESHOLDS,
): Uptake {
  if (thresholds.review > thresholds.match)
    throw new Error('the review threshold must not exceed the match threshold');
  const index = textIndex(
    ours.map((o) => o.text),
    made.map((m) => m.text),
  );
  const pairs: UptakePair[] = [];
  for (const recommendation of made) {
    const scores = carried(index, recommendation.text);
    let best = -1;
    scores.forEach((s, i) => {
      if (best < 0 || s > (scores[best] as number)) best = i;
    });
    const similarity = scores[best] ?? 0;
    if (best < 0 || similarity < thresholds.review) continue;
    pairs.push({
      ours: (ours[best] as OurRecommendation).id,
      made: recommendation,
      similarity,
      decision: similarity >= thresholds.match ? 'match' : 'review',
    });
  }
  pairs.sort((a, b) => b.similarity - a.similarity);
  return {
    thresholds,
    pairs,
    ...summarise(
      ours,
      pairs.filter((p) => p.decision === 'match'),
    ),
  };
}

/** Uptake by state and theme from the pairs a person accepted (or the matches as they stand). */
export function summarise(
  ours: readonly OurRecommendation[],
  accepted: readonly UptakePair[],
): Pick<Uptake, 'byState' | 'byTheme' | 'notTakenUp'> {
  const states = new Map<string, { group: string | undefined; ours: Set<string> }>();
  const takers = new Map<string, Set<string>>();
  for (const pair of accepted) {
    const state = pair.made.recommending_state;
    const entry = states.get(state) ?? { group: pair.made.recommending_group, ours: new Set<string>() };
    entry.ours.add(pair.ours);
    states.set(state, entry);
    const set = takers.get(pair.ours) ?? new Set<string>();
    set.add(state);
    takers.set(pair.ours, set);
  }
  const byState = [...states]
    .map(([state, { group, ours }]) => ({ state, group, ours: [...ours].sort() }))
    .sort((a, b) => b.ours.length - a.ours.length || a.state.localeCompare(b.state));
  const themes = new Map<string, { ours: number; takenUp: number; states: Set<string> }>();
  for (const o of ours)
    for (const theme of o.themes.length > 0 ? o.themes : ['(no theme)']) {
      const t = themes.get(theme) ?? { ours: 0, takenUp: 0, states: new Set<string>() };
      t.ours++;
      const by = takers.get(o.id);
      if (by) {
        t.takenUp++;
        for (const s of by) t.states.add(s);
      }
      themes.set(theme, t);
    }
  const byTheme = [...themes]
    .map(([theme, t]) => ({ theme, ours: t.ours, takenUp: t.takenUp, states: t.states.size }))
    .sort((a, b) => a.theme.localeCompare(b.theme));
  return { byState, byTheme, notTakenUp: ours.filter((o) => !takers.has(o.id)).map((o) => o.id) };
}
