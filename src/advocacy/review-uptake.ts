import { authorize } from '../access/authorize.ts';
import type { Viewer } from '../access/roles.ts';
import type { Store } from '../store/store.ts';
import { allRecommendationsTo } from '../upr/all-recommendations.ts';
import { loadRecommendationClassifier } from '../upr/load-recommendation-classifier.ts';
import { classifyRecommendation } from '../upr/recommendation-classifier.ts';
import {
  matchUptake,
  type OurRecommendation,
  type Uptake,
  type UptakeThresholds,
  withDecisions,
} from './uptake.ts';

/**
 * Uptake of our recommendations in a review already in the knowledge base (import its Working Group
 * report first: `daylight upr extract`). Ours without themes get the classifier's issues.
 */
export async function reviewUptake(
  store: Store,
  ours: readonly OurRecommendation[],
  review: { state_under_review: string; session: number },
  thresholds?: UptakeThresholds,
): Promise<Uptake & { made: number }> {
  const made = await allRecommendationsTo(store, review.state_under_review, review.session);
  let classifier: ReturnType<typeof loadRecommendationClassifier> | undefined;
  const themed = ours.map((o) => {
    if (o.themes.length > 0) return o;
    classifier ??= loadRecommendationClassifier();
    return { ...o, themes: classifyRecommendation(classifier, o.text).issues };
  });
  const uptake = withDecisions(matchUptake(themed, made, thresholds), themed, await store.uptakeDecisions());
  return { ...uptake, made: made.length };
}

/** Records a person's decision that a recommendation made does (accept) or does not (reject) take up one of ours. Audited. */
export async function decideUptake(
  store: Store,
  viewer: Viewer,
  input: { ours: string; made: string; decision: 'accept' | 'reject' },
): Promise<void> {
  authorize(viewer, 'manage-advocacy');
  const at = new Date().toISOString();
  await store.setUptakeDecision({ ...input, decided_by: viewer.user, decided_at: at });
  await store.appendAudit({
    at,
    actor: viewer.user,
    action: 'uptake-decision',
    target: input.made,
    detail: input,
  });
}
