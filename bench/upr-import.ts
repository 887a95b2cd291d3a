// UPR Info import: all rows of UPR Info's export (`../shared/data/upr-info/recommendations.csv`,
// 30,530 rows) into a new database, against a bare node:sqlite insert of the same rows in the
// same run. Goal (issue 12): < 5 s. `npm run bench -- upr-import [--file PATH]`
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { openSqliteStore } from '../src/store/sqlite/sqlite-store.ts';
import { importUprInfo } from '../src/upr/import-upr-info.ts';
import { readUprInfoCsv } from '../src/upr/upr-info-csv.ts';

const { values } = parseArgs({
  options: {
    file: {
      type: 'string',
      default: fileURLToPath(new URL('../../shared/data/upr-info/recommendations.csv', import.meta.url)),
    },
  },
});
const file = values.file as string;
const dir = mkdtempSync(join(tmpdir(), 'daylight-bench-upr-'));
try {
  const store = openSqliteStore(join(dir, 'upr.db'));
  let start = performance.now();
  const report = await importUprInfo(store, { user: 'bench', role: 'admin' }, file);
  const seconds = (performance.now() - start) / 1000;
  await store.close();
  if (!report.ok) throw new Error(`import failed: ${report.problems.length} problems`);

  // The same rows, parsed already, inserted by a bare loop into a table of the same shape.
  const { rows } = await readUprInfoCsv(file);
  const db = new DatabaseSync(join(dir, 'bare.db'));
  db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL');
  db.exec(`CREATE TABLE t (seq INTEGER PRIMARY KEY, id TEXT, state TEXT, session INTEGER, text TEXT,
    from_state TEXT, grp TEXT, response TEXT, action INTEGER, issues TEXT)`);
  const insert = db.prepare(
    'INSERT INTO t (id, state, session, text, from_state, grp, response, action, issues) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  start = performance.now();
  db.exec('BEGIN');
  for (const r of rows)
    insert.run(
      r.id,
      r.state_under_review,
      r.session,
      r.text,
      r.recommending_state,
      r.recommending_group ?? null,
      r.response,
      r.action,
      JSON.stringify(r.issues),
    );
  db.exec('COMMIT');
  const bare = (performance.now() - start) / 1000;
  db.close();
  process.stdout.write(
    `UPR Info import: ${report.rows.toLocaleString('en')} rows (${report.inserted.toLocaleString('en')} distinct) in ${seconds.toFixed(2)} s = ${Math.round(report.rows / seconds).toLocaleString('en')} rows/s (goal < 5 s)\n` +
      `bare node:sqlite insert of the parsed rows (no CSV parsing, validation or full-text index): ${bare.toFixed(2)} s\n`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
