import { createHash, createHmac, hkdfSync } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync } from 'node:fs';
import { chmod, mkdir, readdir, rename, rm, rmdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { ByteReader } from '../access/byte-reader.ts';
import type { FieldKeys } from '../access/field-cipher.ts';
import {
  IntegrityError,
  openChunks,
  readSealedHeader,
  type StreamKind,
  sealStream,
} from '../access/stream-cipher.ts';

/** SHA-256 of a file's bytes, streamed, in lower-case hex, with the file's size. */
export async function hashFile(path: string): Promise<{ sha256: string; size: number }> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of createReadStream(path)) {
    hash.update(chunk as Buffer);
    size += (chunk as Buffer).length;
  }
  return { sha256: hash.digest('hex'), size };
}

/** The folder of evidence files that belongs to a database file (`var/daylight.db` → `var/daylight.files`). */
export function filesFolderOf(dbPath: string): string {
  return `${dbPath.replace(/\.(db|sqlite3?)$/, '')}.files`;
}

/** How evidence files are sealed on disk (the layout is in docs/backup.md, "Sealed streams"). */
export const EVIDENCE_FILE: StreamKind = { magic: 'DAYLIGHT-FILE-1\n', purpose: 'evidence file' };

/** The folder under the root that holds sealed files, two hex characters of their name deep. */
const SEALED = 'sealed';

// The name key never changes with rotation (it comes from the index key, itself from the oldest
// data key), so a file is found under the same name however often the keys rotate.
const nameKeys = new WeakMap<Buffer, Buffer>();
function nameKeyOf(keys: FieldKeys): Buffer {
  let key = nameKeys.get(keys.indexKey);
  if (!key) {
    key = Buffer.from(hkdfSync('sha256', keys.indexKey, Buffer.alloc(0), 'daylight evidence file names', 32));
    nameKeys.set(keys.indexKey, key);
  }
  return key;
}

/**
 * Evidence files kept by content, encrypted at rest: each is sealed (chunked AES-256-GCM under the
 * active data key) under a name that is a keyed hash (HMAC-SHA-256) of its SHA-256, so that
 * neither its bytes nor its digest can be read or confirmed without the key. Written once, then
 * read-only; the same bytes are stored once however often they arrive. The record keeps the
 * plaintext SHA-256: it is the file's identity.
 */
export class BlobStore {
  readonly root: string;

  constructor(root: string) {
    this.root = root;
  }

  /** The on-disk name of the file with this digest. */
  nameOf(sha256: string, keys: FieldKeys): string {
    return createHmac('sha256', nameKeyOf(keys)).update(sha256).digest('hex');
  }

  /** Where the file with this digest lives. */
  pathOf(sha256: string, keys: FieldKeys): string {
    const name = this.nameOf(sha256, keys);
    return join(this.root, SEALED, name.slice(0, 2), name);
  }

  /** Encrypts a file in (if its content is new) and returns its digest and size. */
  async put(source: string, keys: FieldKeys): Promise<{ sha256: string; size: number; added: boolean }> {
    const { sha256, size } = await hashFile(source);
    const name = this.nameOf(sha256, keys);
    const target = this.pathOf(sha256, keys);
    if (existsSync(target)) return { sha256, size, added: false };
    await mkdir(join(this.root, SEALED, name.slice(0, 2)), { recursive: true });
    const partial = `${target}.${process.pid}.partial`;
    const hash = createHash('sha256');
    const key = { id: keys.activeId, bytes: keys.dataKeys[keys.activeId] as Buffer };
    try {
      const plain = (async function* () {
        for await (const chunk of createReadStream(source)) {
          hash.update(chunk as Buffer);
          yield chunk as Buffer;
        }
      })();
      await pipeline(
        sealStream(plain, EVIDENCE_FILE, key, name),
        createWriteStream(partial, { flags: 'wx', mode: 0o600 }),
      );
      if (hash.digest('hex') !== sha256)
        throw new Error('the file changed while it was being stored; try again');
      await chmod(partial, 0o444);
      await rename(partial, target);
    } finally {
      await rm(partial, { force: true });
    }
    return { sha256, size, added: true };
  }

