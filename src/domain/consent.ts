import { z } from 'zod';
import { recordMeta } from './record-meta.ts';
import { Actor, RecordId, Timestamp } from './text.ts';
import { codeOf } from './vocabulary.ts';

/**
 * A change to what an interviewee has agreed to, after the interview recorded its consent: scopes
 * withdrawn (or granted again), for one interview or, without `source`, for all of the
 * interviewee's interviews. Append-only like custody entries; the latest change wins. Every
 * export, report and public view reads the consent in force when it runs (src/consent/).
 */
export const ConsentChange = z.strictObject({
  type: z.literal('consent'),
  ...recordMeta,
  interviewee: RecordId,
  source: RecordId.optional(),
  change: z.enum(['withdraw', 'grant']),
  scopes: z.array(codeOf('consent-scopes')).min(1, 'name at least one consent scope'),
  at: Timestamp,
  recorded_by: Actor,
  note: z.string().max(2000).optional(),
});
export type ConsentChange = z.infer<typeof ConsentChange>;
