import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { InputLine } from './import-records.ts';

/** The lines of a UTF-8 text file, numbered from 1, without their line ends. */
export async function* readLines(path: string): AsyncGenerator<InputLine> {
  const input = createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 });
  const reader = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  let line = 0;
  for await (const text of reader) {
    line++;
    yield { line, text: line === 1 ? text.replace(/^\uFEFF/, '') : text };
  }
}
