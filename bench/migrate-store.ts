// Migration benchmark: `daylight migrate-store` of an SQLite database (e.g. the large demo) into a
// new PostgreSQL database, timed, then the same questions to both: the store-level answers
// (compareStores) and `daylight stats` tables through the real CLI, compared byte for byte.
// `DAYLIGHT_PASSPHRASE=… npm run bench -- migrate-store --db FILE [--pg postgres://…] [--keep]`
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { keySourceFromEnv } from '../src/access/keyring.ts';
import { unlockKeys } from '../src/records/unlock-keys.ts';
import { compareStores } from '../src/store/postgres/compare-stores.ts';
import { openPostgresStore } from '../src/store/postgres/postgres-store.ts';
import { openSqliteStore } from '../src/store/sqlite/sqlite-store.ts';
import { freshPostgresDatabase } from '../src/testing/postgres.ts';

const { values } = parseArgs({
  options: { db: { type: 'string' }, pg: { type: 'string' }, keep: { type: 'boolean', default: false } },
});
const pgServer = values.pg ?? process.env.DAYLIGHT_BENCH_PG_URL ?? process.env.DAYLIGHT_TEST_PG_URL;
if (!values.db || !pgServer) throw new Error('usage: --db FILE.db, and --pg URL or DAYLIGHT_BENCH_PG_URL');
const keySource = keySourceFromEnv();
if (!keySource) throw new Error('set DAYLIGHT_PASSPHRASE (or DAYLIGHT_KEY_FILE) of the source database');
const MAIN = fileURLToPath(new URL('../src/cli/main.ts', import.meta.url));
const source = resolve(values.db);
const dir = mkdtempSync(join(tmpdir(), 'daylight-bench-migrate-'));
const env = { ...process.env, DAYLIGHT_FILES: join(dir, 'pg.files') };
const daylight = (args: string[]) => {
  const run = spawnSync(
    process.execPath,
    ['--disable-warning=ExperimentalWarning', '--max-old-space-size=16000', MAIN, ...args],
    {
      env,
      encoding: 'utf8',
      maxBuffer: 1 << 28,
    },
  );
  if (run.status !== 0) throw new Error(`daylight ${args.join(' ')}: ${run.stderr}`);
  return run.stdout;
};

const database = await freshPostgresDatabase(pgServer);
try {
  console.log(
    `${cpus().length} CPUs, load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  let started = performance.now();
  console.log(daylight(['migrate-store', '--from', `sqlite:${source}`, '--to', database.url]));
  console.log(`migrate-store: ${((performance.now() - started) / 1000).toFixed(1)} s`);

  started = performance.now();
  const a = openSqliteStore(source);
  const b = await openPostgresStore(database.url);
  const keys = await unlockKeys(a, keySource);
  const ids = (await a.listRecords({ limit: 3 })).map((r) => r.id);
  const differences = await compareStores(a, b, keys, {
    searches: [
      '교화',
      '교화소',
      '노동',
      '구타',
      '전거리',
      'beating',
      'quarry',
      'forced labour',
      'Chongori',
      'kyo',
    ],
    recordIds: ids,
    users: [],
  });
  await a.close();
  await b.close();
  console.log(
    `store answers: ${differences.length === 0 ? 'identical' : `DIFFER: ${differences.join(', ')}`}`,
  );
  const tables = [
    ['--rows', 'act_type', '--columns', 'year'],
    ['--rows', 'facility', '--measure', 'victims'],
    ['--rows', 'province', '--columns', 'victim_sex'],
  ];
  let same = 0;
  for (const args of tables) {
    const fromSqlite = daylight(['--db', source, 'stats', 'table', ...args]);
    const fromPostgres = daylight(['--db', database.url, 'stats', 'table', ...args]);
    if (fromSqlite === fromPostgres) same++;
    else console.log(`stats table ${args.join(' ')}: DIFFERS`);
  }
  console.log(
    `stats tables identical: ${same}/${tables.length} (compared in ${((performance.now() - started) / 1000).toFixed(1)} s)`,
  );
  if (differences.length > 0 || same < tables.length) process.exitCode = 1;
} finally {
  if (values.keep) console.log(`kept ${database.url.replace(/:[^:@/]*@/, ':***@')}`);
  else await database.drop();
  rmSync(dir, { recursive: true, force: true });
}
