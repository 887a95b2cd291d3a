import type { FieldKeys } from '../access/field-cipher.ts';
import type { EvidenceFile } from '../domain/evidence-file.ts';
import type { Store } from '../store/store.ts';
import type { BlobStore } from './blob-store.ts';

/** The outcome of re-hashing every stored evidence file. */
export type VerifyReport = {
  checked: number;
  ok: number;
  problems: Array<{ id: string; sha256: string; problem: 'mismatch' | 'missing' }>;
};

/**
 * Decrypts and re-hashes every evidence file the store knows of and names each one altered
 * (including one that fails authentication) or missing.
 */
export async function verifyEvidenceFiles(
  store: Store,
  blobs: BlobStore,
  keys: FieldKeys,
): Promise<VerifyReport> {
  const report: VerifyReport = { checked: 0, ok: 0, problems: [] };
  for await (const json of store.exportRecords('file')) {
    const file = JSON.parse(json) as EvidenceFile;
    if (file.deleted) continue;
    report.checked++;
    const state = await blobs.check(file.sha256, keys);
    if (state === 'ok') report.ok++;
    else report.problems.push({ id: file.id, sha256: file.sha256, problem: state });
  }
  return report;
}
