import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';

/**
 * What UPR Info's export records with a recommendation besides its text, each optional: the
 * recommending state and its regional group, the state under review and its group, the Working
 * Group session, and the response (`Accepted`/`Noted`, as in the export).
 */
export type RecommendationContext = {
  from?: string;
  fromGroup?: string;
  to?: string;
  toGroup?: string;
  session?: number;
  response?: string;
};

/** A recommendation's text with UPR Info's coding: action category 1–5 and issues. */
export type LabelledRecommendation = {
  text: string;
  action: number;
  issues: string[];
  context?: RecommendationContext;
};

/**
 * The context of a CSV record in UPR Info's export format: its `From`, `From-Rgrp`, `To`,
 * `To-Rgrp`, `Session` and `Response` cells, where present and not empty.
 */
export function recordContext(record: Readonly<Record<string, string | undefined>>): RecommendationContext {
  const context: RecommendationContext = {};
  const cell = (name: string) => {
    const value = (record[name] ?? '').trim();
    return value === '' || value.startsWith('&#40;') ? undefined : value;
  };
  const from = cell('From');
  const fromGroup = cell('From-Rgrp');
  const to = cell('To');
  const toGroup = cell('To-Rgrp');
  const session = Number(cell('Session'));
  const response = cell('Response');
  if (from !== undefined) context.from = from;
  if (fromGroup !== undefined) context.fromGroup = fromGroup;
  if (to !== undefined) context.to = to;
  if (toGroup !== undefined) context.toGroup = toGroup;
  if (Number.isInteger(session) && session > 0) context.session = session;
  if (response !== undefined) context.response = response;
  return context;
}

/**
 * Reads the text, action, issues and context of every coded row of a UPR Info export (rows
 * without an action or issue are skipped: they cannot teach or test). For training and evaluation
 * only.
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
    rows.push({ text, action, issues, context: recordContext(record) });
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
