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
  let records: string[][];
  try {
    records = parse(text, { skip_empty_lines: true, relax_column_count: true, bom: true });
  } catch (error) {
    throw new HistoriesCsvError(`${file}: not readable as CSV (${(error as Error).message})`);
  }
  const [header, ...rows] = records;
  if (!header) throw new HistoriesCsvError(`${file}: empty file`);
  const names = Header.safeParse(header);
  if (!names.success) throw new HistoriesCsvError(`${file}, line 1: ${names.error.issues[0]?.message}`);
  const lists = names.data.slice(0, -1);
  const parsed = rows.map((row, i) => {
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
    return { history, count: count.data };
  });
  return captureDataFromRows(lists, parsed);
}
