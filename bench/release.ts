// Consent-honouring releases: how fast `export --anonymised` / `--purpose` and the public view are,
// against the plain full export of the same database in the same run.
// `npm run bench -- release [--size small|medium] [--interviews N]`
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { publishedView } from '../src/consent/published-view.ts';
import { exportReleased } from '../src/consent/release-records.ts';
import { loadDemo } from '../src/demo/load-demo.ts';
import { exportJsonLines } from '../src/interchange/export-records.ts';
import { openSqliteStore } from '../src/store/sqlite/sqlite-store.ts';
import { testKeys } from '../src/testing/factories.ts';

const { values } = parseArgs({
  options: { size: { type: 'string', default: 'medium' }, interviews: { type: 'string', default: '3000' } },
});
const size = values.size === 'small' ? 'small' : { interviews: Number(values.interviews) };
const dir = mkdtempSync(join(tmpdir(), 'daylight-bench-release-'));
const keys = testKeys();
const admin = { user: 'bench', role: 'admin' as const };

async function timed(label: string, lines: () => AsyncIterable<string>, baseline?: number): Promise<number> {
  const start = performance.now();
  let n = 0;
  for await (const _ of lines()) n++;
  const seconds = (performance.now() - start) / 1000;
  const ratio = baseline ? `  (${(seconds / baseline).toFixed(2)}× the full export's time)` : '';
  process.stdout.write(
    `${label.padEnd(34)} ${n.toLocaleString('en').padStart(9)} records  ${seconds.toFixed(2)} s  ${Math.round(n / seconds).toLocaleString('en')} rec/s${ratio}\n`,
  );
  return seconds;
}

try {
  const store = openSqliteStore(join(dir, 'release.db'));
  const report = await loadDemo(store, { seed: 1, size, keys });
  if (!report.ok) throw new Error('demo failed to load');
  process.stdout.write(`demo ${values.size}: ${report.records.toLocaleString('en')} records\n`);
  const full = await timed('full export (baseline)', () => exportJsonLines(store, keys));
  await timed(
    'anonymised publication release',
    () => exportReleased(store, admin, keys, { purpose: 'publication', anonymised: true }),
    full,
  );
  await timed(
    'named UN release',
    () => exportReleased(store, admin, keys, { purpose: 'un', anonymised: false }),
    full,
  );
  const start = performance.now();
  const view = await publishedView(store);
  const first = (performance.now() - start) / 1000;
  const again = performance.now();
  await publishedView(store);
  const cached = (performance.now() - again) * 1000;
  process.stdout.write(
    `public view: computed in ${first.toFixed(2)} s (${view.counts.act.toLocaleString('en')} published acts); cached lookup ${cached.toFixed(0)} µs\n`,
  );
  await store.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
