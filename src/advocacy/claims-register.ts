import type { FieldKeys } from '../access/field-cipher.ts';
import type { Viewer } from '../access/roles.ts';
import type { Store } from '../store/store.ts';
import { loadRecommendationClassifier } from '../upr/load-recommendation-classifier.ts';
import { classifyRecommendation } from '../upr/recommendation-classifier.ts';
import { followUpMapping } from '../upr/upr-follow-up.ts';
import type { UprStateClaim } from '../upr/upr-recommendation.ts';
import { type Evidence, verifiedActsSince } from './evidence.ts';

/** One claim of a state beside the evidence that bears on it. */
export type RegisteredClaim = UprStateClaim & {
  /** UPR issues (themes): an analyst's, else the classifier's suggestion. */
  issues: string[];
  issuesBy: 'analyst' | 'classifier';
  actTypes: string[];
  /** The year of the review the claim was made in. */
  year: number | undefined;
  evidence: Evidence | undefined;
};

/**
 * The state claims register: each claim the state under review made (in Working Group reports, or
 * imported from national reports), its themes, and the verified acts documented since that bear on
 * those themes — the basis for setting, e.g., "a general pardon had been granted" against acts of
 * detention documented in the years after. The evidence is a count, not a verdict: reading the claim
 * against it is the analyst's work.
 */
export async function claimsRegister(
  store: Store,
  viewer: Viewer,
  keys: FieldKeys,
  query: { state_under_review?: string; session?: number },
): Promise<RegisteredClaim[]> {
  const claims = await store.uprStateClaims(query);
  const given = new Map(
    (await store.uprClaimIssues()).map((c) => [`${c.document}#${c.paragraph}`, c.issues]),
  );
  const { issues: issueTypes, session_years } = followUpMapping();
  let classifier: ReturnType<typeof loadRecommendationClassifier> | undefined;
  const register: RegisteredClaim[] = [];
  for (const claim of claims) {
    const analyst = given.get(`${claim.document}#${claim.paragraph}`);
    classifier ??= analyst ? undefined : loadRecommendationClassifier();
    const issues =
      analyst ?? classifyRecommendation(classifier as NonNullable<typeof classifier>, claim.text).issues;
    const actTypes = [...new Set(issues.flatMap((issue) => issueTypes[issue] ?? []))].sort();
    const year = session_years.years[String(claim.session)];
    const evidence =
      actTypes.length > 0 && year !== undefined
        ? await verifiedActsSince(store, viewer, keys, actTypes, year)
        : undefined;
    register.push({
      ...claim,
      issues,
      issuesBy: analyst ? 'analyst' : 'classifier',
      actTypes,
      year,
      evidence,
    });
  }
  return register;
}
