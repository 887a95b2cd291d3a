import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** The audit chain's head as mirrored outside the database. */
export type AuditHead = { seq: number; hash: string };

/** The head recorded in an anchor file, if there is one. */
export function readAnchor(file: string): AuditHead | undefined {
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as AuditHead) : undefined;
}

/**
 * Records the head in the anchor file atomically (a temporary file renamed over it), so that a
 * process killed while writing leaves the old head or the new one, never half a file.
 */
export function writeAnchor(file: string, head: AuditHead): void {
  mkdirSync(dirname(file), { recursive: true });
  const partial = `${file}.${process.pid}.partial`;
  writeFileSync(partial, `${JSON.stringify({ seq: head.seq, hash: head.hash })}\n`);
  renameSync(partial, file);
}
