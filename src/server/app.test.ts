import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { revealRecord } from '../access/field-cipher.ts';
import { DEMO_PASSPHRASE } from '../access/keyring.ts';
import { base32Encode } from '../access/totp.ts';
import { checkSmallCells } from '../analysis/disclosure/index.ts';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET, demoCode } from '../demo/demo-accounts.ts';
import { unlockKeys } from '../records/unlock-keys.ts';
import { openSqliteStore } from '../store/sqlite/sqlite-store.ts';
import { tempDir } from '../testing/factories.ts';
import { CookieClient } from '../testing/http-client.ts';

describe('daylight start (the main job)', () => {
  const dir = tempDir();
  after(() => dir.remove());

  it('creates the database with the demo data on first run and serves the application and a dashboard of its counts', async () => {
    const db = join(dir.path, 'start.db');
    const main = fileURLToPath(new URL('../cli/main.ts', import.meta.url));
    const child = spawn(
      process.execPath,
      ['--disable-warning=ExperimentalWarning', main, '--db', db, 'start', '--port', '0'],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
        // As on a fresh machine: no key set, so `npm start` uses the demo passphrase.
        env: Object.fromEntries(
          Object.entries(process.env).filter(([name]) => !name.startsWith('DAYLIGHT_')),
        ),
      },
    );
    try {
      let stderr = '';
      let logs = '';
      child.stdout.on('data', (chunk) => {
        logs += chunk;
      });
      const url = await new Promise<string>((resolve, reject) => {
        child.stderr.on('data', (chunk) => {
          stderr += chunk;
          const match = /serving .* at (http:\/\/\S+)/.exec(stderr);
          if (match) resolve(match[1] as string);
        });
        child.once('exit', (code) => reject(new Error(`exited ${code}: ${stderr}`)));
      });
      // The public sees published records only.
      const response = await fetch(url);
      assert.equal(response.status, 200);
      assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
      assert.match(await response.text(), /<div id="root">|not built/);
      const publicPage = await (await fetch(`${url}/api/dashboard`)).text();
      const publicCounts = (await (await fetch(`${url}/api/counts`)).json()) as Record<string, number>;
      assert.ok((publicCounts.source ?? 0) < 300, 'the public does not count unpublished sources');

      // A demo account of each role can sign in with the documented password and code.
      const admin = new CookieClient(url);
      const signedIn = await admin.signIn('admin', DEMO_PASSWORD, demoCode());
      assert.equal(signedIn.status, 200, 'demo admin signs in');
      const page = await (await admin.get('/api/dashboard')).text();
      const counts = (await (await admin.get('/api/counts')).json()) as Record<string, number>;
      // 300 interviews (one episode each), plus witness interviews, documents and imagery.
      assert.equal(counts.episode, 300);
      assert.ok((counts.source ?? 0) > 300);
      const dashboard = JSON.parse(page) as {
        counts: Record<string, number>;
        recent: unknown[];
        waiting: number;
      };
      assert.deepEqual(dashboard.counts, counts, 'the dashboard counts what the admin may see');
      assert.equal(dashboard.recent.length, 10);
      assert.ok(dashboard.waiting >= 0);
      const publicDashboard = JSON.parse(publicPage) as { counts: Record<string, number> };
      assert.deepEqual(publicDashboard.counts, publicCounts);
      // The demo accounts' secret is the one documented.
      const accessDoc = readFileSync(fileURLToPath(new URL('../../docs/access.md', import.meta.url)), 'utf8');
      assert.ok(
        accessDoc.includes(base32Encode(DEMO_TOTP_SECRET)),
        'docs/access.md gives the demo TOTP secret',
      );
      for (const role of ['viewer', 'investigator']) {
        const client = new CookieClient(url);
        assert.equal((await client.signIn(role, DEMO_PASSWORD, demoCode())).status, 200, role);
        assert.deepEqual(await client.session(), { user: role, role });
      }

      // Statistics: the public gets disclosure-controlled tables of verified public acts only; staff
      // the counts at their level; dossiers are for those who may read identifying data.
      const publicTable = (await (
        await fetch(`${url}/api/stats/table?rows=act_type_top&columns=year`)
      ).json()) as {
        published?: unknown;
        table?: unknown;
      };
      assert.ok(publicTable.published && publicTable.table === undefined);
      assert.deepEqual(checkSmallCells(publicTable.published, 5), []);
      const staffTable = (await (
        await admin.get('/api/stats/table?rows=act_type_top&measure=victims')
      ).json()) as {
        table: { distinctTotal: number };
      };
      assert.ok(staffTable.table.distinctTotal > 0);
      assert.equal((await fetch(`${url}/api/stats/table?rows=nothing`)).status, 400);
      assert.equal((await fetch(`${url}/api/stats/trend?break_year=2021`)).status, 403);
      assert.equal((await admin.get('/api/stats/trend?break_year=2021&act_type=DETENTION')).status, 200);
      const viewer = new CookieClient(url);
      await viewer.signIn('viewer', DEMO_PASSWORD, demoCode());
      assert.equal((await viewer.get('/api/dossiers/P-0000001')).status, 403);
      assert.equal((await fetch(`${url}/api/dossiers/P-0000001`)).status, 403);

      // The page identifies no one: no person's name appears in it.
      const store = openSqliteStore(db);
      const keys = await unlockKeys(store, { passphrase: DEMO_PASSPHRASE });
      const persons = (await store.listRecords({ type: 'person', limit: 100_000 })).map((p) =>
        revealRecord(p as never, keys),
      );
      await store.close();
      const names = persons.flatMap((p) => (p.type === 'person' ? p.names.map((n) => n.value) : []));
      assert.ok(names.length > 500);
      for (const name of names) {
        assert.equal(page.includes(name), false, 'a person name leaked into the page');
        assert.equal(publicPage.includes(name), false, 'a person name leaked into the public page');
        assert.equal(
          logs.includes(name) || stderr.includes(name),
          false,
          'a person name leaked into the logs',
        );
      }
      assert.match(logs, /"url":"\/api\/dashboard"/, 'the server logs requests');
      assert.match(logs, /"url":"\/api\/sign-in"/);
      assert.equal(logs.includes(DEMO_PASSWORD), false, 'no password in the logs');
      assert.equal(/daylight_session=/.test(logs), false, 'no session token in the logs');
    } finally {
      child.kill('SIGTERM');
      await once(child, 'exit');
    }
  });
});
