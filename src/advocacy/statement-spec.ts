import { z } from 'zod';
import { FigureBasis, FigureSpec } from './figure-spec.ts';
import { SpecFollowUp } from './submission-spec.ts';

const Text = z.string().trim().min(1);

/** A statement at the UPR pre-session (Geneva): who speaks, follow-up, 3–5 recommendations. */
export const StatementSpec = z.strictObject({
  organisation: Text,
  /** One line on the organisation, e.g. "Dawn Documentation Centre has interviewed 900 survivors since 2003." */
  about: Text,
  title: Text.optional(),
  state_under_review: Text.default('DPR Korea'),
  /** Text (tags allowed) or a previous recommendation cited by paragraph number. */
  follow_up: z.array(z.union([Text, SpecFollowUp])).default([]),
  /** Recommendations the organisation asks states to make: 3 to 5, as the pre-session format asks. */
  recommendations: z
    .array(Text)
    .min(3, 'a pre-session statement makes 3 to 5 recommendations')
    .max(5, 'a pre-session statement makes 3 to 5 recommendations'),
  /** Spoken after the recommendations (tags allowed). */
  closing: Text.optional(),
  figures: z.record(z.string().regex(/^[A-Za-z][A-Za-z0-9_-]*$/), FigureSpec).default({}),
  basis: FigureBasis.default('verified'),
  threshold: z.int().min(5).max(100).default(5),
  /** Speaking pace; 130 words per minute by default. */
  words_per_minute: z.number().min(60).max(250).default(130),
  /** The speaking slot, in minutes. */
  slot: z
    .strictObject({ min: z.number().positive(), max: z.number().positive() })
    .refine((s) => s.min <= s.max, 'min must not exceed max')
    .default({ min: 5, max: 7 }),
});
export type StatementSpec = z.infer<typeof StatementSpec>;
