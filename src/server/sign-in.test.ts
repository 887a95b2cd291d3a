import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { totp } from '../access/totp.ts';
import { addUser } from '../accounts/add-user.ts';
import type { Person } from '../domain/person.ts';
import { importRecords } from '../interchange/import-records.ts';
import { openSqliteStore, type SqliteStore } from '../store/sqlite/sqlite-store.ts';
import { publishingRecords, testKeys, testMeta } from '../testing/factories.ts';
import { CookieClient } from '../testing/http-client.ts';
import { buildServer, type ServerOptions } from './app.ts';

// The HTTP side of authentication, over real HTTP against a real database: cookies, CSRF, lockout,
// session expiry, rate limits, security headers, and what each viewer gets from the API.

const keys = testKeys();
const PASSWORD = 'a good long password';
const SECRET = Buffer.from('0123456789abcdefghij');
const NAME = '비밀이름';

function person(id: string, code: string, confidentiality: Person['confidentiality']): Person {
  return {
    type: 'person',
    ...testMeta(id),
    status: 'verified',
    confidentiality,
    code,
    names: [{ value: NAME, form: 'HANGUL' }],
    roles: ['VICTIM'],
    positions: [],
  };
}

/** Two persons, each the victim of a published act (the public view needs one). */
function published() {
  const persons = [person('P-PUB', 'V-000001', 'public'), person('P-RES', 'V-000002', 'restricted')];
  return [...publishingRecords(persons), ...persons];
}

