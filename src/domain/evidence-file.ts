import { z } from 'zod';
import { recordMeta } from './record-meta.ts';
import { Actor, RecordId, Timestamp } from './text.ts';

/** A SHA-256 digest, lower-case hex. */
export const Sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'expected a SHA-256 digest in lower-case hex');

export const DERIVATIONS = ['transcript', 'translation', 'redacted', 'excerpt', 'conversion'] as const;

/**
 * An evidence file, stored by its SHA-256 and never altered. A working copy (transcript,
 * redacted copy …) names the file it was derived from and how.
 */
export const EvidenceFile = z.strictObject({
  type: z.literal('file'),
  ...recordMeta,
  sha256: Sha256,
  size: z.int().min(0),
  media_type: z.string().min(1),
  name: z.string().min(1).max(500).optional(),
  derived_from: RecordId.optional(),
  derivation: z.enum(DERIVATIONS).optional(),
});
export type EvidenceFile = z.infer<typeof EvidenceFile>;

export const CUSTODY_ACTIONS = [
  'received',
  'stored',
  'accessed',
  'copied',
  'derived',
  'transferred',
  'verified',
] as const;

/** One entry of a file's chain of custody: who did what with it, and when. Never edited. */
export const CustodyEvent = z.strictObject({
  type: z.literal('custody'),
  ...recordMeta,
  file: RecordId,
  at: Timestamp,
  actor: Actor,
  action: z.enum(CUSTODY_ACTIONS),
  note: z.string().max(2000).optional(),
});
export type CustodyEvent = z.infer<typeof CustodyEvent>;
