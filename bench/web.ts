// Web application figures, measured in the browser (Debian's Chromium) against the real server on
// loopback: the dashboard's first load (a fresh browser profile each time, from navigation start
// until its figures and recent records are shown) and a search's results (from pressing Enter
// until the results are shown), beside what the server alone takes for the same answers.
// `npm run bench -- web --db FILE [--passphrase P]` (a large database: `npm run bench -- import
// --keep DIR` leaves DIR/import.db, passphrase "benchmark passphrase"); without --db, a small demo.
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import { addDemoAccounts } from '../src/demo/demo-accounts.ts';
import { loadDemo } from '../src/demo/load-demo.ts';
import { unlockKeys } from '../src/records/unlock-keys.ts';
import { buildServer } from '../src/server/app.ts';
import { openSqliteStore } from '../src/store/sqlite/sqlite-store.ts';
import { TEST_PASSPHRASE } from '../src/testing/factories.ts';
import { launchBrowser, newContext } from '../src/web/testing/browser.ts';
import { signInAs } from '../src/web/testing/sign-in.ts';

const { values } = parseArgs({
  options: { db: { type: 'string' }, passphrase: { type: 'string' }, runs: { type: 'string', default: '7' } },
});
const runs = Number(values.runs);
const out = (line: string) => process.stdout.write(`${line}\n`);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const ms = (x: number) => `${x.toFixed(0)} ms`;

const store = openSqliteStore(values.db ?? ':memory:');
const keys = await unlockKeys(store, {
  passphrase: values.passphrase ?? (values.db ? 'benchmark passphrase' : TEST_PASSPHRASE),
});
if (!values.db) await loadDemo(store, { seed: 1, size: 'small', keys });
await addDemoAccounts(store, keys);
const counts = await store.countByType();
out(
  `database: ${values.db ?? 'small demo in memory'}: ${counts.act.toLocaleString('en')} acts, ${counts.person.toLocaleString('en')} persons, ${counts.source.toLocaleString('en')} sources`,
);
const app = await buildServer(store, { keys, rateLimit: { perMinute: 1_000_000, signInPerMinute: 1000 } });
const url = await app.listen({ port: 0, host: '127.0.0.1' });
const browser = await launchBrowser();

/**
 * Run in the page (as text: the benchmark is typechecked without the DOM's types): resolves with
 * the milliseconds until the search results are in the document, noted by a mutation observer.
 */
const RESULTS_SHOWN = `new Promise((resolve) => {
  const start = performance.now();
  const observer = new MutationObserver(() => {
    if (document.querySelector('main [role="status"]')?.textContent?.includes('found')) {
      observer.disconnect();
      resolve(performance.now() - start);
    }
  });
  observer.observe(document.body, { childList: true, subtree: true, characterData: true });
})`;

/** Milliseconds since the page's navigation started, read in the page. */
const pageNow = (page: Page) => page.evaluate(() => performance.now());

try {
  // One signed-in session; each run a fresh profile (no cache) that carries only its cookies.
  const signIn = await newContext(browser, url);
  const first = await signIn.newPage();
  await signInAs(first, 'admin');
  const state = await signIn.storageState();

  const dashboard: number[] = [];
  const dashboardApi: number[] = [];
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext({ baseURL: url, storageState: state, locale: 'en-GB' });
    const page = await context.newPage();
    await page.goto('/', { waitUntil: 'commit' });
    await page.locator('ul.figures li[data-figure="act"]').waitFor();
    await page.locator('main table tbody tr').first().waitFor();
    dashboard.push(await pageNow(page));
    const api = await page.evaluate(
      () =>
        (performance.getEntriesByType('resource') as { name: string; duration: number }[]).find((e) =>
          e.name.includes('/api/dashboard'),
        )?.duration ?? Number.NaN,
    );
    dashboardApi.push(api);
    if (i === runs - 1)
      out(
        `  timeline of the last load (ms from navigation start): ${await page.evaluate(() =>
          (
            performance.getEntriesByType('resource') as unknown as {
              name: string;
              startTime: number;
              responseEnd: number;
            }[]
          )
            .map((e) => `${new URL(e.name).pathname} ${e.startTime.toFixed(0)}–${e.responseEnd.toFixed(0)}`)
            .join(', '),
        )}`,
      );
    await context.close();
  }
  out(
    `dashboard first load (fresh profile, navigation → figures and recent shown): median ${ms(median(dashboard))}, first ${ms(dashboard[0] as number)}, max ${ms(Math.max(...dashboard))} over ${runs} (goal < 1000 ms)`,
  );
  out(`  of which GET /api/dashboard: median ${ms(median(dashboardApi))}`);

  const queries = ['Kaechon', '교화소', 'beating', 'Hoeryong', 'kyohwaso 12'];
  const page = await (await browser.newContext({ baseURL: url, storageState: state })).newPage();
  for (const q of queries) {
    const browserTimes: number[] = [];
    const serverTimes: number[] = [];
    let found = '';
    for (let i = 0; i < runs; i++) {
      await page.goto('/search');
      const input = page.getByLabel('Search in Korean or English');
      await input.fill(q);
      // Timed in the page: a mutation observer notes when the results are in the document.
      const done = page.evaluate(RESULTS_SHOWN) as Promise<number>;
      await input.press('Enter');
      browserTimes.push(await done);
      found = ((await page.locator('main [role="status"]').textContent()) ?? '').trim();
      const t0 = performance.now();
      const response = await app.inject({
        method: 'GET',
        url: `/api/search?q=${encodeURIComponent(q)}`,
        cookies: Object.fromEntries(state.cookies.map((c) => [c.name, c.value])),
      });
      serverTimes.push(performance.now() - t0);
      if (response.statusCode !== 200) throw new Error(`search answered ${response.statusCode}`);
    }
    out(
      `search "${q}" (${found}): in the browser median ${ms(median(browserTimes))}, max ${ms(Math.max(...browserTimes))}; the server alone ${ms(median(serverTimes))} (goal < 200 ms)`,
    );
  }
} finally {
  await browser.close();
  await app.close();
  await store.close();
}