  /**
   * The plaintext of a stored file, chunk by chunk, each authenticated before it is given. Throws
   * `IntegrityError` when the file was altered or cut; the caller re-hashes to compare with the
   * record's digest and keeps nothing before the end.
   */
  async *open(sha256: string, keys: FieldKeys): AsyncGenerator<Buffer> {
    const path = this.pathOf(sha256, keys);
    const what = `evidence file sha256-${sha256} (${path})`;
    if (!existsSync(path)) throw new MissingFileError(`${what}: missing`);
    const reader = new ByteReader(createReadStream(path));
    try {
      const opened = await readSealedHeader(reader, EVIDENCE_FILE, what);
      const key = keys.dataKeys[opened.header.key_id];
      if (!key)
        throw new Error(`${what}: encrypted with key ${opened.header.key_id}, which this keyring lacks`);
      yield* openChunks(reader, opened, EVIDENCE_FILE, key, this.nameOf(sha256, keys), what);
    } finally {
      await reader.close();
    }
  }

  /** Decrypts and re-hashes a stored file: `ok`, `mismatch` (altered, or sealed under other keys) or `missing`. */
  async check(sha256: string, keys: FieldKeys): Promise<'ok' | 'mismatch' | 'missing'> {
    const hash = createHash('sha256');
    try {
      for await (const chunk of this.open(sha256, keys)) hash.update(chunk);
    } catch (error) {
      if (error instanceof MissingFileError) return 'missing';
      if (error instanceof IntegrityError) return 'mismatch';
      throw error;
    }
    return hash.digest('hex') === sha256 ? 'ok' : 'mismatch';
  }

  /**
   * Decrypts a stored file to `out` (which must not exist), through a temporary file renamed only
   * once the whole file decrypted and its SHA-256 matched: never a half-written or altered copy.
   */
  async copyOut(sha256: string, keys: FieldKeys, out: string): Promise<{ size: number }> {
    if (existsSync(out)) throw new Error(`${out} exists: choose another path`);
    const partial = `${out}.${process.pid}.partial`;
    const hash = createHash('sha256');
    let size = 0;
    const blobs = this;
    try {
      await pipeline(
        (async function* () {
          for await (const chunk of blobs.open(sha256, keys)) {
            hash.update(chunk);
            size += chunk.length;
            yield chunk;
          }
        })(),
        createWriteStream(partial, { flags: 'wx', mode: 0o600 }),
      );
      if (hash.digest('hex') !== sha256)
        throw new IntegrityError(
          `evidence file sha256-${sha256}: decrypted, but its SHA-256 differs: altered`,
        );
      await rename(partial, out);
    } finally {
      await rm(partial, { force: true });
    }
    return { size };
  }

  /** Where versions before encryption kept files, in plaintext under their digest. */
  get legacyFolder(): string {
    return join(this.root, 'sha256');
  }

  /**
   * Seals the files an older version stored in plaintext (`sha256/ab/<digest>`): each is encrypted
   * under its keyed name, and its plaintext removed once the sealed copy checks out. A file whose
   * bytes no longer match its digest is left where it is and reported as altered.
   */
  async sealLegacy(keys: FieldKeys): Promise<{ sealed: number; altered: string[] }> {
    const result = { sealed: 0, altered: [] as string[] };
    if (!existsSync(this.legacyFolder)) return result;
    const entries = await readdir(this.legacyFolder, { recursive: true, withFileTypes: true });
    for (const entry of entries) {
      if (!entry.isFile() || !/^[0-9a-f]{64}$/.test(entry.name)) continue;
      const path = join(entry.parentPath, entry.name);
      if ((await hashFile(path)).sha256 !== entry.name) {
        result.altered.push(`sha256-${entry.name}`);
        continue;
      }
      await this.put(path, keys);
      if ((await this.check(entry.name, keys)) !== 'ok')
        throw new Error(`sealing ${path} failed: left as it was`);
      await rm(path, { force: true });
      result.sealed++;
    }
    // Empty folders go; any holding an altered file stays (rmdir fails on it).
    const folders = entries.filter((e) => e.isDirectory()).map((e) => join(e.parentPath, e.name));
    for (const folder of [...folders.sort().reverse(), this.legacyFolder])
      await rmdir(folder).catch(() => undefined);
    return result;
  }

  /** Every stored file, as paths relative to the root (for backups): sealed, whatever their content. */
  async list(): Promise<string[]> {
    const base = join(this.root, SEALED);
    if (!existsSync(base)) return [];
    const entries = await readdir(base, { recursive: true, withFileTypes: true });
    return entries
      .filter((entry) => entry.isFile() && !entry.name.endsWith('.partial'))
      .map((entry) => relative(this.root, join(entry.parentPath, entry.name)))
      .sort();
  }
}

/** A stored file that is not there. */
export class MissingFileError extends Error {
  readonly id = 'missing';
}
