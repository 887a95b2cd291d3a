import { z } from 'zod';
import { Actor, RecordId, Timestamp } from './text.ts';

/** Where a record stands in the review workflow (the verification issue adds the transitions). */
export const REVIEW_STATUSES = [
  'draft',
  'submitted',
  'under-review',
  'verified',
  'needs-information',
  'rejected',
] as const;
export const ReviewStatus = z.enum(REVIEW_STATUSES);
export type ReviewStatus = z.infer<typeof ReviewStatus>;

/** How widely a record may be seen (the protection issue enforces it). */
export const CONFIDENTIALITY_LEVELS = ['public', 'internal', 'restricted', 'strictly-confidential'] as const;
export const Confidentiality = z.enum(CONFIDENTIALITY_LEVELS);
export type Confidentiality = z.infer<typeof Confidentiality>;

/** A tombstone: the record is deleted but its id stays taken and its history stays readable. */
export const Tombstone = z.strictObject({
  at: Timestamp,
  by: Actor,
  reason: z.string().optional(),
});

/** Fields every record carries, whatever its type. */
export const recordMeta = {
  id: RecordId,
  version: z.int().min(1),
  created_at: Timestamp,
  created_by: Actor,
  updated_at: Timestamp,
  updated_by: Actor,
  status: ReviewStatus,
  confidentiality: Confidentiality,
  deleted: Tombstone.optional(),
};

/** The names of the common fields, in the order records are written. */
export const META_FIELDS = Object.keys(recordMeta);

/** The common fields of a live record. */
export type RecordMeta = {
  id: string;
  version: number;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
  status: ReviewStatus;
  confidentiality: Confidentiality;
};

/** Common fields for a record created now by `actor` (version 1, a draft, internal unless told). */
export function freshMeta(
  id: string,
  actor: string,
  at: Date,
  confidentiality: Confidentiality = 'internal',
): RecordMeta {
  const when = at.toISOString();
  return {
    id,
    version: 1,
    created_at: when,
    created_by: actor,
    updated_at: when,
    updated_by: actor,
    status: 'draft',
    confidentiality,
  };
}
