import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';

/** A recommendation's text with UPR Info's coding: action category 1–5 and issues. */
export type LabelledRecommendation = { text: string; action: number; issues: string[] };

/**
 * Reads the text, action and issues of every coded row of a UPR Info export (rows without an
 * action or issue are skipped: they cannot teach or test). For training and evaluation only.
 */
export function readLabelledRecommendations(file: string): LabelledRecommendation[] {
  const records = parse(readFileSync(file), { columns: true, bom: true, skip_empty_lines: true }) as Record<
    string,
    string
  >[];
  const rows: LabelledRecommendation[] = [];
  for (const record of records) {
    const action = Number(record.Action);
    const issues = splitIssues(record.Issue ?? '');
    const text = (record.Text ?? '').trim();
    if (text === '' || !Number.isInteger(action) || action < 1 || action > 5 || issues.length === 0) continue;
    rows.push({ text, action, issues });
  }
  return rows;
}

/** UPR Info's issue cell: issues joined with `,` (no issue name contains a comma). */
export function splitIssues(cell: string): string[] {
  return cell
    .split(',')
    .map((issue) => issue.trim())
    .filter((issue) => issue.length > 0);
}
