import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { totp } from '../access/totp.ts';
import { openSqliteStore, type SqliteStore } from '../store/sqlite/sqlite-store.ts';
import { tempDir, testKeys } from '../testing/factories.ts';
import { runCli } from '../testing/run-cli.ts';
import { addUser } from './add-user.ts';
import { signIn } from './sign-in.ts';

const keys = testKeys();
const fast = { N: 2 ** 12, r: 8, p: 1 };
const PASSWORD = 'a good long password';

/** The account's TOTP secret, from the URI its owner would scan. */
function secretOf(otpauth: string): Buffer {
  const base32 = new URL(otpauth).searchParams.get('secret') ?? '';
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const c of base32) bits += alphabet.indexOf(c).toString(2).padStart(5, '0');
  return Buffer.from((bits.match(/.{8}/g) ?? []).map((b) => Number.parseInt(b, 2)));
}

describe('accounts and sign-in', () => {
  let store: SqliteStore;
  let secret: Buffer;
  const t0 = new Date('2026-11-27T10:00:00Z');
  const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);
  const code = (when: Date) => totp(secret, Math.floor(when.getTime() / 1000));

  before(async () => {
    store = openSqliteStore(':memory:');
    const { otpauth } = await addUser(store, keys, {
      username: 'reviewer.kim',
      role: 'reviewer',
      password: PASSWORD,
      actor: 'admin',
      scrypt: fast,
    });
    assert.match(otpauth, /^otpauth:\/\/totp\/Daylight%3Areviewer\.kim\?secret=[A-Z2-7]+&issuer=Daylight/);
    secret = secretOf(otpauth);
  });
  after(() => store.close());

  it('signs in with the password and a current code, once per code', async () => {
    const ok = await signIn(store, keys, {
      username: 'reviewer.kim',
      password: PASSWORD,
      code: code(t0),
      now: t0,
    });
    assert.deepEqual(ok, { ok: true, viewer: { user: 'reviewer.kim', role: 'reviewer' } });
    const replay = await signIn(store, keys, {
      username: 'reviewer.kim',
      password: PASSWORD,
      code: code(t0),
      now: at(5),
    });
    assert.deepEqual(replay, { ok: false, refusal: 'invalid-credentials' });
  });

  it('gives the same answer for an unknown user, a wrong password and a wrong code', async () => {
    const unknown = await signIn(store, keys, {
      username: 'nobody',
      password: PASSWORD,
      code: '123456',
      now: at(60),
    });
    const wrongCode = await signIn(store, keys, {
      username: 'reviewer.kim',
      password: PASSWORD,
      code: '000000',
      now: at(60),
    });
    assert.deepEqual(unknown, wrongCode);
  });

  it('locks the account after five failures, even against the right password, until the lock ends', async () => {
    for (let i = 0; i < 4; i++) {
      await signIn(store, keys, {
        username: 'reviewer.kim',
        password: 'wrong password!',
        code: code(at(90)),
        now: at(90),
      });
    }
    const locked = await signIn(store, keys, {
      username: 'reviewer.kim',
      password: PASSWORD,
      code: code(at(120)),
      now: at(120),
    });
    assert.deepEqual(locked, { ok: false, refusal: 'locked' });
    const later = at(120 + 16 * 60);
    const again = await signIn(store, keys, {
      username: 'reviewer.kim',
      password: PASSWORD,
      code: code(later),
      now: later,
    });
    assert.equal(again.ok, true);
  });

  it('stores no password or TOTP secret in plaintext, and audits without them', async () => {
    const row = store.db.prepare('SELECT * FROM users').get() as Record<string, string>;
    assert.match(row.password_hash ?? '', /^scrypt\$/);
    assert.match(row.totp_secret ?? '', /^enc:v1:/);
    assert.ok(!JSON.stringify(row).includes(secret.toString('base64')));
    const entries = [];
    for await (const e of store.auditEntries()) entries.push(e);
    assert.deepEqual(
      entries.map((e) => e.action),
      [
        'add-user',
        'sign-in',
        'sign-in-refused',
        'sign-in-refused',
        'sign-in-refused',
        'sign-in-refused',
        'sign-in-refused',
        'sign-in-refused',
        'sign-in-refused',
        'sign-in-refused',
        'sign-in',
      ],
    );
    assert.ok(!JSON.stringify(entries).includes(PASSWORD));
  });

  it('daylight user add --role admin creates the first account; other roles may not', () => {
    const dir = tempDir();
    const db = join(dir.path, 'users.db');
    const env = { DAYLIGHT_NEW_USER_PASSWORD: PASSWORD };
    const made = runCli(['--db', db, 'user', 'add', 'first.admin', '--role', 'admin'], { env });
    assert.equal(made.status, 0, made.stderr);
    assert.match(made.stdout, /created first\.admin \(admin\)[\s\S]*otpauth:\/\/totp\//);
    const refused = runCli(
      ['--db', db, '--role', 'coordinator', 'user', 'add', 'second', '--role', 'viewer'],
      { env },
    );
    assert.equal(refused.status, 3);
    const weak = runCli(['--db', db, 'user', 'add', 'third.user', '--role', 'viewer'], {
      env: { DAYLIGHT_NEW_USER_PASSWORD: 'short' },
    });
    assert.equal(weak.status, 2);
    assert.match(weak.stderr, /at least 12 characters/);
    dir.remove();
  });
});
