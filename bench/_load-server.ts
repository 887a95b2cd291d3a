// The server as `daylight start` runs it (same store opening, demo data on first run, the real
// Fastify app), plus one route the load and fault benchmarks need and the app does not have yet:
// `POST /bench/edit/:id` edits an act (read the current version, write version + 1 through
// `editRecords`, i.e. optimistic locking): 200 with the new version, 409 when another edit won.
// `node bench/_load-server.ts --db LOCATION --port PORT` (prints `listening URL` when ready).

import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DEMO_PASSPHRASE } from '../src/access/keyring.ts';
import { loadDemo } from '../src/demo/load-demo.ts';
import { readRecord } from '../src/records/read-record.ts';
import { unlockKeys } from '../src/records/unlock-keys.ts';
import { editRecords } from '../src/review/edit-records.ts';
import { buildServer } from '../src/server/app.ts';
import { openStore } from '../src/store/open-store.ts';
import { importUprInfo, SHIPPED_UPR_FILE } from '../src/upr/import-upr-info.ts';

const { values } = parseArgs({
  options: {
    db: { type: 'string' },
    port: { type: 'string', default: '0' },
    'anchor-file': { type: 'string' },
  },
});
if (!values.db) throw new Error('--db: the database (file or postgres:// URL)');
const store = await openStore(values.db, { anchorFile: values['anchor-file'] });
const keys = await unlockKeys(store, { passphrase: DEMO_PASSPHRASE });
if (Object.values(await store.countByType()).every((n) => n === 0)) {
  const report = await loadDemo(store, { seed: 1, size: 'small', keys });
  if (!report.ok) throw new Error('demo data did not load');
  await importUprInfo(store, { user: 'bench', role: 'admin' }, fileURLToPath(SHIPPED_UPR_FILE));
}
// No rate limit: every request of the load comes from 127.0.0.1.
const app = await buildServer(store, { keys, rateLimit: { perMinute: 1e9, signInPerMinute: 1e9 } });
const editor = { user: 'bench.editor', role: 'admin' as const };
app.post<{ Params: { id: string } }>('/bench/edit/:id', async (request, reply) => {
  // The version is read when the request arrives (as a browser would have it): concurrent edits of
  // one record read the same version, and all but the first are refused as stale. Edits wait for
  // each other on the store's write lock, as the application's write routes do.
  const current = await readRecord(store, editor, keys, request.params.id);
  if (!current) return reply.code(404).send({ error: 'no such record' });
  const edited = { ...current, description: { en: `edited at ${process.hrtime.bigint()}` } };
  const report = await editRecords(store, editor, keys, {
    file: 'http',
    lines: [{ line: 1, value: edited }],
  });
  if (report.ok) return reply.send({ version: (current.version as number) + 1 });
  const stale = report.problems.some((p) => p.field === 'version');
  return reply.code(stale ? 409 : 500).send({ error: stale ? 'stale' : 'failed' });
});
const address = await app.listen({ port: Number(values.port), host: '127.0.0.1' });
process.stdout.write(`listening ${address}\n`);
const stop = async () => {
  await app.close();
  await store.close();
  process.exit(0);
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
