// Import benchmark: the large demo export into an empty database, against a bare node:sqlite loop
// inserting the same rows (records, references, search entries) in one transaction, in the same run.
// `npm run bench -- import [--size large|small] [--keep DIR]`
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: { size: { type: 'string', default: 'large' }, keep: { type: 'string' } },
});
const dir = values.keep ?? mkdtempSync(join(tmpdir(), 'daylight-bench-'));
const file = join(dir, `demo-${values.size}.jsonl`);
const stage = <K extends string>(args: string[]): Record<K, number> => {
  const result = spawnSync(
    process.execPath,
    [
      '--disable-warning=ExperimentalWarning',
      '--max-old-space-size=20000',
      new URL('./_import-stage.ts', import.meta.url).pathname,
      ...args,
    ],
    {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
      maxBuffer: 1 << 26,
    },
  );
  if (result.status !== 0) throw new Error(`stage ${args[0]} failed`);
  return JSON.parse(result.stdout) as Record<K, number>;
};

try {
  const generated = stage<'records' | 'seconds'>(['generate', file, values.size as string]);
  const imported = stage<'records' | 'seconds' | 'maxRss' | 'dbBytes' | 'acts'>([
    'import',
    file,
    join(dir, 'import.db'),
  ]);
  const baseline = stage<'records' | 'rows' | 'seconds' | 'recordsOnlySeconds'>([
    'baseline',
    join(dir, 'import.db'),
    join(dir, 'baseline.db'),
  ]);
  const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);
  const rate = (n: number, s: number) => Math.round(n / s).toLocaleString('en');
  const lines = [
    `import benchmark (${values.size} demo, node ${process.version}, ${new Date().toISOString().slice(0, 10)})`,
    `  file:            ${generated.records.toLocaleString('en')} records, ${mb(statSync(file).size)} MB (generated in ${generated.seconds.toFixed(1)} s)`,
    `  daylight import: ${imported.seconds.toFixed(1)} s = ${rate(imported.records, imported.seconds)} records/s, peak RSS ${mb(imported.maxRss)} MB`,
    `  database:        ${mb(imported.dbBytes)} MB (${imported.acts.toLocaleString('en')} acts)`,
    `  bare node:sqlite loop, same rows in one transaction: ${baseline.seconds.toFixed(1)} s = ${rate(baseline.records, baseline.seconds)} records/s (${baseline.rows.toLocaleString('en')} rows in records, refs and search)`,
    `  bare loop, records table only: ${baseline.recordsOnlySeconds.toFixed(1)} s = ${rate(baseline.records, baseline.recordsOnlySeconds)} records/s`,
    `  ratio import / bare loop: ${(baseline.seconds / imported.seconds).toFixed(2)} (goal >= 0.5)`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
} finally {
  if (!values.keep) rmSync(dir, { recursive: true, force: true });
}
