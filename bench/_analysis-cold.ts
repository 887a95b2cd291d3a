// One cold run in a fresh process (called by bench/analysis.ts): opens the database, then times a
// cross-tab or the whole dashboard including everything it loads (from the saved snapshots when
// they reflect the database). Prints one JSON line.
import { parseArgs } from 'node:util';
import { analysisData } from '../src/analysis/analysis-data.ts';
import { crossTab } from '../src/analysis/cross-tab.ts';
import { dashboard } from '../src/analysis/dashboard.ts';
import { FigureQuery } from '../src/provenance/figure-query.ts';
import { unlockKeys } from '../src/records/unlock-keys.ts';
import { openSqliteStore } from '../src/store/sqlite/sqlite-store.ts';

const { values } = parseArgs({
  options: { db: { type: 'string' }, passphrase: { type: 'string' }, what: { type: 'string' } },
});
const store = openSqliteStore(values.db as string);
const keys = await unlockKeys(store, { passphrase: values.passphrase as string });
const started = performance.now();
if (values.what === 'cross-tab') {
  const data = await analysisData(store);
  crossTab(data.table, data.context, {
    measure: 'acts',
    rows: 'act_type',
    columns: 'year',
    filter: FigureQuery.parse({}),
    dating: 'first-year',
  });
} else await dashboard(store, { user: 'bench', role: 'admin' }, keys);
const seconds = (performance.now() - started) / 1000;
process.stdout.write(`${JSON.stringify({ seconds, maxRssMb: process.resourceUsage().maxRSS / 1024 })}\n`);
await store.close();
