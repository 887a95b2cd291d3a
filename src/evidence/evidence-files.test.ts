import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { FieldKeys } from '../access/field-cipher.ts';
import { CHUNK_SIZE } from '../access/stream-cipher.ts';
import { unlockKeys } from '../records/unlock-keys.ts';
import { openSqliteStore } from '../store/sqlite/sqlite-store.ts';
import { TEST_PASSPHRASE, tempDir, testKeys } from '../testing/factories.ts';
import { runCli } from '../testing/run-cli.ts';
import { BlobStore, hashFile } from './blob-store.ts';

/** Every file and folder under a folder, as paths. */
function walk(root: string): string[] {
  return readdirSync(root, { recursive: true, encoding: 'utf8' }).map((p) => join(root, p));
}

/** Flips one byte of a read-only file in place. */
function flipByte(path: string, at: number): void {
  chmodSync(path, 0o644);
  const bytes = readFileSync(path);
  bytes[at] = (bytes[at] as number) ^ 0x01;
  writeFileSync(path, bytes);
}

async function collect(chunks: AsyncIterable<Buffer>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const chunk of chunks) parts.push(chunk);
  return Buffer.concat(parts);
}

describe('evidence files', () => {
  const dir = tempDir();
  const db = join(dir.path, 'evidence.db');
  const files = join(dir.path, 'evidence.files');
  const blobs = new BlobStore(files);
  const plaintext = 'fictional audio bytes of an interview with a survivor';
  let keys: FieldKeys;
  let id = '';
  let sha = '';
  after(() => dir.remove());

  it('hashes with SHA-256 (FIPS 180-2 test vector "abc")', async () => {
    const path = join(dir.path, 'abc.txt');
    writeFileSync(path, 'abc');
    assert.deepEqual(await hashFile(path), {
      sha256: 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
      size: 3,
    });
  });

  it('stores by content, encrypted, leaves the original alone, logs custody, and records derived copies', async () => {
    const original = join(dir.path, 'interview-audio.m4a');
    writeFileSync(original, plaintext);
    const added = runCli([
      '--db',
      db,
      '--actor',
      'investigator-1',
      'files',
      'add',
      original,
      '--note',
      'received on USB',
    ]);
    assert.equal(added.status, 0, added.stderr);
    id = added.stdout.split('\t')[0] ?? '';
    assert.match(id, /^sha256-[0-9a-f]{64}$/);
    sha = id.slice(7);
    assert.equal(readFileSync(original, 'utf8'), plaintext);
    const store = openSqliteStore(db);
    keys = await unlockKeys(store, { passphrase: TEST_PASSPHRASE });
    await store.close();
    assert.ok(existsSync(blobs.pathOf(sha, keys)));

    const again = runCli(['--db', db, '--actor', 'investigator-2', 'files', 'add', original]);
    assert.match(again.stdout, /already stored/);

    const transcript = join(dir.path, 'transcript.txt');
    writeFileSync(transcript, 'fictional transcript');
    const derived = runCli([
      '--db',
      db,
      '--actor',
      'translator-1',
      'files',
      'add',
      transcript,
      '--derived-from',
      id,
      '--derivation',
      'transcript',
    ]);
    assert.equal(derived.status, 0, derived.stderr);
    const derivedId = derived.stdout.split('\t')[0] ?? '';
    const record = JSON.parse(runCli(['--db', db, 'show', derivedId]).stdout);
    assert.equal(record.derived_from, id);
    assert.equal(record.derivation, 'transcript');
    assert.equal(record.media_type, 'text/plain');

    const custody = runCli(['--db', db, 'files', 'custody', id]).stdout.trim().split('\n');
    assert.equal(custody.length, 3);
    assert.match(custody[0] ?? '', /\tstored\tinvestigator-1\treceived on USB$/);
    assert.match(custody.join('\n'), /\treceived\tinvestigator-2/);
    assert.match(custody.join('\n'), /\tderived\ttranslator-1\tworking copy sha256-/);
  });

  it('keeps neither the bytes nor the digest of a file readable under the files folder', () => {
    const paths = walk(files);
    assert.ok(paths.length > 0);
    const transcriptSha = runCli(['--db', db, 'export'])
      .stdout.trim()
      .split('\n')
      .map((l) => JSON.parse(l))
      .filter((r) => r.type === 'file')
      .map((r) => r.sha256 as string);
    assert.equal(transcriptSha.length, 2);
    for (const path of paths) {
      for (const digest of transcriptSha) {
        assert.equal(path.includes(digest.slice(0, 16)), false, 'a digest appears in a file name');
      }
      if (!statSync(path).isFile()) continue;
      const bytes = readFileSync(path);
      for (const secret of [plaintext, 'fictional', 'transcript', ...transcriptSha])
        assert.equal(bytes.includes(Buffer.from(secret)), false, `readable in ${path}`);
      assert.equal(bytes.includes(Buffer.from(sha, 'hex')), false, 'the binary digest is stored');
    }
  });

  it('gives a file back out (audited, permission-checked) with identical bytes', () => {
    const out = join(dir.path, 'out.m4a');
    const got = runCli([
      '--db',
      db,
      '--actor',
      'reviewer-1',
      '--role',
      'reviewer',
      'files',
      'get',
      sha,
      '--out',
      out,
    ]);
    assert.equal(got.status, 0, got.stderr);
    assert.equal(readFileSync(out, 'utf8'), plaintext);
    const audit = runCli(['--db', db, 'audit', 'list'])
      .stdout.trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    assert.ok(
      audit.some((e) => e.action === 'read-evidence-file' && e.target === id && e.actor === 'reviewer-1'),
    );

    const again = runCli(['--db', db, 'files', 'get', id, '--out', out]);
    assert.equal(again.status, 1);
    assert.match(again.stderr, /out\.m4a exists/);

    const analystOut = join(dir.path, 'analyst.m4a');
    const refused = runCli(['--db', db, '--role', 'analyst', 'files', 'get', id, '--out', analystOut]);
    assert.equal(refused.status, 1);
    assert.match(refused.stderr, /no file record/);
    assert.equal(existsSync(analystOut), false);
  });

  it('refuses a wrong passphrase clearly', () => {
    const wrong = runCli(['--db', db, 'files', 'get', id, '--out', join(dir.path, 'x')], {
      env: { DAYLIGHT_PASSPHRASE: 'not the right passphrase' },
    });
    assert.equal(wrong.status, 2);
    assert.match(wrong.stderr, /wrong passphrase or key file/);
    assert.equal(existsSync(join(dir.path, 'x')), false);
  });

  it('verify passes on intact files and names each altered or missing one', () => {
    const ok = runCli(['--db', db, 'files', 'verify']);
    assert.equal(ok.status, 0, ok.stdout + ok.stderr);
    assert.match(ok.stdout, /2 files checked: 2 intact, 0 altered or missing/);

    const records = runCli(['--db', db, 'export'])
      .stdout.trim()
      .split('\n')
      .map((l) => JSON.parse(l))
      .filter((r) => r.type === 'file');
    const [first, second] = records;
    const altered = blobs.pathOf(first.sha256, keys);
    flipByte(altered, statSync(altered).size - 20);
    rmSync(blobs.pathOf(second.sha256, keys));
    const bad = runCli(['--db', db, 'files', 'verify']);
    assert.equal(bad.status, 1);
    assert.match(bad.stdout, new RegExp(`MISMATCH\\t${first.id}`));
    assert.match(bad.stdout, new RegExp(`MISSING\\t${second.id}`));
    assert.match(bad.stdout, /2 files checked: 0 intact, 2 altered or missing/);

    const out = join(dir.path, 'altered-out');
    const get = runCli(['--db', db, 'files', 'get', first.id, '--out', out]);
    assert.equal(get.status, 1);
    assert.match(get.stderr, /evidence file sha256-[0-9a-f]{64} .*fails authentication/);
    assert.equal(existsSync(out), false, 'nothing of an altered file is written out');
  });
});

