import { createHash } from 'node:crypto';
import type { FieldKeys } from '../access/field-cipher.ts';
import type { RecordType } from '../domain/record.ts';
import type { PreparedRecord, Store } from '../store/store.ts';
import { type PreparedLine, prepareInBatches } from './parse-record.ts';

/** One numbered input line (1-based): text to decode, or an already decoded value. */
export type InputLine = { line: number; value: unknown } | { line: number; text: string };

/** A problem to show as `FILE:LINE: field: message`. */
export type ImportProblem = { file: string; line: number; field: string; message: string };

/**
 * One input file's name (as the user gave it) and its content: numbered lines, or batches of lines
 * already validated (e.g. by a worker thread, see `prepareFileInWorker`).
 */
export type InputFile =
  | { file: string; lines: AsyncIterable<InputLine> | Iterable<InputLine> }
  | { file: string; batches: AsyncIterable<PreparedLine[]> };

/** What an import did, or why it wrote nothing. */
export type ImportReport = {
  files: string[];
  ok: boolean;
  records: number;
  inserted: number;
  unchanged: number;
  byType: Partial<Record<RecordType, number>>;
  problems: ImportProblem[];
  /** Problems found beyond those listed. */
  moreProblems: number;
};

export type ImportOptions = {
  /** The unlocked keyring: protected fields are encrypted with it before they are stored. */
  keys: FieldKeys;
  /** Who is importing, for the audit trail (default `system`). */
  actor?: string;
  /** Why, if the user said (kept in the audit trail). */
  reason?: string;
  /** Called about every `progressEvery` records with the count so far. */
  onProgress?: (records: number) => void;
  progressEvery?: number;
  maxProblems?: number;
};

type Where = { file: string; line: number };

/** Formats a problem the way compilers do: `FILE:LINE: field: message`. */
export function formatProblem(problem: ImportProblem): string {
  return `${problem.file}:${problem.line}: ${problem.field}: ${problem.message}`;
}

/**
 * Imports records all-or-nothing: every line is validated and written inside one transaction,
 * references are checked once all lines are in, and any problem rolls the whole import back.
 * Records already stored with identical content are left as they are, so a re-import changes nothing.
 */
export async function importRecords(
  store: Store,
  inputs: InputFile[],
  options: ImportOptions,
): Promise<ImportReport> {
  const maxProblems = options.maxProblems ?? 200;
  const progressEvery = options.progressEvery ?? 10_000;
  const report: ImportReport = {
    files: inputs.map((input) => input.file),
    ok: false,
    records: 0,
    inserted: 0,
    unchanged: 0,
    byType: {},
    problems: [],
    moreProblems: 0,
  };
  const problem = (where: Where, field: string, message: string) => {
    if (report.problems.length < maxProblems) report.problems.push({ ...where, field, message });
    else report.moreProblems++;
  };
  // Where each record was first seen, to place reference problems and duplicates.
  const lineOf = new Map<string, Where>();
  let nextProgress = progressEvery;
  // A digest of the ids written, in order, for the audit entry: it names what changed without listing it.
  const writtenIds = createHash('sha256');
  const session = await store.beginWrite();
  try {
    for (const input of inputs) {
      const batches = 'batches' in input ? input.batches : prepareInBatches(input.lines, options.keys);
      for await (const batch of batches) {
        const records: PreparedRecord[] = [];
        const wheres: Where[] = [];
        for (const item of batch) {
          const where = { file: input.file, line: item.line };
          if ('problems' in item) {
            for (const p of item.problems) problem(where, p.field, p.message);
            continue;
          }
          records.push(item.prepared);
          wheres.push(where);
        }
        const outcomes = await session.write(records);
        outcomes.forEach((outcome, i) => {
          const where = wheres[i] as Where;
          const { id, type } = (records[i] as PreparedRecord).columns;
          report.records++;
          report.byType[type] = (report.byType[type] ?? 0) + 1;
          if (outcome === 'inserted') {
            report.inserted++;
            writtenIds.update(`${id}\n`);
          } else if (outcome === 'unchanged') report.unchanged++;
          else
            problem(
              where,
              'id',
              `record ${JSON.stringify(id)} already exists with different content${firstSeen(lineOf.get(id), where)}`,
            );
          if (!lineOf.has(id)) lineOf.set(id, where);
        });
        if (options.onProgress && report.records >= nextProgress) {
          options.onProgress(report.records);
          nextProgress += progressEvery;
        }
      }
    }
    for (const ref of await session.danglingReferences(maxProblems + 1)) {
      const where = lineOf.get(ref.id) ?? { file: '?', line: 0 };
      problem(
        where,
        ref.field,
        `refers to ${ref.targetType} ${JSON.stringify(ref.target)}, which does not exist`,
      );
    }
    const order = new Map(report.files.map((file, i) => [file, i]));
    report.problems.sort((a, b) => (order.get(a.file) ?? 0) - (order.get(b.file) ?? 0) || a.line - b.line);
    if (report.problems.length > 0 || report.moreProblems > 0) {
      await session.rollback();
      return report;
    }
    if (report.inserted > 0) {
      await session.audit({
        at: new Date().toISOString(),
        actor: options.actor ?? 'system',
        action: 'import',
        reason: options.reason,
        detail: {
          files: report.files.length,
          inserted: report.inserted,
          unchanged: report.unchanged,
          ids_sha256: writtenIds.digest('hex'),
        },
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

function firstSeen(first: Where | undefined, here: Where): string {
  if (first === undefined || (first.file === here.file && first.line === here.line)) return '';
  return first.file === here.file
    ? ` (first at line ${first.line})`
    : ` (first at ${first.file}:${first.line})`;
}
