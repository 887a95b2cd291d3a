import { readFileSync } from 'node:fs';
import type { z } from 'zod';
import { jsonLinesOf, lineOfPath, parseJsonDocument } from '../proof/json-lines-of.ts';

/** A spec file that cannot be used; each problem reads `FILE:LINE: field: message`. */
export class SpecFileError extends Error {
  readonly id = 'spec-file';
  readonly problems: string[];
  constructor(problems: string[]) {
    super(problems.join('\n'));
    this.problems = problems;
  }
}

/** Reads a JSON spec file and validates it against `schema`, naming file, line and field of every problem. */
export function readSpecFile<T>(path: string, schema: z.ZodType<T>): T {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new SpecFileError([`${path}: cannot read: ${(error as NodeJS.ErrnoException).code ?? 'error'}`]);
  }
  return parseSpecText(text, path, schema);
}

/** Validates a spec given as JSON text; `file` names it in messages. */
export function parseSpecText<T>(text: string, file: string, schema: z.ZodType<T>): T {
  const parsed = parseJsonDocument(text, file, schema);
  if (!parsed.ok) throw new SpecFileError(parsed.problems);
  return parsed.value;
}

/** The line of a field of a JSON text (for problems found after validation, e.g. an unknown source). */
export function lineOfField(text: string, path: readonly (string | number)[]): number {
  return lineOfPath(jsonLinesOf(text), path);
}