describe('sealed evidence files (several chunks)', () => {
  const dir = tempDir();
  const blobs = new BlobStore(join(dir.path, 'big.files'));
  const keys = testKeys();
  const content = randomBytes(3 * CHUNK_SIZE + 123);
  let sha = '';
  let path = '';
  let sealed: Buffer;
  before(async () => {
    const source = join(dir.path, 'video.mp4');
    writeFileSync(source, content);
    const stored = await blobs.put(source, keys);
    sha = stored.sha256;
    path = blobs.pathOf(sha, keys);
    sealed = readFileSync(path);
  });
  after(() => dir.remove());

  /** Replaces the sealed file with other bytes, checks it, and puts the original back. */
  async function checkWith(bytes: Buffer): Promise<string> {
    chmodSync(path, 0o644);
    writeFileSync(path, bytes);
    try {
      return await blobs.check(sha, keys);
    } finally {
      writeFileSync(path, sealed);
    }
  }

  it('round-trips identical bytes and checks out intact', async () => {
    assert.ok(sealed.length > content.length);
    assert.ok(Buffer.compare(await collect(blobs.open(sha, keys)), content) === 0);
    assert.equal(await blobs.check(sha, keys), 'ok');
    const out = join(dir.path, 'out.mp4');
    assert.deepEqual(await blobs.copyOut(sha, keys, out), { size: content.length });
    assert.ok(readFileSync(out).equals(content));
  });

  it('detects a changed byte, a cut at a chunk boundary, an extension and swapped chunks', async () => {
    const headerEnd = sealed.length - (content.length + 4 * 16);
    const chunk = CHUNK_SIZE + 16;
    const flipped = Buffer.from(sealed);
    flipped[headerEnd + 100] = (flipped[headerEnd + 100] as number) ^ 1;
    assert.equal(await checkWith(flipped), 'mismatch');
    assert.equal(await checkWith(sealed.subarray(0, headerEnd + 2 * chunk)), 'mismatch');
    assert.equal(await checkWith(sealed.subarray(0, sealed.length - 1)), 'mismatch');
    assert.equal(
      await checkWith(Buffer.concat([sealed, sealed.subarray(headerEnd, headerEnd + chunk)])),
      'mismatch',
    );
    const swapped = Buffer.concat([
      sealed.subarray(0, headerEnd),
      sealed.subarray(headerEnd + chunk, headerEnd + 2 * chunk),
      sealed.subarray(headerEnd, headerEnd + chunk),
      sealed.subarray(headerEnd + 2 * chunk),
    ]);
    assert.equal(await checkWith(swapped), 'mismatch');
    assert.equal(await checkWith(sealed), 'ok');
  });

  it('fails clearly under a wrong key', async () => {
    const otherData: FieldKeys = { ...keys, dataKeys: { k1: Buffer.alloc(32, 9) } };
    assert.equal(await blobs.check(sha, otherData), 'mismatch');
    await assert.rejects(collect(blobs.open(sha, otherData)), /fails authentication/);
    const otherAll: FieldKeys = { ...otherData, indexKey: Buffer.alloc(32, 8) };
    assert.equal(await blobs.check(sha, otherAll), 'missing', 'other keys look for another name');
    const noKey: FieldKeys = { ...keys, activeId: 'k2', dataKeys: { k2: Buffer.alloc(32, 7) } };
    await assert.rejects(collect(blobs.open(sha, noKey)), /encrypted with key k1, which this keyring lacks/);
  });

  it('after a rotation stores new files under the new key and still reads the old ones', async () => {
    const rotated: FieldKeys = {
      ...keys,
      activeId: 'k2',
      dataKeys: { ...keys.dataKeys, k2: Buffer.alloc(32, 5) },
    };
    const source = join(dir.path, 'photo.jpg');
    writeFileSync(source, 'fictional photo');
    const stored = await blobs.put(source, rotated);
    assert.match(readFileSync(blobs.pathOf(stored.sha256, rotated)).toString('latin1'), /"key_id":"k2"/);
    assert.equal(await blobs.check(sha, rotated), 'ok');
    assert.equal(await blobs.check(stored.sha256, rotated), 'ok');
  });
});

