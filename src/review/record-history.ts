import { isAllowed } from '../access/authorize.ts';
import { type FieldKeys, openText, revealRecord } from '../access/field-cipher.ts';
import { redactFor } from '../access/redact.ts';
import type { Viewer } from '../access/roles.ts';
import type { Store } from '../store/store.ts';
import { type FieldChange, fieldDiff } from './field-diff.ts';

/** One version in a record's history: who made it, when, in which state, and what it changed. */
export type HistoryVersion = {
  version: number;
  updated_at: string;
  updated_by: string;
  status: string;
  changes: FieldChange[];
};
/** One review step, with its comment if the viewer may read it. */
export type HistoryStep = {
  version: number;
  at: string;
  actor: string;
  action: string;
  from: string;
  to: string;
  comment?: string;
};

/**
 * Every version of a record with field-level diffs, and its review steps — as the viewer may see
 * them: values are redacted as in every read (identifying fields only with the right), comments
 * (which may name someone) likewise. `undefined` if the viewer may not read the record.
 */
export async function recordHistory(
  store: Store,
  viewer: Viewer,
  keys: FieldKeys,
  id: string,
): Promise<{ versions: HistoryVersion[]; reviews: HistoryStep[] } | undefined> {
  const current = await store.getRecord(id);
  if (!current || !isAllowed(viewer, 'read-records', current.confidentiality)) return undefined;
  const identifying = isAllowed(viewer, 'read-identifying', current.confidentiality);
  const versions: HistoryVersion[] = [];
  let previous: unknown;
  for (const row of await store.recordVersions(id)) {
    const record = redactFor(viewer, revealRecord(JSON.parse(row.doc), keys));
    const {
      version,
      updated_at,
      updated_by,
      status,
      redacted: _,
      ...content
    } = record as typeof record & {
      redacted?: string[];
    };
    versions.push({
      version,
      updated_at,
      updated_by,
      status,
      changes: previous === undefined ? [] : fieldDiff(previous, content),
    });
    previous = content;
  }
  const reviews = (await store.reviewSteps(id)).map(
    (step): HistoryStep => ({
      version: step.version,
      at: step.at,
      actor: step.actor,
      action: step.action,
      from: step.from_status,
      to: step.to_status,
      ...(step.comment
        ? { comment: identifying ? openText(step.comment, `review/${id}/${step.at}`, keys) : '[withheld]' }
        : {}),
    }),
  );
  return { versions, reviews };
}
