import assert from 'node:assert/strict';
import { chmodSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { tempDir } from '../testing/factories.ts';
import { runCli } from '../testing/run-cli.ts';
import { BlobStore, hashFile } from './blob-store.ts';

describe('evidence files', () => {
  const dir = tempDir();
  const db = join(dir.path, 'evidence.db');
  const blobs = new BlobStore(join(dir.path, 'evidence.files'));
  after(() => dir.remove());

  it('hashes with SHA-256 (FIPS 180-2 test vector "abc")', async () => {
    const path = join(dir.path, 'abc.txt');
    writeFileSync(path, 'abc');
    assert.deepEqual(await hashFile(path), {
      sha256: 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
      size: 3,
    });
  });

  it('stores by content, leaves the original alone, logs custody, and records derived copies', () => {
    const original = join(dir.path, 'interview-audio.m4a');
    writeFileSync(original, 'fictional audio bytes');
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
    const [id] = added.stdout.split('\t');
    assert.match(id ?? '', /^sha256-[0-9a-f]{64}$/);
    assert.equal(readFileSync(original, 'utf8'), 'fictional audio bytes');
    const sha = (id ?? '').slice(7);
    assert.equal(readFileSync(blobs.pathOf(sha), 'utf8'), 'fictional audio bytes');

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
      id ?? '',
      '--derivation',
      'transcript',
    ]);
    assert.equal(derived.status, 0, derived.stderr);
    const derivedId = derived.stdout.split('\t')[0] ?? '';
    const record = JSON.parse(runCli(['--db', db, 'show', derivedId]).stdout);
    assert.equal(record.derived_from, id);
    assert.equal(record.derivation, 'transcript');
    assert.equal(record.media_type, 'text/plain');

    const custody = runCli(['--db', db, 'files', 'custody', id ?? ''])
      .stdout.trim()
      .split('\n');
    assert.equal(custody.length, 3);
    assert.match(custody[0] ?? '', /\tstored\tinvestigator-1\treceived on USB$/);
    assert.match(custody.join('\n'), /\treceived\tinvestigator-2/);
    assert.match(custody.join('\n'), /\tderived\ttranslator-1\tworking copy sha256-/);
  });

  it('verify passes on intact files and names each altered or missing one', () => {
    const ok = runCli(['--db', db, 'files', 'verify']);
    assert.equal(ok.status, 0, ok.stdout + ok.stderr);
    assert.match(ok.stdout, /2 files checked: 2 intact, 0 altered or missing/);

    const files = runCli(['--db', db, 'export'])
      .stdout.trim()
      .split('\n')
      .map((l) => JSON.parse(l))
      .filter((r) => r.type === 'file');
    const [first, second] = files;
    const altered = blobs.pathOf(first.sha256);
    chmodSync(altered, 0o644);
    writeFileSync(altered, 'tampered');
    rmSync(blobs.pathOf(second.sha256));
    const bad = runCli(['--db', db, 'files', 'verify']);
    assert.equal(bad.status, 1);
    assert.match(bad.stdout, new RegExp(`MISMATCH\\t${first.id}`));
    assert.match(bad.stdout, new RegExp(`MISSING\\t${second.id}`));
    assert.match(bad.stdout, /2 files checked: 0 intact, 2 altered or missing/);
  });
});
