import { isAllowed } from '../access/authorize.ts';
import type { FieldKeys } from '../access/field-cipher.ts';
import type { Viewer } from '../access/roles.ts';
import type { Store } from '../store/store.ts';
import type { BlobStore } from './blob-store.ts';

/** A file record id from an id (`sha256-…`) or a bare digest, or `undefined` if it is neither. */
export function fileIdFrom(idOrDigest: string): string | undefined {
  const digest = idOrDigest.startsWith('sha256-') ? idOrDigest.slice(7) : idOrDigest;
  return /^[0-9a-f]{64}$/.test(digest) ? `sha256-${digest}` : undefined;
}

/**
 * Decrypts an evidence file to `out` for a viewer allowed to read evidence files at the record's
 * level, and records who took it out (audited before the first byte is written). Returns
 * `undefined` — the same for a file that does not exist and one the viewer may not read.
 */
export async function readEvidenceFile(
  store: Store,
  blobs: BlobStore,
  input: { viewer: Viewer; keys: FieldKeys; id: string; out: string; reason?: string },
): Promise<{ id: string; size: number } | undefined> {
  const record = await store.getRecord(input.id);
  if (record?.type !== 'file' || record.deleted) return undefined;
  if (!isAllowed(input.viewer, 'read-evidence-files', record.confidentiality)) return undefined;
  await store.appendAudit({
    at: new Date().toISOString(),
    actor: input.viewer.user,
    action: 'read-evidence-file',
    target: record.id,
    reason: input.reason,
  });
  const { size } = await blobs.copyOut(record.sha256, input.keys, input.out);
  return { id: record.id, size };
}
