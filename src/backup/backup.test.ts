import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { AuditEntry } from '../access/audit-chain.ts';
import { verifyChain } from '../access/audit-chain.ts';
import { type FieldKeys, revealRecord } from '../access/field-cipher.ts';
import { loadDemo } from '../demo/load-demo.ts';
import type { Person } from '../domain/person.ts';
import { RECORD_TYPES } from '../domain/record.ts';
import { addEvidenceFile } from '../evidence/add-evidence-file.ts';
import { BlobStore, filesFolderOf } from '../evidence/blob-store.ts';
import { verifyEvidenceFiles } from '../evidence/verify-evidence-files.ts';
import { exportJsonLines } from '../interchange/export-records.ts';
import { searchRecords } from '../records/search-records.ts';
import { unlockKeys } from '../records/unlock-keys.ts';
import { openSqliteStore } from '../store/sqlite/sqlite-store.ts';
import type { Store } from '../store/store.ts';
import { TEST_PASSPHRASE, tempDir } from '../testing/factories.ts';
import { runCli } from '../testing/run-cli.ts';
import { createBackup } from './create-backup.ts';

const ADMIN = { user: 'admin-1', role: 'admin' as const };

async function auditOf(store: Store): Promise<AuditEntry[]> {
  const entries: AuditEntry[] = [];
  for await (const entry of store.auditEntries()) entries.push(entry);
  return entries;
}

async function exportOf(store: Store, keys: FieldKeys): Promise<string> {
  let text = '';
  for await (const line of exportJsonLines(store, keys)) text += line;
  return text;
}

/** Everything a reader can ask of a database, to compare an original with its restored copy. */
async function answers(store: Store, keys: FieldKeys, queries: string[]) {
  const listed: Record<string, unknown[]> = {};
  for (const type of RECORD_TYPES) {
    const records = await store.listRecords({ type, limit: 1_000_000, includeDeleted: true });
    listed[type] = records.map((r) => revealRecord(r as never, keys));
  }
  const searches: Record<string, string[]> = {};
  for (const query of queries)
    searches[query] = (await searchRecords(store, ADMIN, keys, query, { limit: 500 })).map((r) => r.id);
  return { counts: await store.countByType(), listed, searches, exported: await exportOf(store, keys) };
}