describe('signing in to the server', () => {
  let store: SqliteStore;
  let clock = new Date('2026-11-27T09:00:00Z');
  const minutes = (n: number) => {
    clock = new Date(clock.getTime() + n * 60_000);
  };
  const code = () => totp(SECRET, Math.floor(clock.getTime() / 1000));
  const servers: { close: () => Promise<unknown> }[] = [];

  async function serve(options: Partial<ServerOptions> = {}): Promise<string> {
    const app = await buildServer(store, { keys, now: () => clock, ...options });
    servers.push(app);
    return app.listen({ port: 0, host: '127.0.0.1' });
  }

  before(async () => {
    store = openSqliteStore(':memory:');
    const report = await importRecords(
      store,
      [
        {
          file: 't',
          lines: published().map((value, i) => ({ line: i + 1, value })),
        },
      ],
      { keys },
    );
    assert.deepEqual(report.ok ? [] : report.problems, []);
    for (const [username, role] of [
      ['inv.park', 'investigator'],
      ['ana.lee', 'analyst'],
      ['locked.out', 'viewer'],
    ] as const)
      await addUser(store, keys, {
        username,
        role,
        password: PASSWORD,
        actor: 'admin',
        scrypt: { N: 2 ** 10, r: 8, p: 1 },
        totpSecret: SECRET,
      });
  });
  after(async () => {
    for (const server of servers) await server.close();
    await store.close();
  });

  it('sets an HttpOnly, SameSite=Strict session cookie (Secure only over TLS) and sends security headers', async () => {
    const url = await serve();
    const client = new CookieClient(url);
    const page = await client.get('/');
    assert.equal(page.status, 200);
    assert.match(
      page.headers.get('content-security-policy') ?? '',
      /default-src 'none'.*script-src 'self'.*frame-ancestors 'none'/,
    );
    assert.equal(page.headers.get('x-frame-options'), 'SAMEORIGIN');
    assert.equal(page.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(page.headers.get('referrer-policy'), 'no-referrer');
    assert.match(page.headers.get('strict-transport-security') ?? '', /max-age=\d+/);
    assert.equal(page.headers.get('x-powered-by'), null);
    const token = await client.csrfToken();
    minutes(1);
    const response = await client.post(
      '/api/sign-in',
      { username: 'inv.park', password: PASSWORD, code: code() },
      token,
    );
    assert.equal(response.status, 200);
    const cookie = response.headers.getSetCookie().find((c) => c.startsWith('daylight_session=')) ?? '';
    assert.match(cookie, /; HttpOnly/i);
    assert.match(cookie, /; SameSite=Strict/i);
    assert.match(cookie, /; Path=\//);
    assert.doesNotMatch(cookie, /; Secure/i, 'no Secure flag on plain HTTP');
    assert.deepEqual(await client.session(), { user: 'inv.park', role: 'investigator' });
    assert.equal((await client.get('/api/dashboard')).headers.get('cache-control'), 'no-store');
    assert.equal((await client.get('/')).headers.get('cache-control'), 'no-store');

    // Behind a TLS-terminating proxy, both cookies are Secure.
    const proxied = new CookieClient(await serve({ trustProxy: true }), { 'x-forwarded-proto': 'https' });
    const proxiedSession = await proxied.get('/api/session');
    assert.match(proxiedSession.headers.getSetCookie().join('\n'), /_csrf=.*; Secure/i);
    const proxiedToken = ((await proxiedSession.json()) as { csrfToken: string }).csrfToken;
    minutes(1);
    const secure = await proxied.post(
      '/api/sign-in',
      { username: 'inv.park', password: PASSWORD, code: code() },
      proxiedToken,
    );
    assert.equal(secure.status, 200);
    assert.match(secure.headers.getSetCookie().join('\n'), /daylight_session=.*; Secure/i);
  });

  it('refuses posts without the CSRF token of the same browser and session', async () => {
    const url = await serve();
    const client = new CookieClient(url);
    minutes(1);
    const credentials = () => ({ username: 'inv.park', password: PASSWORD, code: code() });
    const noToken = await client.post('/api/sign-in', credentials());
    assert.equal(noToken.status, 403);
    assert.equal(client.cookies.has('daylight_session'), false);

    // A token from another browser (another CSRF secret) is refused too.
    const foreign = await new CookieClient(url).csrfToken();
    await client.get('/api/session');
    assert.equal((await client.post('/api/sign-in', credentials(), foreign)).status, 403);

    const anonymousToken = await client.csrfToken();
    assert.equal((await client.post('/api/sign-in', credentials(), anonymousToken)).status, 200);
    // Signed in: sign-out without a token, or with the token issued before sign-in, is refused.
    assert.equal((await client.post('/api/sign-out', {})).status, 403);
    assert.equal((await client.post('/api/sign-out', {}, anonymousToken)).status, 403);
    assert.equal((await client.session()).role, 'investigator');

    const sessionCookie = client.cookies.get('daylight_session') as string;
    assert.equal((await client.post('/api/sign-out', {}, await client.csrfToken())).status, 200);
    assert.equal(client.cookies.has('daylight_session'), false);
    // The old cookie no longer works: the session is gone from the database.
    client.cookies.set('daylight_session', sessionCookie);
    assert.equal((await client.session()).role, 'public');
  });

  it('locks an account after five failed attempts, for fifteen minutes', async () => {
    const url = await serve();
    const client = new CookieClient(url);
    for (let i = 0; i < 5; i++) {
      minutes(1);
      const wrong = await client.signIn('locked.out', PASSWORD, code() === '000000' ? '111111' : '000000');
      assert.equal(wrong.status, 401);
      assert.match(await wrong.text(), /password or code is wrong/);
    }
    minutes(1);
    const refused = await client.signIn('locked.out', PASSWORD, code());
    assert.equal(refused.status, 401, 'the right credentials are refused while locked');
    assert.match(await refused.text(), /locked for 15 minutes/);
    assert.equal(client.cookies.has('daylight_session'), false);
    minutes(15);
    assert.equal((await client.signIn('locked.out', PASSWORD, code())).status, 200);
  });

  it('ends a session after 30 idle minutes, and after 12 hours however active', async () => {
    const url = await serve();
    const idle = new CookieClient(url);
    minutes(1);
    assert.equal((await idle.signIn('ana.lee', PASSWORD, code())).status, 200);
    minutes(29);
    assert.equal(((await (await idle.get('/api/session')).json()) as { role: string }).role, 'analyst');
    minutes(29);
    assert.equal(((await (await idle.get('/api/session')).json()) as { role: string }).role, 'analyst');
    minutes(30);
    assert.equal(((await (await idle.get('/api/session')).json()) as { role: string }).role, 'public');

    const busy = new CookieClient(url);
    minutes(1);
    assert.equal((await busy.signIn('ana.lee', PASSWORD, code())).status, 200);
    for (let elapsed = 20; elapsed < 12 * 60; elapsed += 20) {
      minutes(20);
      assert.equal(
        ((await (await busy.get('/api/session')).json()) as { role: string }).role,
        'analyst',
        `still signed in after ${elapsed} minutes of activity`,
      );
    }
    minutes(20);
    assert.equal(((await (await busy.get('/api/session')).json()) as { role: string }).role, 'public');
  });

  it('serves each viewer only what its role may read', async () => {
    const url = await serve();
    const anonymous = new CookieClient(url);
    assert.equal((await anonymous.get('/api/records/P-RES')).status, 404);
    const published = (await (await anonymous.get('/api/records/P-PUB')).json()) as Record<string, unknown>;
    assert.equal(published.code, 'V-000001');
    assert.equal(JSON.stringify(published).includes(NAME), false, 'the public never sees names');

    const analyst = new CookieClient(url);
    minutes(1);
    await analyst.signIn('ana.lee', PASSWORD, code());
    assert.equal((await analyst.get('/api/records/P-RES')).status, 404, 'analysts read up to internal');
    const asAnalyst = await analyst.get('/api/records/P-PUB');
    assert.equal(asAnalyst.status, 200);
    assert.equal((await asAnalyst.text()).includes(NAME), false, 'analysts see no identifying fields');
    // …but count restricted records (docs/access.md: view-statistics).
    assert.equal(((await (await analyst.get('/api/counts')).json()) as { person: number }).person, 2);

    const investigator = new CookieClient(url);
    await investigator.signIn('inv.park', PASSWORD, code());
    assert.ok((await (await investigator.get('/api/records/P-RES')).text()).includes(NAME));
    const publicCounts = (await (await anonymous.get('/api/counts')).json()) as { person: number };
    const staffCounts = (await (await investigator.get('/api/counts')).json()) as { person: number };
    assert.deepEqual([publicCounts.person, staffCounts.person], [1, 2]);
  });

  it('limits sign-in attempts per address', async () => {
    const url = await serve({ rateLimit: { perMinute: 100, signInPerMinute: 3 } });
    const client = new CookieClient(url);
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await client.signIn('nobody', PASSWORD, '000000')).status);
    assert.deepEqual(statuses, [401, 401, 401, 429]);
  });
});
