import type { z } from 'zod';
import type { ImportProblem } from '../interchange/import-records.ts';
import { decodeJsonLine, fieldPath } from '../interchange/parse-record.ts';

/**
 * Reads JSON lines of one schema: every value, or every problem (file, line, field; never the
 * values themselves) so that nothing is used from a file with an error in it. Blank lines are skipped.
 */
export function readJsonLines<T extends z.ZodType>(
  file: string,
  content: string,
  schema: T,
): { ok: true; values: z.infer<T>[] } | { ok: false; problems: ImportProblem[] } {
  const values: z.infer<T>[] = [];
  const problems: ImportProblem[] = [];
  content.split(/\r?\n/).forEach((text, i) => {
    if (text.trim() === '') return;
    const line = i + 1;
    const decoded = decodeJsonLine(text);
    if (!decoded.ok) {
      problems.push({ file, line, ...decoded.problem });
      return;
    }
    const parsed = schema.safeParse(decoded.value);
    if (parsed.success) values.push(parsed.data);
    else
      for (const issue of parsed.error.issues)
        problems.push({ file, line, field: fieldPath(issue.path) || '(line)', message: issue.message });
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, values };
}
