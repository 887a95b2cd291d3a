// Extraction of the 20 Working Group reports in ../shared/data/upr-reports (goal: < 20 s in all).
// `npm run bench -- upr-extract`: time per report, items, and recommendation–state pairs against
// index.json's `n` (UPR Info's rows for that review: one per recommending state of an item).
import { readFileSync } from 'node:fs';
import { extractWorkingGroupReport } from '../src/upr/extract-working-group-report.ts';

const REPORTS = new URL('../../shared/data/upr-reports/', import.meta.url);
const index: Record<string, { to: string; session: number; n: number }> = JSON.parse(
  readFileSync(new URL('index.json', REPORTS), 'utf8'),
);
const start = performance.now();
process.stdout.write('report\tseconds\titems\tpairs\tn (UPR Info rows)\n');
for (const [file, entry] of Object.entries(index)) {
  const t0 = performance.now();
  const report = await extractWorkingGroupReport(new URL(file, REPORTS).pathname);
  const seconds = (performance.now() - t0) / 1000;
  const pairs = report.recommendations.reduce((sum, r) => sum + r.recommending_states.length, 0);
  process.stdout.write(
    `${file}\t${seconds.toFixed(2)}\t${report.recommendations.length}\t${pairs}\t${entry.n}${pairs === entry.n ? '' : ' ≠'}\n`,
  );
}
process.stdout.write(`total ${((performance.now() - start) / 1000).toFixed(2)} s (goal < 20 s)\n`);
