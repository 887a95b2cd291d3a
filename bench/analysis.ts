// Analysis figures on a demo database: the cold load of what counts read (act facts projection,
// facilities, persons, individuals), a cross-tab of act type × year, and the whole dashboard,
// against SQLite's own GROUP BY over the same projection in the same run.
// `npm run bench -- analysis [--db FILE --passphrase P] [--interviews N]`
// (a large database: `npm run bench -- import --keep DIR` leaves DIR/import.db, passphrase
// "benchmark passphrase")
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { analysisData, withPersons } from '../src/analysis/analysis-data.ts';
import { crossTab } from '../src/analysis/cross-tab.ts';
import { dashboard } from '../src/analysis/dashboard.ts';
import { loadDemo } from '../src/demo/load-demo.ts';
import { FigureQuery } from '../src/provenance/figure-query.ts';
import { unlockKeys } from '../src/records/unlock-keys.ts';
import { openSqliteStore } from '../src/store/sqlite/sqlite-store.ts';
import { testKeys } from '../src/testing/factories.ts';

const { values } = parseArgs({
  options: {
    db: { type: 'string' },
    passphrase: { type: 'string' },
    interviews: { type: 'string', default: '3000' },
  },
});
const dir = values.db ? undefined : mkdtempSync(join(tmpdir(), 'daylight-bench-analysis-'));
const out = (line: string) => process.stdout.write(`${line}\n`);
const admin = { user: 'bench', role: 'admin' as const };
const time = async <T>(run: () => Promise<T> | T): Promise<[T, number]> => {
  const start = performance.now();
  const result = await run();
  return [result, (performance.now() - start) / 1000];
};

try {
  const store = openSqliteStore(values.db ?? join(dir as string, 'analysis.db'));
  let keys = testKeys();
  if (values.db) keys = await unlockKeys(store, { passphrase: values.passphrase ?? 'benchmark passphrase' });
  else {
    const report = await loadDemo(store, { seed: 1, size: { interviews: Number(values.interviews) }, keys });
    if (!report.ok) throw new Error('demo failed to load');
  }
  const [data, load] = await time(() => analysisData(store));
  out(
    `cold load of act facts, facilities and individuals: ${load.toFixed(2)} s (${data.table.size.toLocaleString('en')} acts)`,
  );
  const [, personsLoad] = await time(() => withPersons(store, keys, data));
  out(
    `persons' sex, birth year, origin (decrypted in memory): ${personsLoad.toFixed(2)} s (${(data.context.persons?.length ?? 0).toLocaleString('en')} persons named in acts)`,
  );
  const request = {
    measure: 'acts' as const,
    rows: 'act_type' as const,
    columns: 'year' as const,
    filter: FigureQuery.parse({}),
    dating: 'first-year' as const,
  };
  const runs: number[] = [];
  for (let i = 0; i < 5; i++) runs.push((await time(() => crossTab(data.table, data.context, request)))[1]);
  runs.sort((a, b) => a - b);
  out(
    `cross-tab act type × year, data in memory (median of 5): ${runs[2]?.toFixed(3)} s (goal < 1 s); with the cold load: ${(load + (runs[2] ?? 0)).toFixed(2)} s`,
  );
  const [, sql] = await time(() =>
    store.db
      .prepare('SELECT act_type, year_from, count(*) FROM act_facts GROUP BY act_type, year_from')
      .all(),
  );
  out(`  SQLite GROUP BY over the same projection (no resolution, no levels): ${sql.toFixed(3)} s`);
  const [board, warm] = await time(() => dashboard(store, admin, keys));
  out(
    `dashboard (${board.tables.length} tables + the trend), data in memory: ${warm.toFixed(2)} s (goal < 3 s); with the cold loads: ${(warm + load + personsLoad).toFixed(2)} s`,
  );
  out(`peak memory (max RSS): ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
  await store.close();
} finally {
  if (dir) rmSync(dir, { recursive: true, force: true });
}
