import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'csv-parse';
import { stringify } from 'csv-stringify';
import type { z } from 'zod';
import type { FieldKeys } from '../access/field-cipher.ts';
import { canonicalJson } from '../domain/canonical-json.ts';
import { isRecordType, RECORD_SCHEMAS, RECORD_TYPES, type RecordType } from '../domain/record.ts';
import type { Store } from '../store/store.ts';
import { storedPlaintext } from './export-records.ts';
import type { InputLine } from './import-records.ts';

// CSV is for spreadsheets: one file per record type, one column per top-level field. Text and
// numbers are written as they are; nested values (names, dates, sources …) as JSON in their cell.

/** The columns of a record type's CSV file: `type`, then every field of its schema in order. */
export function csvColumns(type: RecordType): string[] {
  return Object.keys(RECORD_SCHEMAS[type].shape);
}

/** Writes `TYPE.csv` for every record type into `folder`; returns the files written. */
export async function writeCsvExport(store: Store, keys: FieldKeys, folder: string): Promise<string[]> {
  await mkdir(folder, { recursive: true });
  const written: string[] = [];
  for (const type of RECORD_TYPES) {
    const columns = csvColumns(type);
    const path = join(folder, `${type}.csv`);
    const out = createWriteStream(path);
    const csv = stringify({ header: true, columns, bom: false });
    csv.pipe(out);
    for await (const json of storedPlaintext(store, type, keys)) {
      const record = JSON.parse(json) as Record<string, unknown>;
      const row = columns.map((column) => cellOf(record[column]));
      if (!csv.write(row)) await once(csv, 'drain');
    }
    csv.end();
    await once(out, 'finish');
    written.push(path);
  }
  return written;
}

/** Reads a CSV file written by `writeCsvExport` (or by hand) as numbered records. */
export async function* readCsvRecords(path: string): AsyncGenerator<InputLine> {
  const parser = createReadStream(path).pipe(
    parse({ columns: true, info: true, bom: true, skip_empty_lines: true }),
  );
  for await (const { record, info } of parser as AsyncIterable<{
    record: Record<string, string>;
    info: { lines: number };
  }>) {
    yield { line: info.lines, value: valueOfRow(record) };
  }
}

function cellOf(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return canonicalJson(value);
}

function valueOfRow(row: Record<string, string>): Record<string, unknown> {
  const type = row.type;
  if (!isRecordType(type)) return row;
  const shape = RECORD_SCHEMAS[type].shape as Record<string, z.ZodType>;
  const value: Record<string, unknown> = {};
  for (const [column, cell] of Object.entries(row)) {
    if (cell === '') continue;
    const field = shape[column];
    value[column] = field ? decodeCell(cell, baseTypeOf(field)) : cell;
  }
  return value;
}

function decodeCell(cell: string, kind: string): unknown {
  if (kind === 'string' || kind === 'enum' || kind === 'literal') return cell;
  if (kind === 'number') return /^-?\d+(\.\d+)?$/.test(cell) ? Number(cell) : cell;
  if (kind === 'boolean') return cell === 'true' ? true : cell === 'false' ? false : cell;
  try {
    return JSON.parse(cell);
  } catch {
    return cell;
  }
}

function baseTypeOf(schema: z.ZodType): string {
  let def = schema.def as { type: string; innerType?: z.ZodType };
  while (def.innerType) def = def.innerType.def as typeof def;
  return def.type;
}
