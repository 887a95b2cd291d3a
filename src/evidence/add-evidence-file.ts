import { randomUUID } from 'node:crypto';
import { basename, extname } from 'node:path';
import type { FieldKeys } from '../access/field-cipher.ts';
import type { CustodyEvent, DERIVATIONS, EvidenceFile } from '../domain/evidence-file.ts';
import { freshMeta } from '../domain/record-meta.ts';
import { formatProblem, importRecords } from '../interchange/import-records.ts';
import type { Store } from '../store/store.ts';
import type { BlobStore } from './blob-store.ts';

const MEDIA_TYPES: Record<string, string> = {
  '.pdf': 'application/pdf',
  '.txt': 'text/plain',
  '.md': 'text/markdown',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.tif': 'image/tiff',
  '.tiff': 'image/tiff',
  '.mp3': 'audio/mpeg',
  '.m4a': 'audio/mp4',
  '.wav': 'audio/wav',
  '.mp4': 'video/mp4',
  '.json': 'application/json',
};

/** The id of the file record for some content. */
export function fileIdOf(sha256: string): string {
  return `sha256-${sha256}`;
}

export type AddEvidenceFileInput = {
  /** The unlocked keyring (the file's name and custody notes are protected). */
  keys: FieldKeys;
  /** Path of the file on disk; it is copied, never moved or changed. */
  path: string;
  actor: string;
  mediaType?: string;
  /** The original this file is a working copy of (transcript, redacted copy …). */
  derivedFrom?: string;
  derivation?: (typeof DERIVATIONS)[number];
  note?: string;
  at?: Date;
};

/**
 * Stores an evidence file by its SHA-256 and records who brought it in, when: the file record
 * (once per content) and a custody entry on every arrival, plus a `derived` entry on the original.
 */
export async function addEvidenceFile(
  store: Store,
  blobs: BlobStore,
  input: AddEvidenceFileInput,
): Promise<{ id: string; sha256: string; size: number; newContent: boolean }> {
  const at = input.at ?? new Date();
  if (input.derivedFrom !== undefined && !(await store.getRecord(input.derivedFrom))) {
    throw new Error(`derived-from: no file record ${JSON.stringify(input.derivedFrom)}`);
  }
  const stored = await blobs.put(input.path, input.keys);
  const id = fileIdOf(stored.sha256);
  const records: Array<EvidenceFile | CustodyEvent> = [];
  const existing = await store.getRecord(id);
  if (!existing) {
    records.push({
      type: 'file',
      ...freshMeta(id, input.actor, at, 'restricted'),
      sha256: stored.sha256,
      size: stored.size,
      media_type:
        input.mediaType ?? MEDIA_TYPES[extname(input.path).toLowerCase()] ?? 'application/octet-stream',
      name: basename(input.path),
      derived_from: input.derivedFrom,
      derivation: input.derivedFrom ? (input.derivation ?? 'conversion') : undefined,
    });
  }
  records.push(custody(id, input.actor, at, existing ? 'received' : 'stored', input.note));
  if (input.derivedFrom) {
    records.push(custody(input.derivedFrom, input.actor, at, 'derived', `working copy ${id}`));
  }
  const lines = records.map((value, i) => ({ line: i + 1, value }));
  const report = await importRecords(store, [{ file: 'evidence', lines }], {
    actor: input.actor,
    keys: input.keys,
  });
  if (!report.ok) throw new Error(report.problems.map((p) => formatProblem(p)).join('\n'));
  return { id, sha256: stored.sha256, size: stored.size, newContent: stored.added };
}

function custody(
  file: string,
  actor: string,
  at: Date,
  action: CustodyEvent['action'],
  note?: string,
): CustodyEvent {
  return {
    type: 'custody',
    ...freshMeta(`C-${randomUUID()}`, actor, at, 'restricted'),
    file,
    at: at.toISOString(),
    actor,
    action,
    note,
  };
}
