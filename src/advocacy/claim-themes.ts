import { authorize } from '../access/authorize.ts';
import type { Viewer } from '../access/roles.ts';
import type { Store } from '../store/store.ts';
import { loadRecommendationClassifier } from '../upr/load-recommendation-classifier.ts';

/** A request that cannot be carried out as asked; `field` names what to change. */
export class AdvocacyError extends Error {
  readonly field: string;
  constructor(field: string, message: string) {
    super(message);
    this.field = field;
  }
}

/** The UPR issues (UPR Info's themes) a claim or recommendation may be given. */
export function knownIssues(): string[] {
  return [...loadRecommendationClassifier().issues.labels].sort();
}

/**
 * Gives a state claim its themes (replacing the classifier's suggestion or an earlier analyst's);
 * the claim must be in the knowledge base and every theme a UPR issue. Audited.
 */
export async function setClaimIssues(
  store: Store,
  viewer: Viewer,
  claim: { document: string; paragraph: string },
  issues: readonly string[],
): Promise<void> {
  authorize(viewer, 'manage-advocacy');
  const known = (await store.uprStateClaims({})).some(
    (c) => c.document === claim.document && c.paragraph === claim.paragraph,
  );
  if (!known) throw new AdvocacyError('paragraph', `no state claim ${claim.document} ¶${claim.paragraph}`);
  if (issues.length === 0) throw new AdvocacyError('issues', 'give at least one issue');
  const labels = new Set(knownIssues());
  const unknown = issues.filter((i) => !labels.has(i));
  if (unknown.length > 0)
    throw new AdvocacyError(
      'issues',
      `not UPR issues: ${unknown.join(', ')} (see \`daylight upr claims issues\`)`,
    );
  const at = new Date().toISOString();
  await store.setUprClaimIssues([{ ...claim, issues: [...issues], set_by: viewer.user, set_at: at }]);
  await store.appendAudit({
    at,
    actor: viewer.user,
    action: 'upr-claim-issues',
    target: `${claim.document}#${claim.paragraph}`,
    detail: { issues },
  });
}
