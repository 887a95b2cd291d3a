import type { UseCase } from '../access/permissions.ts';
import type { ReviewStatus } from '../domain/record-meta.ts';

// The review workflow: draft → submitted → under review → verified / needs more information /
// rejected. Four eyes: nobody verifies a record they coded (created or edited any version of).

/** What can be done to a record in review, with who may do it and from which states. */
export const REVIEW_ACTIONS = {
  submit: { from: ['draft', 'needs-information'], to: 'submitted', useCase: 'write-records' },
  start: { from: ['submitted'], to: 'under-review', useCase: 'review-records' },
  verify: { from: ['under-review'], to: 'verified', useCase: 'review-records' },
  'request-info': { from: ['under-review', 'submitted'], to: 'needs-information', useCase: 'review-records' },
  reject: { from: ['under-review'], to: 'rejected', useCase: 'review-records' },
} as const satisfies Record<string, { from: readonly ReviewStatus[]; to: ReviewStatus; useCase: UseCase }>;
export type ReviewAction = keyof typeof REVIEW_ACTIONS | 'comment';
export const REVIEW_ACTION_NAMES = [...Object.keys(REVIEW_ACTIONS), 'comment'] as ReviewAction[];

/** The states a record waits in for a reviewer. */
export const WAITING_FOR_REVIEW: readonly ReviewStatus[] = ['submitted', 'under-review'];

/**
 * The status after an edit. Work in progress (draft, needs more information) stays with its
 * coder; anything submitted, in review or decided — a verified record is sealed — goes back to review.
 */
export function statusAfterEdit(status: ReviewStatus): ReviewStatus {
  return status === 'draft' || status === 'needs-information' ? status : 'submitted';
}

/** Why an action may not be taken now, or `undefined` if it may. */
export function refusalOf(
  action: ReviewAction,
  status: ReviewStatus,
  actor: string,
  coders: ReadonlySet<string>,
): string | undefined {
  if (action === 'comment') return undefined;
  const rule = REVIEW_ACTIONS[action];
  if (!(rule.from as readonly string[]).includes(status))
    return `cannot ${action} a record that is ${status} (only from ${rule.from.join(' or ')})`;
  if (action === 'verify' && coders.has(actor))
    return 'four eyes: you coded or edited this record, so someone else must verify it';
  return undefined;
}
