import { z } from 'zod';
import { FuzzyDate } from './fuzzy-date.ts';
import { recordMeta } from './record-meta.ts';
import { BilingualText, RecordId } from './text.ts';
import { codeOf } from './vocabulary.ts';

/** A law, and optionally the article, invoked against a person. */
export const LegalBasis = z.strictObject({
  law: codeOf('laws'),
  article: z.string().max(20).optional(),
});
export type LegalBasis = z.infer<typeof LegalBasis>;

export const STEP_KINDS = [
  'arrest',
  'interrogation',
  'trial',
  'sentence',
  'detention',
  'transfer',
  'release',
  'escape',
  'death',
  'forced-repatriation',
  'disappearance',
] as const;

export const TRIAL_KINDS = ['none', 'administrative', 'court', 'public-trial', 'unknown'] as const;

/** One dated step in a detention: arrest, trial, a stay in a facility, release, escape, death. */
export const EpisodeStep = z.strictObject({
  kind: z.enum(STEP_KINDS),
  date: FuzzyDate.optional(),
  facility: RecordId.optional(),
  agency: codeOf('agencies').optional(),
  legal_basis: z.array(LegalBasis).default([]),
  trial: z.enum(TRIAL_KINDS).optional(),
  sentence: z
    .strictObject({
      facility_type: codeOf('facility-types').optional(),
      months: z.int().min(0).optional(),
      life: z.boolean().optional(),
      death: z.boolean().optional(),
    })
    .optional(),
  note: BilingualText.optional(),
});
export type EpisodeStep = z.infer<typeof EpisodeStep>;

/** One person's path through the detention system, step by step, with the sources that tell it. */
export const Episode = z.strictObject({
  type: z.literal('episode'),
  ...recordMeta,
  person: RecordId,
  steps: z.array(EpisodeStep).min(1, 'an episode has at least one step'),
  sources: z.array(RecordId).min(1, 'an episode rests on at least one source'),
});
export type Episode = z.infer<typeof Episode>;
