import { z } from 'zod';
import { LegalBasis } from './episode.ts';
import { FuzzyDate } from './fuzzy-date.ts';
import { recordMeta } from './record-meta.ts';
import { BilingualText, RecordId } from './text.ts';
import { codeOf } from './vocabulary.ts';

/** A source's claim that an act happened, with how the source knows it. */
export const ActSource = z.strictObject({
  source: RecordId,
  connection: codeOf('source-connections'),
  /**
   * What this source says where it may differ from the act as coded (its date, the facility, who
   * did it). Compared across sources to flag contradictions for review.
   */
  account: z
    .strictObject({
      date: FuzzyDate.optional(),
      facility: RecordId.optional(),
      perpetrators: z.array(RecordId).optional(),
    })
    .optional(),
});

/**
 * A violation: who did what to whom, when and where (HURIDOCS Events Standard Formats), with the
 * legal basis invoked, the international norms engaged and the sources that assert it.
 */
export const Act = z.strictObject({
  type: z.literal('act'),
  ...recordMeta,
  act_type: codeOf('act-types'),
  victims: z.array(RecordId).min(1, 'an act has at least one victim'),
  perpetrators: z
    .array(z.strictObject({ person: RecordId, involvement: codeOf('involvement-degrees') }))
    .default([]),
  facility: RecordId.optional(),
  episode: RecordId.optional(),
  date: FuzzyDate.optional(),
  legal_basis: z.array(LegalBasis).default([]),
  norms: z.array(codeOf('norms')).default([]),
  sources: z.array(ActSource).min(1, 'an act rests on at least one source'),
  description: BilingualText.optional(),
});
export type Act = z.infer<typeof Act>;
