// One stage of the import benchmark, in its own process so that its memory is measured alone.
import { statSync } from 'node:fs';
import { DatabaseSync, type SQLInputValue } from 'node:sqlite';
import { writeDemoFile } from '../src/demo/load-demo.ts';
import { importRecords } from '../src/interchange/import-records.ts';
import { prepareFileInWorker } from '../src/interchange/prepare-worker.ts';
import { unlockKeys } from '../src/records/unlock-keys.ts';
import { migrate } from '../src/store/sqlite/migrations.ts';
import { openSqliteStore } from '../src/store/sqlite/sqlite-store.ts';

const [stage, a, b] = process.argv.slice(2) as [string, string, string];
const print = (figures: Record<string, number>) => process.stdout.write(JSON.stringify(figures));
const seconds = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e9;

if (stage === 'generate') {
  const start = process.hrtime.bigint();
  const { records } = await writeDemoFile(a, { seed: 1, size: b as 'large' });
  print({ records, seconds: seconds(start) });
} else if (stage === 'import') {
  const store = openSqliteStore(b);
  const keys = await unlockKeys(store, { passphrase: 'benchmark passphrase' });
  const start = process.hrtime.bigint();
  const report = await importRecords(store, [{ file: a, batches: prepareFileInWorker(a, keys) }], { keys });
  const elapsed = seconds(start);
  if (!report.ok) throw new Error(`import failed: ${report.problems.length} problems`);
  store.db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
  const acts = (await store.countByType()).act;
  await store.close();
  print({
    records: report.records,
    seconds: elapsed,
    maxRss: process.resourceUsage().maxRSS * 1024,
    dbBytes: statSync(b).size,
    acts,
  });
} else if (stage === 'baseline') {
  // Read back exactly what the import wrote, then time only the inserts.
  const source = new DatabaseSync(a, { readOnly: true });
  const records = source
    .prepare(
      'SELECT seq, id, type, version, status, confidentiality, updated_at, deleted, content_hash, doc FROM records ORDER BY seq',
    )
    .all();
  const refs = source.prepare('SELECT from_seq, field, to_id, to_type FROM refs').all();
  source.close();
  const keyStore = openSqliteStore(a);
  const keys = await unlockKeys(keyStore, { passphrase: 'benchmark passphrase' });
  await keyStore.close();
  const { searchBodies } = await import('./_search-bodies.ts');
  const bodies = searchBodies(records as unknown as { seq: number; doc: string }[], keys);
  const time = (withExtras: boolean, path: string) => {
    const db = new DatabaseSync(path, { enableForeignKeyConstraints: true });
    db.exec(
      'PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA cache_size = -65536; PRAGMA temp_store = MEMORY;',
    );
    migrate(db);
    const insertRecord = db.prepare(
      'INSERT INTO records (seq, id, type, version, status, confidentiality, updated_at, deleted, content_hash, doc) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    const insertRef = db.prepare('INSERT INTO refs (from_seq, field, to_id, to_type) VALUES (?, ?, ?, ?)');
    const insertSearch = db.prepare('INSERT INTO search (rowid, open, identifying) VALUES (?, ?, ?)');
    const start = process.hrtime.bigint();
    db.exec('BEGIN');
    for (const r of records) insertRecord.run(...(Object.values(r) as SQLInputValue[]));
    if (withExtras) {
      for (const r of refs) insertRef.run(...(Object.values(r) as SQLInputValue[]));
      for (const [seq, open, identifying] of bodies) insertSearch.run(seq, open, identifying);
    }
    db.exec('COMMIT');
    const elapsed = seconds(start);
    db.close();
    return elapsed;
  };
  const full = time(true, b);
  const recordsOnly = time(false, `${b}.records-only`);
  print({
    records: records.length,
    rows: records.length + refs.length + bodies.length,
    seconds: full,
    recordsOnlySeconds: recordsOnly,
  });
}
