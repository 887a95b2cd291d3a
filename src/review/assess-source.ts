import { randomUUID } from 'node:crypto';
import { authorize, isAllowed } from '../access/authorize.ts';
import type { FieldKeys } from '../access/field-cipher.ts';
import type { Viewer } from '../access/roles.ts';
import type { Assessment } from '../domain/assessment.ts';
import { freshMeta } from '../domain/record-meta.ts';
import { formatProblem, importRecords } from '../interchange/import-records.ts';
import type { Store } from '../store/store.ts';

/**
 * Records an assessment: the reliability of a source (A–F), or the credibility (1–6) of what it says
 * about one act, with the assessor (the viewer), the time and the reason. Needs `review-records` at
 * the source's level; written through the import path (validated, atomic, audited).
 */
export async function assessSource(
  store: Store,
  viewer: Viewer,
  keys: FieldKeys,
  input: {
    source: string;
    act?: string;
    reliability?: string;
    credibility?: string;
    reason: string;
    at?: Date;
  },
): Promise<Assessment> {
  const source = await store.getRecord(input.source);
  if (
    source?.type !== 'source' ||
    source.deleted ||
    !isAllowed(viewer, 'read-records', source.confidentiality)
  )
    throw new Error(`no source ${input.source}`);
  authorize(viewer, 'review-records', source.confidentiality);
  const at = input.at ?? new Date();
  const record = {
    type: 'assessment',
    ...freshMeta(`AS-${randomUUID()}`, viewer.user, at, source.confidentiality),
    status: 'verified',
    source: input.source,
    act: input.act,
    reliability: input.reliability,
    credibility: input.credibility,
    assessor: viewer.user,
    at: at.toISOString(),
    reason: input.reason,
  };
  const report = await importRecords(store, [{ file: 'assessment', lines: [{ line: 1, value: record }] }], {
    actor: viewer.user,
    keys,
  });
  if (!report.ok) throw new Error(report.problems.map((p) => formatProblem(p)).join('\n'));
  return record as Assessment;
}
