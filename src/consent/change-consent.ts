import { randomUUID } from 'node:crypto';
import { authorize } from '../access/authorize.ts';
import type { FieldKeys } from '../access/field-cipher.ts';
import type { Viewer } from '../access/roles.ts';
import type { ConsentChange } from '../domain/consent.ts';
import { freshMeta } from '../domain/record-meta.ts';
import { formatProblem, importRecords } from '../interchange/import-records.ts';
import type { Store } from '../store/store.ts';
import type { ConsentScope } from './consent-ledger.ts';

/** All scopes, for "withdraw everything". */
export const ALL_SCOPES: readonly ConsentScope[] = [
  'INTERNAL-USE',
  'ANONYMISED-PUBLICATION',
  'QUOTATION',
  'SHARE-UN',
  'SHARE-JUDICIAL',
  'BE-NAMED',
];

/**
 * Records that an interviewee withdrew (or granted again) consent scopes, for one interview or all
 * of theirs. Takes effect at once: every export, report and public view reads consent when it runs.
 * Needs the right to write records at the interviewee's level; written through the import path, so
 * it is validated, atomic and audited. Errors never name the person.
 */
export async function changeConsent(
  store: Store,
  viewer: Viewer,
  keys: FieldKeys,
  input: {
    interviewee: string;
    source?: string;
    change: ConsentChange['change'];
    scopes: readonly ConsentScope[];
    note?: string;
    at?: Date;
  },
): Promise<ConsentChange> {
  const person = await store.getRecord(input.interviewee);
  if (person?.type !== 'person' || person.deleted) throw new Error(`no person record ${input.interviewee}`);
  authorize(viewer, 'write-records', person.confidentiality);
  const interviews = (await store.listReferencing(input.interviewee, 'source')).filter(
    (s) => s.type === 'source' && s.interviewee === input.interviewee,
  );
  if (interviews.length === 0) throw new Error(`${input.interviewee} is not the interviewee of any source`);
  if (input.source !== undefined && !interviews.some((s) => s.id === input.source))
    throw new Error(`${input.source} is not an interview of ${input.interviewee}`);
  const at = input.at ?? new Date();
  const record: ConsentChange = {
    type: 'consent',
    ...freshMeta(`CONSENT-${randomUUID()}`, viewer.user, at, person.confidentiality),
    // Consent changes apply without review: a withdrawal must never wait in a queue.
    status: 'verified',
    interviewee: input.interviewee,
    source: input.source,
    change: input.change,
    scopes: [...input.scopes],
    at: at.toISOString(),
    recorded_by: viewer.user,
    note: input.note,
  };
  const report = await importRecords(store, [{ file: 'consent', lines: [{ line: 1, value: record }] }], {
    actor: viewer.user,
    keys,
  });
  if (!report.ok) throw new Error(report.problems.map((p) => formatProblem(p)).join('\n'));
  return record;
}
