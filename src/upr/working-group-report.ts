// What `daylight upr extract` reads out of a Working Group report: the interchange shape.
import { z } from 'zod';
import { ReviewFacts } from './review-documents.ts';

/** How the state under review answered: in the report's own sections, or in the addendum. */
export const RESPONSES = ['supported', 'noted'] as const;
export const Response = z.enum(RESPONSES);
export type Response = z.infer<typeof Response>;

/** One numbered recommendation item; one item may hold several recommendations of several states. */
export const ExtractedRecommendation = z.object({
  /** PARENT.ITEM as the report numbers it: "124.56", or "114.2" for item "2." under paragraph 114. */
  paragraph: z.string().regex(/^\d+\.\d+$/),
  text: z.string(),
  /** UPR Info's spellings, in order of first appearance. */
  recommending_states: z.array(z.string()),
  /** null: "will be examined", and no addendum answered it. */
  response: Response.nullable(),
});
export type ExtractedRecommendation = z.infer<typeof ExtractedRecommendation>;

/** A paragraph in which the state under review speaks: its presentation and its replies. */
export const StateClaim = z.object({ paragraph: z.string(), text: z.string() });
export type StateClaim = z.infer<typeof StateClaim>;

/** A Working Group report as extracted. */
export const ExtractedReport = z.object({
  document: z.string().nullable(),
  state_under_review: z.string().nullable(),
  session: z.number().int().nullable(),
  /** The review's date and documents, from the report's introduction. */
  review: ReviewFacts.optional(),
  recommendations: z.array(ExtractedRecommendation),
  state_claims: z.array(StateClaim),
});
export type ExtractedReport = z.infer<typeof ExtractedReport>;
