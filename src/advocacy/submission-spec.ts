import { z } from 'zod';
import { codeOf } from '../domain/vocabulary.ts';
import { FigureBasis, FigureSpec } from './figure-spec.ts';

/** Word limits of OHCHR for stakeholders' submissions: one organisation, and a joint submission. */
export const WORD_LIMITS = { single: 2815, joint: 5630 } as const;

const Text = z.string().trim().min(1);
const SourceCode = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'expected a source code such as S-0000123');

/** A paragraph: text with optional tags (figures, source footnotes, notes; see `parseParagraphText`). */
export const SpecParagraph = z.union([Text, z.strictObject({ text: Text })]);

/**
 * A quotation from a testimony, by the source's code. Used only when the interviewee's consent in
 * force allows quotation; always anonymised (attributed to the source code, never to a person).
 */
export const SpecQuotation = z.strictObject({
  quotation: z.strictObject({
    source: SourceCode,
    text: Text,
    /** Words introducing it, e.g. "A former detainee described the interrogation:". */
    lead: z.string().trim().optional(),
  }),
});

/** A thematic section of findings. */
export const SpecSection = z.strictObject({
  heading: Text,
  paragraphs: z.array(z.union([SpecParagraph, SpecQuotation])).min(1),
});

/**
 * A recommendation of an earlier review, followed up: cited by its paragraph in the Working Group
 * report (`124.56`), or, for recommendations the knowledge base holds without one (UPR Info's data),
 * by its id there (`daylight upr search --json`).
 */
export const SpecFollowUp = z
  .strictObject({
    paragraph: z
      .string()
      .regex(/^\d+\.\d+$/, 'expected PARENT.ITEM, e.g. 124.56')
      .optional(),
    recommendation_id: z.string().min(1).optional(),
    /** The Working Group session of the review (when the paragraph alone is ambiguous). */
    session: z.int().min(1).max(200).optional(),
    /** What the organisation says of it (tags allowed). */
    comment: Text.optional(),
    /**
     * The act types it concerns, when the knowledge base has no issues for it (reports extracted with
     * `upr extract` are not classified): the evidence since the review is counted on these.
     */
    act_types: z.array(codeOf('act-types')).min(1).optional(),
  })
  .refine((f) => (f.paragraph === undefined) !== (f.recommendation_id === undefined), {
    message: 'give either paragraph (e.g. 124.56) or recommendation_id',
  });

/** A stakeholder submission to the UPR, as an organisation writes it (JSON). */
export const SubmissionSpec = z.strictObject({
  /** Every submitting organisation; more than one makes a joint submission. */
  organisations: z.array(Text).min(1),
  title: Text,
  /** As the UPR knowledge base names it (UPR Info's spelling), e.g. "DPR Korea". */
  state_under_review: Text.default('DPR Korea'),
  /** The session the submission is for, e.g. "47th session of the UPR Working Group (2024)". */
  session_label: Text.optional(),
  /** The organisation(s) and how the evidence was gathered and verified. */
  methodology: z.array(SpecParagraph).min(1),
  sections: z.array(SpecSection).default([]),
  follow_up: z.array(SpecFollowUp).default([]),
  recommendations: z.array(Text).default([]),
  /** Figures by name, used in text as `{{figure: NAME}}`. */
  figures: z.record(z.string().regex(/^[A-Za-z][A-Za-z0-9_-]*$/), FigureSpec).default({}),
  /** The basis of figures that do not name one (and of follow-up figures). */
  basis: FigureBasis.default('verified'),
  /** Disclosure control of every figure: counts in 1..threshold-1 are not shown. Never below 5. */
  threshold: z.int().min(5).max(100).default(5),
  /** Default: 2,815 words for one organisation, 5,630 for a joint submission. */
  word_limit: z.int().min(1).optional(),
  /** List, after the submission, each figure with the `daylight explain` arguments behind it (not counted). */
  figures_annex: z.boolean().default(true),
});
export type SubmissionSpec = z.infer<typeof SubmissionSpec>;
export type SpecParagraph = z.infer<typeof SpecParagraph>;
export type SpecQuotation = z.infer<typeof SpecQuotation>;

/** The word limit that applies: the spec's own, else OHCHR's for one organisation or a joint submission. */
export function wordLimitOf(spec: Pick<SubmissionSpec, 'organisations' | 'word_limit'>): number {
  return spec.word_limit ?? (spec.organisations.length > 1 ? WORD_LIMITS.joint : WORD_LIMITS.single);
}
