import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { type CaptureData, captureDataFromRows, MAX_LISTS, MIN_LISTS } from './capture-data.ts';

/** Bad input in a histories CSV, naming the file, line and field. */
export class HistoriesCsvError extends Error {}

/** The header: 2–8 distinct list names, then `count`. */
const Header = z
  .array(z.string().trim().min(1, 'empty column name'))
  .refine((names) => names.at(-1) === 'count', 'the last column must be "count"')
  .refine((names) => names.length - 1 >= MIN_LISTS && names.length - 1 <= MAX_LISTS, {
    message: `expected ${MIN_LISTS} to ${MAX_LISTS} list columns before "count"`,
  })
  .refine((names) => new Set(names).size === names.length, 'column names must be distinct');

const Bit = z.enum(['0', '1'], { message: 'expected 0 or 1' });
const Count = z
  .string()
  .trim()
  .regex(/^\d+$/, 'expected a whole number of units (0 or more)')
  .transform(Number)
  .refine(Number.isSafeInteger, 'count too large');

/**
 * Reads capture histories in the format of `../shared/data/mse/`: one row per observed history, 0/1
 * per list, then `count`. A history on no list cannot be observed and is refused.
 */
export function parseHistoriesCsv(text: string, file: string): CaptureData {
  const strata = parseStratifiedHistoriesCsv(text, file);
  const only = strata[0];
  if (!only) throw new HistoriesCsvError(`${file}: no histories`);
  return only.data;
}

/**
 * The same format with one extra column naming each row's stratum (`stratum`): one set of
 * histories per stratum, in order of first appearance. Without the column, one unnamed stratum.
 */
export function parseStratifiedHistoriesCsv(
  text: string,
  file: string,
  stratumColumn?: string,
): { name: string; data: CaptureData }[] {
  let records: string[][];
  try {
    records = parse(text, { skip_empty_lines: true, relax_column_count: true, bom: true });
  } catch (error) {
    throw new HistoriesCsvError(`${file}: not readable as CSV (${(error as Error).message})`);
  }
  const [fullHeader, ...fullRows] = records;
  if (!fullHeader) throw new HistoriesCsvError(`${file}: empty file`);
  const at = stratumColumn === undefined ? -1 : fullHeader.indexOf(stratumColumn);
  if (stratumColumn !== undefined && at < 0)
    throw new HistoriesCsvError(`${file}, line 1: no column ${JSON.stringify(stratumColumn)}`);
  const without = (row: string[]) => (at < 0 ? row : row.filter((_, i) => i !== at));
  const header = without(fullHeader);
  const rows = fullRows.map(without);
  const names = Header.safeParse(header);
  if (!names.success) throw new HistoriesCsvError(`${file}, line 1: ${names.error.issues[0]?.message}`);
  const lists = names.data.slice(0, -1);
  const byStratum = new Map<string, { history: number[]; count: number }[]>();
  rows.forEach((row, i) => {
    const name = at < 0 ? '' : (fullRows[i]?.[at] ?? '').trim();
    const line = i + 2;
    const where = (field: string) => `${file}, line ${line}, field ${field}`;
    if (row.length !== header.length)
      throw new HistoriesCsvError(
        `${file}, line ${line}: expected ${header.length} fields, got ${row.length}`,
      );
    const history = lists.map((list, j) => {
      const bit = Bit.safeParse(row[j]?.trim());
      if (!bit.success)
        throw new HistoriesCsvError(`${where(list)}: expected 0 or 1, got ${JSON.stringify(row[j])}`);
      return Number(bit.data);
    });
    const count = Count.safeParse(row.at(-1));
    if (!count.success)
      throw new HistoriesCsvError(
        `${where('count')}: ${count.error.issues[0]?.message}, got ${JSON.stringify(row.at(-1))}`,
      );
    if (history.every((bit) => bit === 0) && count.data > 0)
      throw new HistoriesCsvError(`${where(lists[0] as string)}: a history on no list cannot be observed`);
    const stratum = byStratum.get(name) ?? [];
    byStratum.set(name, stratum);
    stratum.push({ history, count: count.data });
  });
  if (byStratum.size === 0) byStratum.set('', []);
  return [...byStratum].map(([name, parsed]) => ({ name, data: captureDataFromRows(lists, parsed) }));
}
