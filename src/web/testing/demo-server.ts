import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import type { FieldKeys } from '../../access/field-cipher.ts';
import { addDemoAccounts } from '../../demo/demo-accounts.ts';
import { loadDemo } from '../../demo/load-demo.ts';
import { buildServer } from '../../server/app.ts';
import { openSqliteStore, type SqliteStore } from '../../store/sqlite/sqlite-store.ts';
import { testKeys } from '../../testing/factories.ts';
import { importUprInfo, SHIPPED_UPR_FILE } from '../../upr/import-upr-info.ts';

/** A served demo database: the small fictional dataset, one demo account per role, the shipped UPR data. */
export type DemoServer = {
  url: string;
  store: SqliteStore;
  keys: FieldKeys;
  app: FastifyInstance;
  close: () => Promise<void>;
};

/** Starts the real server on loopback over a new in-memory demo database, as `npm start` would. */
export async function startDemoServer(): Promise<DemoServer> {
  const store = openSqliteStore(':memory:');
  const keys = testKeys();
  const report = await loadDemo(store, { seed: 1, size: 'small', keys });
  if (!report.ok) throw new Error(`demo data did not load: ${report.problems.length} problems`);
  await addDemoAccounts(store, keys, { scrypt: { N: 2 ** 10, r: 8, p: 1 } });
  await importUprInfo(store, { user: 'daylight', role: 'admin' }, fileURLToPath(SHIPPED_UPR_FILE));
  const app = await buildServer(store, { keys, rateLimit: { perMinute: 100_000, signInPerMinute: 1000 } });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    url,
    store,
    keys,
    app,
    close: async () => {
      await app.close();
      await store.close();
    },
  };
}
