import { z } from 'zod';
import { FuzzyDate } from './fuzzy-date.ts';
import { recordMeta } from './record-meta.ts';
import { BilingualText, RecordId } from './text.ts';
import { codeOf } from './vocabulary.ts';

/** One way a person is named, marked with its form (Hangul, North Korean spelling, a romanisation, alias). */
export const PersonName = z.strictObject({
  value: z.string().min(1).max(200),
  form: codeOf('name-forms'),
});

/** A post a perpetrator held: agency, unit, rank, facility, from–to. */
export const Position = z.strictObject({
  agency: codeOf('agencies'),
  unit: BilingualText.optional(),
  rank: BilingualText.optional(),
  facility: RecordId.optional(),
  period: FuzzyDate.optional(),
});

export const SEXES = ['female', 'male', 'unknown'] as const;

/**
 * A victim, witness, perpetrator or interviewee. Outputs name people by `code` (e.g. `V-000123`);
 * `names`, `birth` and `contact` are identifying and never leave without permission.
 */
export const Person = z.strictObject({
  type: z.literal('person'),
  ...recordMeta,
  code: z.string().regex(/^[A-Z]{1,3}-\d{3,9}$/, 'expected a pseudonymous code such as V-000123'),
  names: z.array(PersonName).default([]),
  sex: z.enum(SEXES).optional(),
  birth: FuzzyDate.optional(),
  origin: z
    .strictObject({
      province: codeOf('provinces').optional(),
      county: BilingualText.optional(),
    })
    .optional(),
  current_status: codeOf('person-statuses').optional(),
  roles: z.array(codeOf('person-roles')).min(1, 'a person has at least one role'),
  positions: z.array(Position).default([]),
  contact: z.string().max(2000).optional(),
  notes: BilingualText.optional(),
});
export type Person = z.infer<typeof Person>;
