import { z } from 'zod';
import { FuzzyDate } from './fuzzy-date.ts';
import { recordMeta } from './record-meta.ts';
import { Actor, BilingualText, RecordId, Timestamp } from './text.ts';
import { codeOf } from './vocabulary.ts';

/** What the interviewee agreed to, when and as recorded by whom. */
export const Consent = z.strictObject({
  scopes: z.array(codeOf('consent-scopes')),
  recorded_at: Timestamp.optional(),
  recorded_by: Actor.optional(),
  withdrawn_at: Timestamp.optional(),
  note: z.string().optional(),
});
export type Consent = z.infer<typeof Consent>;

export const FILE_ROLES = ['original', 'transcript', 'translation', 'redacted', 'other'] as const;

/**
 * Where information comes from: an interview, a document, imagery, an open source.
 * An interview names its interviewee (a person record), interviewer, language and place.
 */
export const Source = z.strictObject({
  type: z.literal('source'),
  ...recordMeta,
  kind: codeOf('source-types'),
  title: BilingualText.optional(),
  date: FuzzyDate.optional(),
  languages: z.array(z.enum(['ko', 'en', 'zh', 'ja', 'other'])).default([]),
  interviewer: Actor.optional(),
  place: BilingualText.optional(),
  interviewee: RecordId.optional(),
  organisation: RecordId,
  programme: z.string().optional(),
  consent: Consent.optional(),
  files: z.array(z.strictObject({ file: RecordId, role: z.enum(FILE_ROLES) })).default([]),
  related_sources: z.array(RecordId).default([]),
  summary: BilingualText.optional(),
});
export type Source = z.infer<typeof Source>;
