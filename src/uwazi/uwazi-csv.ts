import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';

/** A CSV file read as its header and numbered rows of cells by column. */
export type CsvTable = {
  file: string;
  header: string[];
  rows: { line: number; cells: Record<string, string> }[];
};

/** The delimiter of a CSV text: `;` if its first line has more semicolons than commas outside quotes. */
export function detectDelimiter(text: string): ',' | ';' {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && char === ',') commas++;
    else if (!quoted && char === ';') semicolons++;
  }
  return semicolons > commas ? ';' : ',';
}

/** Parses CSV text (comma or semicolon, detected; BOM ignored) with each row's line number. */
export function parseCsvTable(file: string, text: string): CsvTable {
  const records = parse(text, {
    delimiter: detectDelimiter(text.replace(/^\uFEFF/, '')),
    bom: true,
    info: true,
    skip_empty_lines: true,
    relax_column_count: false,
  }) as unknown as { record: string[]; info: { lines: number } }[];
  const [head, ...body] = records;
  const header = (head?.record ?? []).map((column) => column.trim());
  return {
    file,
    header,
    rows: body.map(({ record, info }) => ({
      line: info.lines,
      cells: Object.fromEntries(header.map((column, i) => [column, record[i] ?? ''])),
    })),
  };
}

/** Reads a CSV file; a broken file throws with the line csv-parse names (never its content). */
export async function readCsvTable(file: string): Promise<CsvTable> {
  const text = await readFile(file, 'utf8');
  try {
    return parseCsvTable(file, text);
  } catch (error) {
    const e = error as { message: string; lines?: number };
    throw new CsvError(file, e.lines ?? 0, e.message.replace(/:.*$/s, ''));
  }
}

/** A CSV file that cannot be parsed, with where. */
export class CsvError extends Error {
  readonly file: string;
  readonly line: number;
  constructor(file: string, line: number, message: string) {
    super(`${file}:${line}: (csv): ${message}`);
    this.file = file;
    this.line = line;
  }
}

/** CSV text (comma-separated, quoted where needed, CRLF-free) of a header and rows. */
export function formatCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return stringify([header as string[], ...(rows as string[][])]);
}
