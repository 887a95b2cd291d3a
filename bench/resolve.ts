// Resolution in the database: the demo's person records (one per testimony that names someone)
// linked into individuals by `resolvePersons`, scored against the generator's ground truth, and
// timed against reading the same records back (the floor any resolution run pays).
// `npm run bench -- resolve [--interviews N]` (default 3,000 interviews)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadDemo } from '../src/demo/load-demo.ts';
import { pairwiseMetrics } from '../src/linkage/pairwise-metrics.ts';
import { liveRecords } from '../src/records/live-records.ts';
import { resolvePersons } from '../src/resolution/resolve-persons.ts';
import { openSqliteStore } from '../src/store/sqlite/sqlite-store.ts';
import { testKeys } from '../src/testing/factories.ts';

const { values } = parseArgs({ options: { interviews: { type: 'string', default: '3000' } } });
const interviews = Number(values.interviews);
const dir = mkdtempSync(join(tmpdir(), 'daylight-bench-resolve-'));
const keys = testKeys();
const truth = new Map<string, string>();

try {
  const store = openSqliteStore(join(dir, 'resolve.db'));
  const report = await loadDemo(store, {
    seed: 1,
    size: { interviews },
    keys,
    onMention: (id, individual) => truth.set(id, String(individual)),
  });
  if (!report.ok) throw new Error('demo failed to load');
  let start = performance.now();
  let read = 0;
  for (const type of ['person', 'episode', 'source', 'facility'] as const)
    for await (const _ of liveRecords(store, type, keys)) read++;
  const readSeconds = (performance.now() - start) / 1000;
  start = performance.now();
  const summary = await resolvePersons(store, { user: 'bench', role: 'admin' }, keys);
  const seconds = (performance.now() - start) / 1000;
  const stored = (await store.resolution('person'))?.clusters ?? new Map();
  const m = pairwiseMetrics(stored, truth);
  const out = (line: string) => process.stdout.write(`${line}\n`);
  out(
    `demo: ${interviews.toLocaleString('en')} interviews, ${summary.mentions.toLocaleString('en')} person records, ${new Set(truth.values()).size.toLocaleString('en')} true individuals`,
  );
  out(
    `resolved into ${summary.individuals.toLocaleString('en')} individuals; ${summary.reviewPairs.toLocaleString('en')} pairs to review`,
  );
  out(`pairwise precision ${m.precision.toFixed(4)}  recall ${m.recall.toFixed(4)}  F1 ${m.f1.toFixed(4)}`);
  out(
    `resolve run ${seconds.toFixed(2)} s (reading the ${read.toLocaleString('en')} records it needs: ${readSeconds.toFixed(2)} s)`,
  );
  out(`peak memory (max RSS) ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
  await store.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
