import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse';
import type { ImportProblem } from '../interchange/import-records.ts';
import { cycleOfSession, UprRecommendation } from './upr-recommendation.ts';

/** The columns of UPR Info's database export, in order. */
export const UPR_INFO_COLUMNS = [
  'To',
  'To-Rgrp',
  'To-Org',
  'Text',
  'From',
  'From-Rgrp',
  'From-Org',
  'Response',
  'Action',
  'Issue',
  'Session',
] as const;

const RESPONSES: Record<string, UprRecommendation['response']> = {
  Accepted: 'supported',
  Supported: 'supported',
  Noted: 'noted',
  'Not accepted': 'noted',
  Pending: null,
  '': null,
};

/**
 * Reads UPR Info's CSV export: one recommendation per row. Problems name file, line and column;
 * nothing is returned as valid if any row is wrong (the caller writes all or nothing).
 */
export async function readUprInfoCsv(
  file: string,
): Promise<{ rows: UprRecommendation[]; problems: ImportProblem[] }> {
  const rows: UprRecommendation[] = [];
  const problems: ImportProblem[] = [];
  const parser = createReadStream(file).pipe(
    parse({ columns: true, info: true, bom: true, skip_empty_lines: true, relax_column_count: false }),
  );
  let header: string[] | undefined;
  try {
    for await (const { record, info } of parser as AsyncIterable<{
      record: Record<string, string>;
      info: { lines: number };
    }>) {
      header ??= Object.keys(record);
      const missing = UPR_INFO_COLUMNS.filter((c) => !header?.includes(c));
      if (missing.length > 0) {
        problems.push({
          file,
          line: 1,
          field: missing[0] as string,
          message: 'column missing from the header',
        });
        break;
      }
      const problem = (field: string, message: string) =>
        problems.push({ file, line: info.lines, field, message });
      const session = Number(record.Session);
      const action = record.Action === '' ? null : Number(record.Action);
      const response = RESPONSES[record.Response ?? ''];
      if (response === undefined)
        problem('Response', `unknown response ${JSON.stringify(record.Response?.slice(0, 20))}`);
      const candidate = {
        id: `upr-info-${createHash('sha256')
          .update([record.To, record.Session, record.From, record.Text].join('\u0000'))
          .digest('hex')
          .slice(0, 24)}`,
        state_under_review: record.To,
        cycle: Number.isInteger(session) && session > 0 ? cycleOfSession(session) : 0,
        session,
        text: record.Text?.trim(),
        recommending_state: record.From,
        recommending_group: knownGroup(record['From-Rgrp']),
        response: response ?? null,
        action,
        issues: (record.Issue ?? '')
          .split(',')
          .map((issue) => issue.trim())
          .filter((issue) => issue.length > 0),
        source: 'UPR Info',
      };
      const parsed = UprRecommendation.safeParse(candidate);
      if (!parsed.success) {
        const columnOf: Record<string, string> = {
          state_under_review: 'To',
          session: 'Session',
          cycle: 'Session',
          text: 'Text',
          recommending_state: 'From',
          recommending_group: 'From-Rgrp',
          action: 'Action',
          issues: 'Issue',
        };
        const fields = new Set<string>();
        for (const issue of parsed.error.issues) {
          const key = String(issue.path[0] ?? '');
          const field = columnOf[key] ?? key;
          if (!fields.has(field)) problem(field, issue.message);
          fields.add(field);
        }
        continue;
      }
      if (response !== undefined) rows.push(parsed.data);
    }
  } catch (error) {
    const e = error as { message: string; lines?: number };
    problems.push({ file, line: e.lines ?? 0, field: '(csv)', message: e.message.replace(/:.*$/s, '') });
  }
  return { rows, problems };
}

/** A regional group, or `undefined` where the export has none (empty, or `(Unknown)`, sometimes HTML-escaped). */
function knownGroup(value: string | undefined): string | undefined {
  const group = (value ?? '').replace(/&#40;/g, '(').replace(/&#41;/g, ')').trim();
  return group === '' || group === '(Unknown)' ? undefined : group;
}
