import type { FieldKeys } from '../access/field-cipher.ts';
import type { Viewer } from '../access/roles.ts';
import type { Store } from '../store/store.ts';
import { allRecommendationsTo } from '../upr/all-recommendations.ts';
import { loadRecommendationClassifier } from '../upr/load-recommendation-classifier.ts';
import { classifyRecommendation } from '../upr/recommendation-classifier.ts';
import { followUpMapping } from '../upr/upr-follow-up.ts';
import type { UprRecommendation } from '../upr/upr-recommendation.ts';
import { type Evidence, verifiedActsSince } from './evidence.ts';
import { carried, textIndex } from './text-similarity.ts';

/** UPR Info's action categories (methodology: the verb of the recommendation). */
export const ACTION_NAMES: Record<number, string> = {
  1: 'minimal action (addressed to others, or asking to share)',
  2: 'continuing action',
  3: 'considering action',
  4: 'general action',
  5: 'specific action',
};

/** Earlier recommendations this close to a draft count as similar. */
export const SIMILAR_FROM = 0.3;

/** What an advocate should know about one draft recommendation. */
export type DraftAdvice = {
  text: string;
  action: { category: number; name: string; advice: string | undefined };
  issues: string[];
  /** The verified acts since the state's latest review that the draft rests on. */
  findings: (Evidence & { since: number }) | undefined;
  /** Earlier recommendations to the same state most like it, with the state's responses. */
  similar: { recommendation: UprRecommendation; similarity: number }[];
  /** States that made similar recommendations before: the likeliest to carry it. */
  carriers: { state: string; group: string | undefined; similar: number; sessions: number[] }[];
};

/**
 * Advice on drafts of recommendations to a state: the action category the classifier reads (a
 * specific, measurable action, category 5, is what follow-up can check), the verified findings
 * since the last review on the draft's themes, the most similar recommendations of earlier cycles
 * with the state's responses, and the states that made them (with their regional group) — those
 * most likely to carry it.
 */
export async function adviseDrafts(
  store: Store,
  viewer: Viewer,
  keys: FieldKeys,
  stateUnderReview: string,
  drafts: readonly string[],
  options: { similar?: number } = {},
): Promise<DraftAdvice[]> {
  const earlier = await allRecommendationsTo(store, stateUnderReview);
  const { issues: issueTypes, session_years } = followUpMapping();
  const lastYear = Math.max(...earlier.map((r) => session_years.years[String(r.session)] ?? 0), 0);
  const classifier = loadRecommendationClassifier();
  const index = textIndex(
    earlier.map((r) => r.text),
    drafts,
  );
  const advice: DraftAdvice[] = [];
  for (const text of drafts) {
    const { action, issues } = classifyRecommendation(classifier, text);
    const actTypes = [...new Set(issues.flatMap((i) => issueTypes[i] ?? []))].sort();
    const findings =
      actTypes.length > 0 && lastYear > 0
        ? { ...(await verifiedActsSince(store, viewer, keys, actTypes, lastYear + 1)), since: lastYear + 1 }
        : undefined;
    // How far the draft carries each earlier recommendation (the same ask, or it within the draft).
    const scores = carried(index, text);
    const similar = earlier
      .map((recommendation, i) => ({ recommendation, similarity: scores[i] as number }))
      .filter((s) => s.similarity >= SIMILAR_FROM)
      .sort((a, b) => b.similarity - a.similarity);
    const carriers = new Map<string, { group: string | undefined; similar: number; sessions: Set<number> }>();
    for (const { recommendation: r } of similar) {
      const c = carriers.get(r.recommending_state) ?? {
        group: r.recommending_group,
        similar: 0,
        sessions: new Set(),
      };
      c.similar++;
      c.sessions.add(r.session);
      carriers.set(r.recommending_state, c);
    }
    advice.push({
      text,
      action: {
        category: action,
        name: ACTION_NAMES[action] ?? String(action),
        advice: actionAdvice(action),
      },
      issues,
      findings,
      similar: similar.slice(0, options.similar ?? 5),
      carriers: [...carriers]
        .map(([state, c]) => ({
          state,
          group: c.group,
          similar: c.similar,
          sessions: [...c.sessions].sort((a, b) => a - b),
        }))
        .sort(
          (a, b) =>
            b.similar - a.similar || b.sessions.length - a.sessions.length || a.state.localeCompare(b.state),
        ),
    });
  }
  return advice;
}

function actionAdvice(category: number): string | undefined {
  if (category === 5) return undefined;
  if (category === 4)
    return 'general action: name the specific, measurable step (the law to repeal, the treaty to ratify, the camp to close, by when)';
  return `${ACTION_NAMES[category] ?? ''}: states under review support such wording easily and nothing can be checked afterwards; ask for a specific action`;
}
