import { analysisData } from '../src/analysis/analysis-data.ts';
import { openSqliteStore } from '../src/store/sqlite/sqlite-store.ts';

const store = openSqliteStore('/work/bench-large/import.db');
let s = performance.now();
let n = 0;
for await (const c of store.actFacts()) n += c.rows;
console.log('chunks', ((performance.now() - s) / 1000).toFixed(2), n);
s = performance.now();
const d = await analysisData(store);
console.log('load', ((performance.now() - s) / 1000).toFixed(2), d.table.size);
