import { authorize, isAllowed } from '../access/authorize.ts';
import { contentHash, type FieldKeys, revealRecord, sealText } from '../access/field-cipher.ts';
import type { Viewer } from '../access/roles.ts';
import { canonicalJson } from '../domain/canonical-json.ts';
import type { ReviewStatus } from '../domain/record-meta.ts';
import type { Store } from '../store/store.ts';
import { REVIEW_ACTIONS, type ReviewAction, refusalOf } from './workflow.ts';

/** A review step that may not be taken, with the reason (never record content). */
export class ReviewRefused extends Error {
  readonly id = 'review-refused';
}

/**
 * Takes one step of the review workflow on a record — submit, start, verify, request-info, reject —
 * or adds a comment, as the viewer. Checks the viewer's right at the record's level, the state, and
 * four eyes (see `refusalOf`); `version` guards against acting on a version the viewer has not seen.
 * Comments are sealed (they may name someone). The step is kept in the record's review history and
 * the audit trail.
 */
export async function reviewRecord(
  store: Store,
  viewer: Viewer,
  keys: FieldKeys,
  input: { id: string; action: ReviewAction; comment?: string; version?: number; now?: Date },
): Promise<{ status: ReviewStatus; version: number }> {
  const storedDoc = await store.getRecord(input.id);
  if (!storedDoc || storedDoc.deleted || !isAllowed(viewer, 'read-records', storedDoc.confidentiality))
    throw new ReviewRefused(`no record ${input.id}`);
  // Coders and reviewers may comment; each action needs its own right.
  const useCase =
    input.action !== 'comment'
      ? REVIEW_ACTIONS[input.action].useCase
      : isAllowed(viewer, 'write-records', storedDoc.confidentiality)
        ? 'write-records'
        : 'review-records';
  authorize(viewer, useCase, storedDoc.confidentiality);
  if (input.version !== undefined && input.version !== storedDoc.version)
    throw new ReviewRefused(
      `${input.id} is at version ${storedDoc.version}, not ${input.version}: read it again`,
    );
  if (input.action === 'comment' && !input.comment) throw new ReviewRefused('a comment needs its text');
  const coders = new Set<string>();
  for (const version of await store.recordVersions(input.id)) {
    const doc = JSON.parse(version.doc) as { created_by: string; updated_by: string };
    coders.add(doc.created_by).add(doc.updated_by);
  }
  const refusal = refusalOf(input.action, storedDoc.status, viewer.user, coders);
  if (refusal) throw new ReviewRefused(refusal);

  const at = (input.now ?? new Date()).toISOString();
  const to = input.action === 'comment' ? storedDoc.status : REVIEW_ACTIONS[input.action].to;
  const record = revealRecord(storedDoc as never, keys);
  const stored = { ...(storedDoc as unknown as Record<string, unknown>), status: to };
  const session = await store.beginWrite();
  try {
    const outcome = await session.review(
      {
        record_id: input.id,
        version: storedDoc.version,
        at,
        actor: viewer.user,
        action: input.action,
        from_status: storedDoc.status,
        to_status: to,
        comment: input.comment ? sealText(input.comment, `review/${input.id}/${at}`, keys) : null,
      },
      {
        json: canonicalJson(stored),
        contentHash: contentHash(canonicalJson({ ...record, status: to }), keys),
      },
    );
    if (outcome === 'stale') throw new ReviewRefused(`${input.id} changed meanwhile: read it again`);
    await session.audit({ at, actor: viewer.user, action: `review-${input.action}`, target: input.id });
    await session.commit();
  } catch (error) {
    await session.rollback();
    throw error;
  }
  return { status: to, version: storedDoc.version };
}
