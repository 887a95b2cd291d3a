import { z } from 'zod';
import { LegalBasis } from '../domain/episode.ts';
import { FuzzyDate } from '../domain/fuzzy-date.ts';
import { PersonName, SEXES } from '../domain/person.ts';
import { Confidentiality } from '../domain/record-meta.ts';
import { BilingualText, RecordId } from '../domain/text.ts';
import { codeOf } from '../domain/vocabulary.ts';

/** A person named in a testimony: one already recorded, or a new one coded from the interview. */
export const NewPerson = z.strictObject({
  names: z.array(PersonName).default([]),
  sex: z.enum(SEXES).optional(),
  birth: FuzzyDate.optional(),
  province: codeOf('provinces').optional(),
  roles: z.array(codeOf('person-roles')).min(1, 'a person has at least one role'),
});
export type NewPerson = z.infer<typeof NewPerson>;

/** Who an act was done to: the interviewee, or a person already recorded (by id). */
export const VictimRef = z.union([z.literal('interviewee'), RecordId]);

/** One act the interviewee tells of: who did what to whom, when and where, and how they know. */
export const ActIntake = z.strictObject({
  act_type: codeOf('act-types'),
  victims: z.array(VictimRef).min(1, 'an act has at least one victim'),
  perpetrators: z
    .array(z.strictObject({ person: RecordId, involvement: codeOf('involvement-degrees') }))
    .default([]),
  facility: RecordId.optional(),
  date: FuzzyDate.optional(),
  legal_basis: z.array(LegalBasis).default([]),
  norms: z.array(codeOf('norms')).default([]),
  connection: codeOf('source-connections'),
  description: BilingualText.optional(),
});
export type ActIntake = z.infer<typeof ActIntake>;

/**
 * A testimony as the intake form codes it: the interview (a source), the interviewee (new or
 * recorded) and the acts told. Everything is written together or not at all.
 */
export const TestimonyIntake = z.strictObject({
  organisation: RecordId,
  confidentiality: Confidentiality.default('restricted'),
  interview: z.strictObject({
    date: FuzzyDate,
    languages: z.array(z.enum(['ko', 'en', 'zh', 'ja', 'other'])).default(['ko']),
    place: BilingualText.optional(),
    title: BilingualText.optional(),
    summary: BilingualText.optional(),
    consent: z.array(codeOf('consent-scopes')).default([]),
  }),
  interviewee: z.union([z.strictObject({ existing: RecordId }), z.strictObject({ new: NewPerson })]),
  acts: z.array(ActIntake).min(1, 'code at least one act'),
  /** Send the records to review at once (otherwise they stay drafts with their coder). */
  submit: z.boolean().default(true),
});
export type TestimonyIntake = z.infer<typeof TestimonyIntake>;
