import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync } from 'node:fs';
import { rename, rm, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { authorize } from '../access/authorize.ts';
import type { FieldKeys } from '../access/field-cipher.ts';
import type { Viewer } from '../access/roles.ts';
import { sealStream } from '../access/stream-cipher.ts';
import type { BlobStore } from '../evidence/blob-store.ts';
import type { Store } from '../store/store.ts';
import { type ArchiveEntry, BACKUP_ARCHIVE, BACKUP_CONTEXT, frameEntries } from './backup-archive.ts';

/** What a backup holds and how big it came out. */
export type BackupReport = {
  file: string;
  bytes: number;
  databaseBytes: number;
  files: number;
  sha256: string;
};

/**
 * Writes one encrypted archive of the database (a consistent snapshot, taken while others may be
 * writing), its evidence files (copied as sealed) and the audit head, then audits the backup.
 * The archive's cleartext header carries the keyring (data keys wrapped under the passphrase or
 * key file), so the same secret restores it on a fresh machine. The snapshot is written beside
 * the database (never beside the archive, which may sit on a removable disk) and removed.
 */
export async function createBackup(
  store: Store,
  blobs: BlobStore,
  input: { viewer: Viewer; keys: FieldKeys; dbPath: string; out: string; now?: Date },
): Promise<BackupReport> {
  authorize(input.viewer, 'backup-restore');
  if (existsSync(input.out)) throw new Error(`${input.out} exists: choose another file for the backup`);
  const createdAt = (input.now ?? new Date()).toISOString();
  const keyring = await store.keyringEntries();
  // The head as recorded before the snapshot: the snapshot's chain reaches at least this far.
  const anchor = await store.auditAnchor();
  const snapshot = `${input.dbPath}.backup-${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
  const partial = `${input.out}.${process.pid}.partial`;
  try {
    await store.snapshot(snapshot);
    const databaseBytes = (await stat(snapshot)).size;
    const sealedFiles = await blobs.list();
    const entries: ArchiveEntry[] = [
      jsonEntry('manifest.json', {
        format: 1,
        created_at: createdAt,
        database_bytes: databaseBytes,
        files: sealedFiles.length,
      }),
      { name: 'database.sqlite', size: databaseBytes, bytes: () => createReadStream(snapshot) },
      ...(anchor ? [jsonEntry('audit-head', anchor)] : []),
    ];
    for (const file of sealedFiles) {
      const path = join(blobs.root, file);
      entries.push({
        name: `files/${file}`,
        size: (await stat(path)).size,
        bytes: () => createReadStream(path),
      });
    }
    const key = { id: input.keys.activeId, bytes: input.keys.dataKeys[input.keys.activeId] as Buffer };
    const hash = createHash('sha256');
    let bytes = 0;
    const sealed = sealStream(frameEntries(entries), BACKUP_ARCHIVE, key, BACKUP_CONTEXT, {
      created_at: createdAt,
      keyring,
    });
    await pipeline(
      (async function* () {
        for await (const chunk of sealed) {
          hash.update(chunk);
          bytes += chunk.length;
          yield chunk;
        }
      })(),
      createWriteStream(partial, { flags: 'wx', mode: 0o600, flush: true }),
    );
    await rename(partial, input.out);
    const report = {
      file: input.out,
      bytes,
      databaseBytes,
      files: sealedFiles.length,
      sha256: hash.digest('hex'),
    };
    await store.appendAudit({
      at: new Date().toISOString(),
      actor: input.viewer.user,
      action: 'backup',
      target: basename(input.out),
      detail: { bytes, files: report.files, sha256: report.sha256, created_at: createdAt },
    });
    return report;
  } finally {
    await rm(snapshot, { force: true });
    await rm(partial, { force: true });
  }
}

function jsonEntry(name: string, value: unknown): ArchiveEntry {
  const bytes = Buffer.from(`${JSON.stringify(value)}\n`, 'utf8');
  return {
    name,
    size: bytes.length,
    bytes: async function* () {
      yield bytes;
    },
  };
}
