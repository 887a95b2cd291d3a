import type { z } from 'zod';
import {
  blindTokens,
  contentHash,
  type FieldKeys,
  PROTECTED_FIELDS,
  protectRecord,
} from '../access/field-cipher.ts';
import { canonicalJson } from '../domain/canonical-json.ts';
import {
  type DaylightRecord,
  isRecordType,
  RECORD_SCHEMAS,
  referencesOf,
  searchTextOf,
} from '../domain/record.ts';
import type { PreparedRecord } from '../store/store.ts';

/** A problem with one field of one input line. Never carries the field's value: it may identify someone. */
export type FieldProblem = { field: string; message: string };

/**
 * Validates one decoded record against its type's schema and prepares it for the store: protected
 * fields encrypted, identifying text turned into blind-index tokens, a keyed content hash.
 */
export function prepareRecord(
  value: unknown,
  keys: FieldKeys,
): { ok: true; prepared: PreparedRecord } | { ok: false; problems: FieldProblem[] } {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { ok: false, problems: [{ field: '(record)', message: 'expected a JSON object' }] };
  }
  const type = (value as { type?: unknown }).type;
  if (type === undefined) return { ok: false, problems: [{ field: 'type', message: 'is missing' }] };
  if (!isRecordType(type)) {
    return {
      ok: false,
      problems: [
        { field: 'type', message: `unknown record type ${JSON.stringify(String(type).slice(0, 40))}` },
      ],
    };
  }
  const result = RECORD_SCHEMAS[type].safeParse(value);
  if (!result.success) return { ok: false, problems: result.error.issues.map(describeIssue) };
  const record = result.data as DaylightRecord;
  const columns = {
    id: record.id,
    type: record.type,
    version: record.version,
    status: record.status,
    confidentiality: record.confidentiality,
    updated_at: record.updated_at,
    deleted: record.deleted !== undefined,
  };
  const text = searchTextOf(record);
  const plaintext = canonicalJson(record);
  const protects = PROTECTED_FIELDS[record.type].length > 0 || plaintext.includes('"sensitive":true');
  return {
    ok: true,
    prepared: {
      columns,
      json: protects ? canonicalJson(protectRecord(record, keys)) : plaintext,
      contentHash: contentHash(plaintext, keys),
      refs: referencesOf(record),
      searchText: { open: text.open, identifying: blindTokens(text.identifying, keys).join(' ') },
    },
  };
}

/** Decodes one line of JSON, reporting where it breaks without echoing its content. */
export function decodeJsonLine(
  text: string,
): { ok: true; value: unknown } | { ok: false; problem: FieldProblem } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    const position = /position (\d+)/.exec(String((error as Error).message))?.[1];
    const where = position === undefined ? '' : ` (at character ${Number(position) + 1})`;
    return { ok: false, problem: { field: '(line)', message: `not valid JSON${where}` } };
  }
}

/** `victims[0]`, `sources[2].connection`: a zod issue path as people write it. */
export function fieldPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path)
    out += typeof key === 'number' ? `[${key}]` : out === '' ? String(key) : `.${String(key)}`;
  return out === '' ? '(record)' : out;
}

function describeIssue(issue: z.core.$ZodIssue): FieldProblem {
  if (issue.code === 'unrecognized_keys') {
    const keys = issue.keys.map((key) => JSON.stringify(key)).join(', ');
    return {
      field: fieldPath(issue.path),
      message: `unknown field${issue.keys.length > 1 ? 's' : ''} ${keys}`,
    };
  }
  if (issue.code === 'invalid_type' && /received undefined$/.test(issue.message)) {
    return { field: fieldPath(issue.path), message: `is missing (expected ${issue.expected})` };
  }
  return { field: fieldPath(issue.path), message: issue.message };
}

/** One input line, validated: ready to write, or its problems. */
export type PreparedLine =
  | { line: number; prepared: PreparedRecord }
  | { line: number; problems: FieldProblem[] };

/** Decodes (if text) and validates one numbered input line. `undefined` for a blank line. */
export function prepareLine(
  input: { line: number; value: unknown } | { line: number; text: string },
  keys: FieldKeys,
): PreparedLine | undefined {
  let value: unknown;
  if ('text' in input) {
    if (input.text.trim() === '') return undefined;
    const decoded = decodeJsonLine(input.text);
    if (!decoded.ok) return { line: input.line, problems: [decoded.problem] };
    value = decoded.value;
  } else value = input.value;
  const result = prepareRecord(value, keys);
  return result.ok
    ? { line: input.line, prepared: result.prepared }
    : { line: input.line, problems: result.problems };
}

/** Validates lines in batches, in this thread. */
export async function* prepareInBatches(
  lines:
    | AsyncIterable<{ line: number; value: unknown } | { line: number; text: string }>
    | Iterable<{ line: number; value: unknown } | { line: number; text: string }>,
  keys: FieldKeys,
  batchSize = 2000,
): AsyncGenerator<PreparedLine[]> {
  let batch: PreparedLine[] = [];
  for await (const input of lines) {
    const prepared = prepareLine(input, keys);
    if (!prepared) continue;
    batch.push(prepared);
    if (batch.length >= batchSize) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}
