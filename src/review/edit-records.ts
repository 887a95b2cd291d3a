import { createHash } from 'node:crypto';
import { isAllowed } from '../access/authorize.ts';
import { type FieldKeys, revealRecord } from '../access/field-cipher.ts';
import type { Viewer } from '../access/roles.ts';
import { canonicalJson } from '../domain/canonical-json.ts';
import type { DaylightRecord } from '../domain/record.ts';
import type { Confidentiality } from '../domain/record-meta.ts';
import type { ImportProblem, InputLine } from '../interchange/import-records.ts';
import { decodeJsonLine, prepareRecord } from '../interchange/parse-record.ts';
import type { PreparedRecord, Store } from '../store/store.ts';
import { statusAfterEdit } from './workflow.ts';

/** What an edit did, or why it changed nothing. */
export type EditReport = { ok: boolean; edited: number; unchanged: number; problems: ImportProblem[] };

/** Fields the edit sets itself: whatever the input says, they come from the stored record and the editor. */
const MANAGED = ['version', 'created_at', 'created_by', 'updated_at', 'updated_by', 'status'] as const;

/**
 * Edits stored records, all-or-nothing. Each input line is the whole record as the editor wants it,
 * with the `version` they read (optimistic locking: if someone changed it since, the edit is refused
 * and nothing is written). Each edited record becomes version n + 1, by the editor, and goes back to
 * review if it had left the coder's hands (a verified record is sealed: see `statusAfterEdit`); the
 * version it replaces stays readable in its history. Audited.
 */
export async function editRecords(
  store: Store,
  viewer: Viewer,
  keys: FieldKeys,
  input: { file: string; lines: Iterable<InputLine> | AsyncIterable<InputLine> },
  options: { now?: Date; reason?: string } = {},
): Promise<EditReport> {
  const now = (options.now ?? new Date()).toISOString();
  const report: EditReport = { ok: false, edited: 0, unchanged: 0, problems: [] };
  const problem = (line: number, field: string, message: string) =>
    report.problems.push({ file: input.file, line, field, message });
  const batch: { prepared: PreparedRecord; expectedVersion: number; line: number }[] = [];

  for await (const item of input.lines) {
    const decoded = 'text' in item ? decodeJsonLine(item.text) : { ok: true as const, value: item.value };
    if (!decoded.ok) {
      problem(item.line, decoded.problem.field, decoded.problem.message);
      continue;
    }
    const wanted = decoded.value as Partial<DaylightRecord> & Record<string, unknown>;
    const id = typeof wanted?.id === 'string' ? wanted.id : undefined;
    const storedDoc = id ? await store.getRecord(id) : undefined;
    // A record the editor may not read is reported as absent, like every refusal to read.
    if (!id || !storedDoc || !isAllowed(viewer, 'read-records', storedDoc.confidentiality)) {
      problem(item.line, 'id', `no record ${JSON.stringify(String(id ?? ''))} to edit`);
      continue;
    }
    const stored = revealRecord(storedDoc as never, keys);
    const level = (wanted.confidentiality ?? stored.confidentiality) as Confidentiality;
    for (const at of new Set([stored.confidentiality, level]))
      if (!isAllowed(viewer, 'write-records', at))
        problem(item.line, 'confidentiality', `a ${viewer.role} may not edit records at level ${at}`);
    if (
      wanted.deleted !== undefined &&
      stored.deleted === undefined &&
      !isAllowed(viewer, 'delete-records', level)
    )
      problem(item.line, 'deleted', `a ${viewer.role} may not delete records`);
    if (wanted.version !== stored.version) {
      problem(
        item.line,
        'version',
        `the stored record is version ${stored.version}: it changed since version ${JSON.stringify(wanted.version)} was read; edit the current version`,
      );
      continue;
    }
    if (sameContent(stored, wanted)) {
      report.unchanged++;
      continue;
    }
    const next = {
      ...wanted,
      version: stored.version + 1,
      created_at: stored.created_at,
      created_by: stored.created_by,
      updated_at: now,
      updated_by: viewer.user,
      status: statusAfterEdit(stored.status),
    };
    const prepared = prepareRecord(next, keys);
    if (!prepared.ok) {
      for (const p of prepared.problems) problem(item.line, p.field, p.message);
      continue;
    }
    if (prepared.prepared.columns.type !== stored.type) {
      problem(item.line, 'type', `record ${id} is a ${stored.type}; an edit cannot change its type`);
      continue;
    }
    batch.push({ prepared: prepared.prepared, expectedVersion: stored.version, line: item.line });
  }
  if (report.problems.length > 0) return report;

  const session = await store.beginWrite();
  try {
    const outcomes = await session.edit(batch);
    outcomes.forEach((outcome, i) => {
      const { line, prepared } = batch[i] as (typeof batch)[number];
      if (outcome === 'edited') report.edited++;
      else if (outcome === 'unchanged') report.unchanged++;
      else
        problem(line, 'version', `record ${prepared.columns.id} changed while this edit ran; edit it again`);
    });
    const lineOf = new Map(batch.map((b) => [b.prepared.columns.id, b.line]));
    for (const ref of await session.danglingReferences(100))
      problem(
        lineOf.get(ref.id) ?? 0,
        ref.field,
        `refers to ${ref.targetType} ${JSON.stringify(ref.target)}, which does not exist`,
      );
    if (report.problems.length > 0) {
      await session.rollback();
      return report;
    }
    if (report.edited > 0) {
      const ids = createHash('sha256');
      for (const b of batch) ids.update(`${b.prepared.columns.id}@${b.prepared.columns.version}\n`);
      await session.audit({
        at: now,
        actor: viewer.user,
        action: 'edit',
        target: batch.length === 1 ? batch[0]?.prepared.columns.id : undefined,
        reason: options.reason,
        detail: { edited: report.edited, versions_sha256: ids.digest('hex') },
      });
    }
    await session.commit();
    report.ok = true;
    return report;
  } catch (error) {
    await session.rollback();
    throw error;
  }
}

/** Whether the wanted record says the same as the stored one, apart from the fields edits manage. */
function sameContent(stored: DaylightRecord, wanted: Record<string, unknown>): boolean {
  const strip = (r: Record<string, unknown>) => {
    const copy = { ...r };
    for (const field of MANAGED) delete copy[field];
    return canonicalJson(copy);
  };
  return strip(stored as unknown as Record<string, unknown>) === strip(wanted);
}
