import { existsSync } from 'node:fs';
import { chmod, copyFile, mkdir, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { BlobStore, hashFile } from '../../evidence/blob-store.ts';

/** Evidence files copied: how many there were, how many were new in the target, and any that differ. */
export type FilesCopy = { files: number; copied: number; differing: string[] };

/**
 * Copies the sealed evidence files of one store's folder into another's, byte for byte (they stay
 * encrypted under the same data keys, which the keyring copy carries), and checks every one: a file
 * already in the target must have the same bytes. Files are written under a temporary name and
 * renamed, so an interrupted copy leaves no partial file.
 */
export async function copyEvidenceFiles(sourceRoot: string, targetRoot: string): Promise<FilesCopy> {
  const result: FilesCopy = { files: 0, copied: 0, differing: [] };
  for (const relative of await new BlobStore(sourceRoot).list()) {
    result.files++;
    const from = join(sourceRoot, relative);
    const to = join(targetRoot, relative);
    if (!existsSync(to)) {
      await mkdir(dirname(to), { recursive: true });
      const partial = `${to}.${process.pid}.partial`;
      try {
        await copyFile(from, partial);
        await chmod(partial, 0o444);
        await rename(partial, to);
      } finally {
        await rm(partial, { force: true });
      }
      result.copied++;
    }
    if ((await hashFile(from)).sha256 !== (await hashFile(to)).sha256) result.differing.push(relative);
  }
  return result;
}
