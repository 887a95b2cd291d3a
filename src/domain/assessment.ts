import { z } from 'zod';
import { recordMeta } from './record-meta.ts';
import { Actor, RecordId, Timestamp } from './text.ts';
import { codeOf } from './vocabulary.ts';

/**
 * An assessor's judgement, recorded with who, when and why: the reliability of a source (A–F), or —
 * with `act` — the credibility (1–6) of what that source says about that act. Append-only: a new
 * assessment supersedes an older one of the same source (and act); the history stays.
 */
export const Assessment = z
  .strictObject({
    type: z.literal('assessment'),
    ...recordMeta,
    source: RecordId,
    act: RecordId.optional(),
    reliability: codeOf('source-reliability').optional(),
    credibility: codeOf('information-credibility').optional(),
    assessor: Actor,
    at: Timestamp,
    reason: z.string().min(1, 'give the reason for the assessment').max(4000),
  })
  .refine((a) => (a.act === undefined ? a.reliability !== undefined : a.credibility !== undefined), {
    message: 'a source assessment gives reliability; an assessment of an act (with `act`) gives credibility',
    path: ['reliability'],
  });
export type Assessment = z.infer<typeof Assessment>;
