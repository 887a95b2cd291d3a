import { authorize } from '../access/authorize.ts';
import type { Viewer } from '../access/roles.ts';
import type { Store } from '../store/store.ts';
import { loadRecommendationClassifier } from '../upr/load-recommendation-classifier.ts';
import { classifyRecommendation } from '../upr/recommendation-classifier.ts';
import type { UprRecommendation } from '../upr/upr-recommendation.ts';
import { allRecommendationsTo } from './drafting-aid.ts';
import {
  matchUptake,
  type OurRecommendation,
  type Uptake,
  type UptakeThresholds,
  withDecisions,
} from './uptake.ts';

/** Every recommendation made in one review (the knowledge base holds them once the report is imported). */
export async function recommendationsOfReview(
  store: Store,
  review: { state_under_review: string; session: number },
): Promise<UprRecommendation[]> {
  return (await allRecommendationsTo(store, review.state_under_review)).filter(
    (r) => r.session === review.session,
  );
}

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
  const made = await recommendationsOfReview(store, review);
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
