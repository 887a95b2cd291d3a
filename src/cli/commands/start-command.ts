import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { DEMO_PASSPHRASE, keySourceFromEnv } from '../../access/keyring.ts';
import { addDemoAccounts, DEMO_PASSWORD } from '../../demo/demo-accounts.ts';
import { loadDemo } from '../../demo/load-demo.ts';
import { formatProblem } from '../../interchange/import-records.ts';
import { buildServer } from '../../server/app.ts';
import { importUprInfo, SHIPPED_UPR_FILE } from '../../upr/import-upr-info.ts';
import { loadShippedReviews } from '../../upr/shipped-reviews.ts';
import { CommandError, withContext } from '../context.ts';

/** `daylight start` (`npm start`): open the database, with the demo data on first run, and serve it. */
export function registerStart(program: Command): void {
  program
    .command('start')
    .description(
      'serve the database on localhost; a new database is filled with the small demo dataset first and, under the demo passphrase, gets one demo account per role',
    )
    .option('--port <port>', 'port (env PORT)', process.env.PORT ?? '8080')
    .option('--host <host>', 'interface to listen on', '127.0.0.1')
    .option('--no-demo', 'do not fill a new database with demo data nor add demo accounts')
    .option('--trust-proxy', 'behind a TLS-terminating reverse proxy: trust its X-Forwarded-* headers')
    .action(async (options: { port: string; host: string; demo: boolean; trustProxy?: boolean }) => {
      // The demo runs under a documented demo passphrase unless one is given (docs/access.md).
      const keySource = keySourceFromEnv() ?? { passphrase: DEMO_PASSPHRASE };
      await withContext({ ...program.opts(), keySource }, async ({ store, dbPath, keys }) => {
        const isDemo = 'passphrase' in keySource && keySource.passphrase === DEMO_PASSPHRASE;
        if (isDemo) {
          process.stderr.write(
            'using the public demo passphrase: for real data set DAYLIGHT_PASSPHRASE or DAYLIGHT_KEY_FILE\n',
          );
        }
        const unlocked = await keys();
        const counts = await store.countByType();
        if (options.demo && Object.values(counts).every((n) => n === 0)) {
          process.stderr.write(`new database ${dbPath}: loading the small fictional demo dataset…\n`);
          const report = await loadDemo(store, { seed: 1, size: 'small', keys: unlocked });
          if (!report.ok) throw new CommandError(report.problems.map((p) => formatProblem(p)).join('\n'));
        }
        if (options.demo && isDemo) {
          const created = await addDemoAccounts(store, unlocked);
          if (created.length > 0)
            process.stderr.write(
              `demo accounts (password '${DEMO_PASSWORD}', code: npx daylight demo-code): ${created.join(', ')}\n`,
            );
        }
        if ((await store.searchUprRecommendations({ limit: 1, offset: 0 })).total === 0) {
          const upr = await importUprInfo(
            store,
            { user: 'daylight', role: 'admin' },
            fileURLToPath(SHIPPED_UPR_FILE),
          );
          if (upr.ok)
            process.stderr.write(`loaded ${upr.inserted} UPR recommendations to the DPRK (data/upr/)\n`);
        }
        await loadShippedReviews(store); // idempotent: completes the reviews' dates and documents
        const app = await buildServer(store, {
          keys: unlocked,
          logger: true,
          trustProxy: options.trustProxy,
        });
        const address = await app.listen({ port: Number(options.port), host: options.host });
        process.stderr.write(`Daylight is serving ${dbPath} at ${address}\n`);
        await new Promise<void>((resolve) => {
          const stop = () => resolve();
          process.once('SIGINT', stop);
          process.once('SIGTERM', stop);
        });
        await app.close();
      });
    });
}
