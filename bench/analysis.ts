// Analysis figures on a demo database: a cross-tab of act type × year and the whole dashboard —
// with the data in memory (a running server), from a cold start in a fresh process reading the
// saved snapshots, and the rebuild after a change (the act facts projection into columns, persons'
// attributes decrypted) — against SQLite's own GROUP BY over the same projection in the same run.
// `npm run bench -- analysis [--db FILE --passphrase P] [--interviews N]`
// (a large database: `npm run bench -- import --keep DIR` leaves DIR/import.db, passphrase
// "benchmark passphrase"; this benchmark replaces the snapshots saved in it)
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { analysisData, withPersons } from '../src/analysis/analysis-data.ts';
import { crossTab } from '../src/analysis/cross-tab.ts';
import { dashboard } from '../src/analysis/dashboard.ts';
import { loadDemo } from '../src/demo/load-demo.ts';
import { importRecords } from '../src/interchange/import-records.ts';
import { FigureQuery } from '../src/provenance/figure-query.ts';
import { liveRecords } from '../src/records/live-records.ts';
import { unlockKeys } from '../src/records/unlock-keys.ts';
import { openSqliteStore } from '../src/store/sqlite/sqlite-store.ts';
import { TEST_PASSPHRASE } from '../src/testing/factories.ts';

const { values } = parseArgs({
  options: {
    db: { type: 'string' },
    passphrase: { type: 'string' },
    interviews: { type: 'string', default: '3000' },
  },
});
const dir = values.db ? undefined : mkdtempSync(join(tmpdir(), 'daylight-bench-analysis-'));
const path = values.db ?? join(dir as string, 'analysis.db');
const passphrase = values.passphrase ?? (values.db ? 'benchmark passphrase' : TEST_PASSPHRASE);
const out = (line: string) => process.stdout.write(`${line}\n`);
const admin = { user: 'bench', role: 'admin' as const };
const time = async <T>(run: () => Promise<T> | T): Promise<[T, number]> => {
  const start = performance.now();
  const result = await run();
  return [result, (performance.now() - start) / 1000];
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

try {
  const store = openSqliteStore(path);
  const keys = await unlockKeys(store, { passphrase });
  if (!values.db) {
    const report = await loadDemo(store, { seed: 1, size: { interviews: Number(values.interviews) }, keys });
    if (!report.ok) throw new Error('demo failed to load');
  }
  // The rebuild after a change: no snapshot to read.
  store.db.exec('DELETE FROM analysis_snapshots');
  const [data, build] = await time(() => analysisData(store));
  out(
    `acts: ${data.table.size.toLocaleString('en')}; persons named in acts: ${data.table.personIds.length.toLocaleString('en')}`,
  );
  out(`rebuild of the act facts as columns (after any change): ${build.toFixed(2)} s`);
  const [, personsBuild] = await time(() => withPersons(store, keys, data));
  out(`rebuild of persons' sex, birth year, origin (every person decrypted): ${personsBuild.toFixed(2)} s`);

  const request = {
    measure: 'acts' as const,
    rows: 'act_type' as const,
    columns: 'year' as const,
    filter: FigureQuery.parse({}),
    dating: 'first-year' as const,
  };
  const tabs: number[] = [];
  for (let i = 0; i < 5; i++) tabs.push((await time(() => crossTab(data.table, data.context, request)))[1]);
  out(`cross-tab act type × year, data in memory (median of 5): ${median(tabs).toFixed(3)} s (goal < 1 s)`);
  const [, sql] = await time(() =>
    store.db
      .prepare('SELECT act_type, year_from, count(*) FROM act_facts GROUP BY act_type, year_from')
      .all(),
  );
  out(`  SQLite GROUP BY over the same projection (no resolution, no levels): ${sql.toFixed(3)} s`);
  const boards: number[] = [];
  let tables = 0;
  for (let i = 0; i < 3; i++) {
    const [board, seconds] = await time(() => dashboard(store, admin, keys));
    tables = board.tables.length;
    boards.push(seconds);
  }
  out(
    `dashboard (${tables} tables + the trend), data in memory (median of 3): ${median(boards).toFixed(2)} s (goal < 3 s)`,
  );
  out(`peak memory of this process (max RSS): ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
  await store.close();

  // Cold starts: a fresh process each, reading the snapshots saved above.
  const cold = (what: string) => {
    const runs = [0, 1, 2].map(() => {
      const line = execFileSync(
        process.execPath,
        [
          '--disable-warning=ExperimentalWarning',
          new URL('_analysis-cold.ts', import.meta.url).pathname,
          '--db',
          path,
          '--passphrase',
          passphrase,
          '--what',
          what,
        ],
        { encoding: 'utf8' },
      );
      return JSON.parse(line) as { seconds: number; maxRssMb: number };
    });
    return { seconds: median(runs.map((r) => r.seconds)), rss: Math.max(...runs.map((r) => r.maxRssMb)) };
  };
  const coldTab = cold('cross-tab');
  out(
    `cross-tab from a cold start (fresh process, saved snapshot; median of 3): ${coldTab.seconds.toFixed(2)} s (goal < 1 s), max RSS ${coldTab.rss.toFixed(0)} MB`,
  );
  const coldBoard = cold('dashboard');
  out(
    `dashboard from a cold start (fresh process, saved snapshots; median of 3): ${coldBoard.seconds.toFixed(2)} s (goal < 3 s), max RSS ${coldBoard.rss.toFixed(0)} MB`,
  );

  // A change (one act added, as a coder's import would): the next count updates the saved table.
  const changed = openSqliteStore(path);
  const changeKeys = await unlockKeys(changed, { passphrase });
  let template: Record<string, unknown> | undefined;
  for await (const act of liveRecords<Record<string, unknown>>(changed, 'act', changeKeys)) {
    template = act;
    break;
  }
  const added = await importRecords(
    changed,
    [{ file: 'bench', lines: [{ line: 1, value: { ...template, id: `A-BENCH-${Date.now()}` } }] }],
    { keys: changeKeys },
  );
  if (!added.ok) throw new Error('the benchmark act was not imported');
  const [updated, update] = await time(() => analysisData(changed));
  out(
    `first count after adding an act (saved table updated, not rebuilt): ${update.toFixed(2)} s (${updated.table.size.toLocaleString('en')} rows)`,
  );
  await changed.close();
} finally {
  if (dir) rmSync(dir, { recursive: true, force: true });
}