describe('evidence files stored in plaintext by an older version', () => {
  const dir = tempDir();
  const blobs = new BlobStore(join(dir.path, 'old.files'));
  const keys = testKeys();
  after(() => dir.remove());

  it('are sealed under their keyed names, their plaintext removed; altered ones are left and named', async () => {
    const intact = 'fictional plaintext evidence';
    const intactSha = createHash('sha256').update(intact).digest('hex');
    const alteredSha = createHash('sha256').update('the original bytes').digest('hex');
    for (const [sha, text] of [
      [intactSha, intact],
      [alteredSha, 'changed bytes'],
    ] as const) {
      mkdirSync(join(blobs.legacyFolder, sha.slice(0, 2)), { recursive: true });
      writeFileSync(join(blobs.legacyFolder, sha.slice(0, 2), sha), text);
    }
    assert.deepEqual(await blobs.sealLegacy(keys), { sealed: 1, altered: [`sha256-${alteredSha}`] });
    assert.equal(await blobs.check(intactSha, keys), 'ok');
    assert.equal(existsSync(join(blobs.legacyFolder, intactSha.slice(0, 2))), false);
    assert.ok(existsSync(join(blobs.legacyFolder, alteredSha.slice(0, 2), alteredSha)));
    assert.equal(await blobs.check(alteredSha, keys), 'missing');
  });
});