describe('backup and restore', () => {
  const dir = tempDir();
  const db = join(dir.path, 'original.db');
  const archive = join(dir.path, 'daylight.backup');
  const restoredDb = join(dir.path, 'restored', 'daylight.db');
  const evidence = 'fictional testimony recording, interview 7';
  let keys: FieldKeys;
  const names: string[] = [];
  const queries = ['교화', '노동', 'forced', 'labour camp', 'Chongori'];

  before(async () => {
    const store = openSqliteStore(db);
    keys = await unlockKeys(store, { passphrase: TEST_PASSPHRASE });
    const report = await loadDemo(store, { seed: 1, size: 'small', keys });
    assert.equal(report.ok, true);
    const blobs = new BlobStore(filesFolderOf(db));
    for (const [name, text] of [
      ['interview-7.m4a', evidence],
      ['photo.jpg', 'fictional photo of a gate'],
    ] as const) {
      const path = join(dir.path, name);
      writeFileSync(path, text);
      await addEvidenceFile(store, blobs, { keys, path, actor: 'investigator-1' });
    }
    for (const stored of await store.listRecords({ type: 'person', limit: 1_000_000 })) {
      const person = revealRecord(stored as never, keys) as Person;
      for (const name of person.names) if (name.value.length >= 3) names.push(name.value);
    }
    // Search for a person's name too (Hangul, identifying: through the blind index).
    const hangul = names.find((n) => /^\p{Script=Hangul}{3}$/u.test(n));
    if (hangul) queries.push(hangul);
    await store.close();
  });
  after(() => dir.remove());

  it('writes one archive in which nothing is readable without the key, and audits it', () => {
    const made = runCli(['--db', db, '--actor', 'admin-1', 'backup', archive]);
    assert.equal(made.status, 0, made.stderr);
    const bytes = readFileSync(archive);
    assert.ok(names.length > 1000, `names checked: ${names.length}`);
    for (const secret of [...names, 'SQLite format 3', evidence, '"type":"person"', 'forced'])
      assert.equal(bytes.includes(Buffer.from(secret, 'utf8')), false, 'plaintext in the archive');
    for (const name of names) assert.equal(made.stdout.includes(name) || made.stderr.includes(name), false);
    const audit = runCli(['--db', db, 'audit', 'list'])
      .stdout.trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    const last = audit.at(-1);
    assert.equal(last.action, 'backup');
    assert.equal(last.detail.sha256, createHash('sha256').update(bytes).digest('hex'));
    assert.deepEqual(
      readdirSync(dir.path).filter((f) => f.includes('.tmp') || f.includes('partial')),
      [],
      'no snapshot or partial file left',
    );
  });

  it('restores into a new path a database that answers every query as the original did', async () => {
    const restored = runCli(['--db', restoredDb, '--actor', 'admin-2', 'restore', archive]);
    assert.equal(restored.status, 0, restored.stderr);
    assert.match(restored.stdout, /2 evidence files, audit trail intact/);

    const original = openSqliteStore(db);
    const copy = openSqliteStore(restoredDb);
    try {
      const copyKeys = await unlockKeys(copy, { passphrase: TEST_PASSPHRASE });
      const want = await answers(original, keys, queries);
      const got = await answers(copy, copyKeys, queries);
      assert.ok(want.counts.person > 100 && want.counts.file === 2);
      assert.deepEqual(got.counts, want.counts);
      for (const type of RECORD_TYPES) assert.deepEqual(got.listed[type], want.listed[type], type);
      for (const query of queries) assert.ok((want.searches[query] ?? []).length > 0, `hits for ${query}`);
      assert.deepEqual(got.searches, want.searches);
      assert.equal(got.exported, want.exported);

      const before = await auditOf(original);
      const after = await auditOf(copy);
      assert.equal(before.at(-1)?.action, 'backup');
      assert.equal(after.at(-1)?.action, 'restore');
      assert.equal(after.at(-1)?.actor, 'admin-2');
      assert.deepEqual(after.slice(0, -1), before.slice(0, -1));
      assert.equal((await verifyChain(after, await copy.auditAnchor())).ok, true);

      const files = await verifyEvidenceFiles(copy, new BlobStore(filesFolderOf(restoredDb)), copyKeys);
      assert.deepEqual(files, { checked: 2, ok: 2, problems: [] });
    } finally {
      await original.close();
      await copy.close();
    }
    assert.equal(runCli(['--db', restoredDb, 'audit', 'verify']).status, 0);
    assert.equal(runCli(['--db', restoredDb, 'files', 'verify']).status, 0);
  });

  it('refuses to overwrite an existing database unless --force', () => {
    const refused = runCli(['--db', restoredDb, 'restore', archive]);
    assert.equal(refused.status, 1);
    assert.match(refused.stderr, /daylight\.db exists: restore refuses to overwrite it \(use --force/);
    const forced = runCli(['--db', restoredDb, 'restore', archive, '--force']);
    assert.equal(forced.status, 0, forced.stderr);
    assert.match(forced.stdout, /replacing the database that was there/);
    assert.equal(runCli(['--db', restoredDb, 'audit', 'verify']).status, 0);
    assert.deepEqual(
      readdirSync(join(dir.path, 'restored')).sort(),
      ['daylight.db', 'daylight.db.audit-head', 'daylight.files'],
      'no staging folder left',
    );
  });

  it('refuses a tampered or cut archive clearly and writes nothing', () => {
    const bytes = readFileSync(archive);
    const tampered = join(dir.path, 'tampered.backup');
    const flipped = Buffer.from(bytes);
    const at = Math.floor(bytes.length / 2);
    flipped[at] = (flipped[at] as number) ^ 0x10;
    writeFileSync(tampered, flipped);
    const cut = join(dir.path, 'cut.backup');
    writeFileSync(cut, bytes.subarray(0, bytes.length - 1000));
    for (const file of [tampered, cut]) {
      const target = join(dir.path, 'from-bad', 'daylight.db');
      const result = runCli(['--db', target, 'restore', file]);
      assert.equal(result.status, 1);
      assert.match(result.stderr, new RegExp(`backup .*${file.split('/').at(-1)}: .*(altered|cut short)`));
      assert.deepEqual(readdirSync(join(dir.path, 'from-bad')), [], 'nothing written');
    }
  });

  it('refuses a wrong passphrase clearly and writes nothing; refuses a non-admin', () => {
    const target = join(dir.path, 'wrong-key', 'daylight.db');
    const result = runCli(['--db', target, 'restore', archive], {
      env: { DAYLIGHT_PASSPHRASE: 'not the passphrase of this backup' },
    });
    assert.equal(result.status, 1);
    assert.match(result.stderr, /backup .*daylight\.backup: wrong passphrase or key file/);
    assert.equal(existsSync(join(dir.path, 'wrong-key')), false);
    const analyst = runCli(['--db', db, '--role', 'coordinator', 'backup', join(dir.path, 'x.backup')]);
    assert.equal(analyst.status, 3);
    assert.match(analyst.stderr, /a coordinator may not backup restore/);
    assert.equal(runCli(['--db', target, '--role', 'analyst', 'restore', archive]).status, 3);
  });

  it('takes a consistent snapshot while another connection holds an open write', async () => {
    // Another process opens a write session, writes an audit entry and holds it uncommitted.
    const storeModule = fileURLToPath(new URL('../store/sqlite/sqlite-store.ts', import.meta.url));
    const writer = spawn(
      process.execPath,
      [
        '--disable-warning=ExperimentalWarning',
        '--input-type=module',
        '-e',
        `import { openSqliteStore } from ${JSON.stringify(storeModule)};
         const store = openSqliteStore(${JSON.stringify(db)});
         const session = await store.beginWrite();
         await session.audit({ at: new Date().toISOString(), actor: 'writer', action: 'uncommitted-probe' });
         process.stdout.write('ready\\n');
         setTimeout(async () => { await session.commit(); await store.close(); }, 1500);`,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const exited = once(writer, 'exit');
    const [ready] = await once(writer.stdout, 'data');
    assert.equal(String(ready).trim(), 'ready');

    const store = openSqliteStore(db);
    const concurrent = join(dir.path, 'concurrent.backup');
    try {
      // The snapshot goes through at once; auditing the backup waits for the writer's commit.
      await createBackup(store, new BlobStore(filesFolderOf(db)), {
        viewer: ADMIN,
        keys,
        dbPath: db,
        out: concurrent,
      });
    } finally {
      await store.close();
    }
    const [code] = await exited;
    assert.equal(code, 0);

    const target = join(dir.path, 'concurrent', 'daylight.db');
    assert.equal(runCli(['--db', target, 'restore', concurrent]).status, 0);
    const original = openSqliteStore(db);
    const copy = openSqliteStore(target);
    try {
      const entries = await auditOf(original);
      const probe = entries.findIndex((e) => e.action === 'uncommitted-probe');
      assert.ok(probe > 0, 'the writer committed');
      assert.equal(entries[probe + 1]?.action, 'backup', 'the backup was audited after the commit');
      const restored = await auditOf(copy);
      assert.deepEqual(
        restored.slice(0, -1),
        entries.slice(0, probe),
        'the snapshot holds what was committed',
      );
      assert.equal((await verifyChain(restored, await copy.auditAnchor())).ok, true);
      assert.deepEqual(await copy.countByType(), await original.countByType());
    } finally {
      await original.close();
      await copy.close();
    }
  });
});
