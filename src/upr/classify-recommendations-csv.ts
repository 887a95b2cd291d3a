import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import type { ImportProblem } from '../interchange/import-records.ts';
import { recordContext } from './labelled-recommendation.ts';
import { type CompiledClassifier, classifyRecommendation } from './recommendation-classifier.ts';

/** The result of classifying a CSV: the rewritten CSV, or the problems that stopped it. */
export type ClassifiedCsv =
  | { ok: true; csv: string; rows: number }
  | { ok: false; problems: ImportProblem[] };

/**
 * Fills in `Action` and `Issue` (issues joined with `,`, as in UPR Info's export) for every row of
 * a CSV with a `Text` column; other columns are kept as they are, and `Action` and `Issue` are
 * added at the end when missing. UPR Info's context columns (`From`, `From-Rgrp`, `Session`…) are
 * given to the classifier when present; text alone works too. All or nothing: any row without text
 * is reported with its line.
 */
export function classifyRecommendationsCsv(
  content: string,
  file: string,
  classifier: CompiledClassifier,
): ClassifiedCsv {
  let records: { record: Record<string, string>; info: { lines: number } }[];
  let header: string[] = [];
  try {
    records = parse(content, {
      bom: true,
      skip_empty_lines: true,
      info: true,
      columns: (names: string[]) => {
        header = names.map((n) => n.trim());
        return header;
      },
    }) as typeof records;
  } catch (error) {
    const e = error as { message: string; lines?: number };
    return {
      ok: false,
      problems: [{ file, line: e.lines ?? 1, field: '(csv)', message: e.message.replace(/:.*$/s, '') }],
    };
  }
  if (!header.includes('Text'))
    return {
      ok: false,
      problems: [{ file, line: 1, field: 'Text', message: 'column missing from the header' }],
    };
  const problems: ImportProblem[] = [];
  for (const { record, info } of records)
    if ((record.Text ?? '').trim() === '')
      problems.push({ file, line: info.lines, field: 'Text', message: 'no recommendation text' });
  if (problems.length > 0) return { ok: false, problems };
  const columns = [...header, ...['Action', 'Issue'].filter((c) => !header.includes(c))];
  const rows = records.map(({ record }) => {
    const result = classifyRecommendation(
      classifier,
      record.Text as string,
      { atLeastOneIssue: true },
      recordContext(record),
    );
    return columns.map((c) =>
      c === 'Action' ? String(result.action) : c === 'Issue' ? result.issues.join(',') : (record[c] ?? ''),
    );
  });
  return { ok: true, csv: stringify([columns, ...rows]), rows: rows.length };
}
