import type { RecordType } from '../domain/record.ts';
import type { PreparedRecord, Store } from '../store/store.ts';
import { decodeJsonLine, prepareRecord } from './parse-record.ts';

type Where = { file: string; line: number };

/** One numbered input line (1-based), before decoding. */
export type InputLine = { line: number; value: unknown } | { line: number; text: string };

/** A problem to show as `FILE:LINE: field: message`. */
export type ImportProblem = { file: string; line: number; field: string; message: string };

/** One input file's name (as the user gave it) and its numbered lines. */
export type InputFile = { file: string; lines: AsyncIterable<InputLine> | Iterable<InputLine> };

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
  /** Called every `progressEvery` records with the count so far. */
  onProgress?: (records: number) => void;
  progressEvery?: number;
  batchSize?: number;
  maxProblems?: number;
};

/** Formats a problem the way compilers do: `FILE:LINE: field: message`. */
export function formatProblem(problem: ImportProblem): string {
  return `${problem.file}:${problem.line}: ${problem.field}: ${problem.message}`;
}

/**
 * Imports records all-or-nothing: every line is validated and written inside one transaction,
 * references are checked once all lines are in, and any problem rolls the whole file back.
 * Records already stored with identical content are left as they are, so a re-import changes nothing.
 */
export async function importRecords(
  store: Store,
  inputs: InputFile[],
  options: ImportOptions = {},
): Promise<ImportReport> {
  const maxProblems = options.maxProblems ?? 200;
  const batchSize = options.batchSize ?? 2000;
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
  const lineOf = new Map<string, Where>();
  const session = await store.beginWrite();
  try {
    let batch: PreparedRecord[] = [];
    let batchLines: Where[] = [];
    const flush = async () => {
      const outcomes = await session.write(batch);
      outcomes.forEach((outcome, i) => {
        const line = batchLines[i] as Where;
        const record = (batch[i] as PreparedRecord).record;
        if (outcome === 'inserted') report.inserted++;
        else if (outcome === 'unchanged') report.unchanged++;
        else {
          const first = lineOf.get(record.id);
          const where =
            first === undefined || first === line
              ? ''
              : first.file === line.file
                ? ` (first at line ${first.line})`
                : ` (first at ${first.file}:${first.line})`;
          problem(
            line,
            'id',
            `record ${JSON.stringify(record.id)} already exists with different content${where}`,
          );
        }
        if (outcome !== 'conflict' || !lineOf.has(record.id)) lineOf.set(record.id, line);
      });
      batch = [];
      batchLines = [];
    };
    for (const { file, lines } of inputs) {
      for await (const input of lines) {
        const where = { file, line: input.line };
        let value: unknown;
        if ('text' in input) {
          if (input.text.trim() === '') continue;
          const decoded = decodeJsonLine(input.text);
          if (!decoded.ok) {
            problem(where, decoded.problem.field, decoded.problem.message);
            continue;
          }
          value = decoded.value;
        } else value = input.value;
        const result = prepareRecord(value);
        if (!result.ok) {
          for (const p of result.problems) problem(where, p.field, p.message);
          continue;
        }
        report.records++;
        const type = result.prepared.record.type;
        report.byType[type] = (report.byType[type] ?? 0) + 1;
        batch.push(result.prepared);
        batchLines.push(where);
        if (batch.length >= batchSize) await flush();
        if (options.onProgress && report.records % progressEvery === 0) options.onProgress(report.records);
      }
    }
    await flush();
    for (const ref of await session.danglingReferences(maxProblems + 1)) {
      problem(
        lineOf.get(ref.id) ?? { file: '?', line: 0 },
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
    await session.commit();
    report.ok = true;
    return report;
  } catch (error) {
    await session.rollback();
    throw error;
  }
}
