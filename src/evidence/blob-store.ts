import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { chmod, copyFile, mkdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';

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

/**
 * Evidence files kept by content: each under its SHA-256 (`sha256/ab/abcdef…`), written once,
 * then made read-only. The same bytes are stored once however often they arrive.
 */
export class BlobStore {
  readonly root: string;

  constructor(root: string) {
    this.root = root;
  }

  /** Where the file with this digest lives. */
  pathOf(sha256: string): string {
    return join(this.root, 'sha256', sha256.slice(0, 2), sha256);
  }

  /** Copies a file in (if its content is new) and returns its digest and size. */
  async put(source: string): Promise<{ sha256: string; size: number; added: boolean }> {
    const { sha256, size } = await hashFile(source);
    const target = this.pathOf(sha256);
    if (await exists(target)) return { sha256, size, added: false };
    await mkdir(join(this.root, 'sha256', sha256.slice(0, 2)), { recursive: true });
    const partial = `${target}.${process.pid}.partial`;
    try {
      await copyFile(source, partial);
      const copied = await hashFile(partial);
      if (copied.sha256 !== sha256) throw new Error('the file changed while it was being stored; try again');
      await chmod(partial, 0o444);
      await rename(partial, target);
    } finally {
      await rm(partial, { force: true });
    }
    return { sha256, size, added: true };
  }

  /** Re-hashes a stored file: `ok`, `mismatch` (altered) or `missing`. */
  async check(sha256: string): Promise<'ok' | 'mismatch' | 'missing'> {
    const path = this.pathOf(sha256);
    if (!(await exists(path))) return 'missing';
    return (await hashFile(path)).sha256 === sha256 ? 'ok' : 'mismatch';
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}
