import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import type { FieldKeys } from '../access/field-cipher.ts';
import { canonicalJson } from '../domain/canonical-json.ts';
import { RECORD_SCHEMAS } from '../domain/record.ts';
import { type ImportReport, importRecords } from '../interchange/import-records.ts';
import type { Store } from '../store/store.ts';
import { type DemoOptions, generateDemo } from './generate-demo.ts';

/** Generates the demo dataset straight into a store, through the same all-or-nothing import. */
export async function loadDemo(
  store: Store,
  options: DemoOptions & { keys: FieldKeys; onProgress?: (n: number) => void },
): Promise<ImportReport> {
  let line = 0;
  const lines = (function* () {
    for (const value of generateDemo(options)) yield { line: ++line, value };
  })();
  return importRecords(store, [{ file: 'demo', lines }], {
    onProgress: options.onProgress,
    progressEvery: 50_000,
    actor: 'demo',
    keys: options.keys,
  });
}

/** Writes the demo dataset as an interchange file (JSON Lines, as `daylight export` writes records). */
export async function writeDemoFile(path: string, options: DemoOptions): Promise<{ records: number }> {
  const out = createWriteStream(path);
  let records = 0;
  for (const record of generateDemo(options)) {
    const parsed = RECORD_SCHEMAS[record.type].parse(record);
    if (!out.write(`${canonicalJson(parsed)}\n`)) await once(out, 'drain');
    records++;
  }
  out.end();
  await once(out, 'finish');
  return { records };
}
