import { createReadStream, createWriteStream, existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { verifyChain } from '../access/audit-chain.ts';
import { authorize } from '../access/authorize.ts';
import { ByteReader } from '../access/byte-reader.ts';
import { type KeyringEntry, type KeySource, unlockKeyring } from '../access/keyring.ts';
import type { Viewer } from '../access/roles.ts';
import { openChunks, readSealedHeader } from '../access/stream-cipher.ts';
import { filesFolderOf } from '../evidence/blob-store.ts';
import type { Store } from '../store/store.ts';
import { BACKUP_ARCHIVE, BACKUP_CONTEXT, readEntries } from './backup-archive.ts';

/** What a restore put back. */
export type RestoreReport = { createdAt: string; files: number; auditEntries: number; replaced: boolean };

/** The paths a database occupies: the file, its WAL and shared memory, the audit head, the evidence files. */
export function databasePaths(dbPath: string) {
  return {
    db: dbPath,
    wal: `${dbPath}-wal`,
    shm: `${dbPath}-shm`,
    auditHead: `${dbPath}.audit-head`,
    files: filesFolderOf(dbPath),
  };
}

/**
 * Restores a backup archive to `dbPath`: unlocks the keyring in the archive's header with the
 * passphrase or key file (a wrong one fails before anything is written), decrypts everything into
 * a staging folder beside the target (every chunk authenticated, the end included), checks the
 * audit chain against the archived head, and only then renames it into place. An existing
 * database is replaced only when `force` is set. The restore is audited in the restored database.
 */
export async function restoreBackup(input: {
  viewer: Viewer;
  archive: string;
  dbPath: string;
  source: KeySource;
  force?: boolean;
  /** Opens the restored database (to check its audit chain and audit the restore). */
  openStore: (path: string) => Store;
}): Promise<RestoreReport> {
  authorize(input.viewer, 'backup-restore');
  const what = `backup ${input.archive}`;
  if (!existsSync(input.archive)) throw new Error(`${what}: no such file`);
  const targets = databasePaths(input.dbPath);
  const present: string[] = [];
  for (const path of Object.values(targets)) if (existsSync(path)) present.push(path);
  if (present.length > 0 && !input.force)
    throw new Error(`${present[0]} exists: restore refuses to overwrite it (use --force to replace)`);

  const reader = new ByteReader(createReadStream(input.archive));
  let staging: string | undefined;
  try {
    const opened = await readSealedHeader(reader, BACKUP_ARCHIVE, what);
    const keyring = opened.header.keyring as KeyringEntry[] | undefined;
    if (!Array.isArray(keyring) || keyring.length === 0) throw new Error(`${what}: no keyring in its header`);
    let keyBytes: Buffer | undefined;
    try {
      keyBytes = unlockKeyring(keyring, input.source).dataKeys[opened.header.key_id];
    } catch (error) {
      throw new Error(`${what}: ${(error as Error).message}`);
    }
    if (!keyBytes)
      throw new Error(`${what}: sealed with key ${opened.header.key_id}, which its keyring lacks`);

    await mkdir(dirname(input.dbPath), { recursive: true });
    staging = await mkdtemp(join(dirname(input.dbPath), `.${basename(input.dbPath)}.restore-`));
    const staged = databasePaths(join(staging, basename(input.dbPath)));
    const plaintext = new ByteReader(
      openChunks(reader, opened, BACKUP_ARCHIVE, keyBytes, BACKUP_CONTEXT, what),
    );
    const seen = new Set<string>();
    let files = 0;
    for await (const entry of readEntries(plaintext, what)) {
      if (seen.has(entry.name)) throw new Error(`${what}: ${entry.name} appears twice`);
      seen.add(entry.name);
      const path =
        entry.name === 'database.sqlite'
          ? staged.db
          : entry.name === 'audit-head'
            ? staged.auditHead
            : entry.name === 'manifest.json'
              ? join(staging, 'manifest.json')
              : join(staged.files, entry.name.slice('files/'.length));
      await mkdir(dirname(path), { recursive: true });
      await pipeline(entry.bytes, createWriteStream(path, { flags: 'wx', mode: 0o600, flush: true }));
      if (entry.name.startsWith('files/')) {
        await chmod(path, 0o444);
        files++;
      }
    }
    if (!seen.has('database.sqlite') || !seen.has('manifest.json'))
      throw new Error(`${what}: holds no database`);

    // The archive is whole and authentic; check the restored audit chain before it goes live.
    const store = input.openStore(staged.db);
    let auditEntries: number;
    try {
      const check = await verifyChain(store.auditEntries(), await store.auditAnchor());
      if (!check.ok)
        throw new Error(`${what}: its audit trail is broken at entry ${check.brokenAt}: ${check.problem}`);
      auditEntries = check.entries;
    } finally {
      await store.close();
    }

    await moveIntoPlace(staging, staged, targets);
    const restored = input.openStore(input.dbPath);
    try {
      await restored.appendAudit({
        at: new Date().toISOString(),
        actor: input.viewer.user,
        action: 'restore',
        target: basename(input.archive),
        detail: { created_at: opened.header.created_at, files, replaced: present.length > 0 },
      });
    } finally {
      await restored.close();
    }
    return {
      createdAt: String(opened.header.created_at),
      files,
      auditEntries,
      replaced: present.length > 0,
    };
  } finally {
    await reader.close();
    if (staging) await rm(staging, { recursive: true, force: true });
  }
}

/**
 * Renames the staged database into place. What it replaces is first moved into the staging folder
 * (removed afterwards), and moved back if anything fails, so the target is never half old, half new.
 */
async function moveIntoPlace(
  staging: string,
  staged: ReturnType<typeof databasePaths>,
  targets: ReturnType<typeof databasePaths>,
): Promise<void> {
  const replaced = join(staging, 'replaced');
  await mkdir(replaced);
  const keys = ['db', 'wal', 'shm', 'auditHead', 'files'] as const;
  const movedAside: Array<(typeof keys)[number]> = [];
  const movedIn: Array<(typeof keys)[number]> = [];
  try {
    for (const key of keys) {
      if (existsSync(targets[key])) {
        await rename(targets[key], join(replaced, key));
        movedAside.push(key);
      }
    }
    for (const key of keys) {
      if (existsSync(staged[key])) {
        await rename(staged[key], targets[key]);
        movedIn.push(key);
      }
    }
  } catch (error) {
    for (const key of movedIn) await rm(targets[key], { recursive: true, force: true });
    for (const key of movedAside) await rename(join(replaced, key), targets[key]);
    throw error;
  }
}
