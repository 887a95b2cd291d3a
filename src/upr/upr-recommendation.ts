import { z } from 'zod';
import type { ReviewDocument } from './review-documents.ts';

/** The UN regional groups, as UPR Info names them, and `Observer` for observer states (e.g. Palestine). */
export const REGIONAL_GROUPS = ['Africa', 'Asia', 'EEG', 'GRULAC', 'WEOG', 'Observer'] as const;

/** A state's response to a recommendation: it supports it or notes it; `null` while pending. */
export const UPR_RESPONSES = ['supported', 'noted'] as const;

/**
 * One UPR recommendation made by one state to the state under review, in one review. Public
 * reference data: the UN's own documents, classified as UPR Info does (action category 1–5, issues).
 */
export const UprRecommendation = z.strictObject({
  id: z.string().min(1),
  state_under_review: z.string().min(1),
  cycle: z.int().min(1).max(10),
  session: z.int().min(1).max(200),
  /** As the Working Group report numbers it (`124.56`), when known. */
  paragraph: z
    .string()
    .regex(/^\d+\.\d+$/, 'expected PARENT.ITEM, e.g. 124.56')
    .optional(),
  text: z.string().min(1),
  recommending_state: z.string().min(1),
  recommending_group: z.enum(REGIONAL_GROUPS).optional(),
  response: z.enum(UPR_RESPONSES).nullable(),
  /** UPR Info's action category: 1 (minimal action) … 5 (specific action). */
  action: z.int().min(1).max(5).nullable(),
  issues: z.array(z.string().min(1)),
  /** Where it comes from: `UPR Info` or a document symbol such as `A/HRC/27/10`. */
  source: z.string().min(1),
});
export type UprRecommendation = z.infer<typeof UprRecommendation>;

/**
 * The UPR cycle of a Working Group session: 1–12 the first cycle (2008–2011), 13–26 the second
 * (2012–2016), 27–40 the third (2017–2022), 41–54 the fourth.
 */
export function cycleOfSession(session: number): number {
  return session <= 12 ? 1 : session <= 26 ? 2 : session <= 40 ? 3 : 4 + Math.floor((session - 41) / 14);
}

/** What to look for among recommendations; every given filter must hold. */
export const UprFilter = z.strictObject({
  state_under_review: z.string().optional(),
  cycle: z.coerce.number().int().optional(),
  session: z.coerce.number().int().optional(),
  issue: z.string().optional(),
  response: z.enum([...UPR_RESPONSES, 'pending']).optional(),
  action: z.coerce.number().int().min(1).max(5).optional(),
  recommending_state: z.string().optional(),
  recommending_group: z.enum(REGIONAL_GROUPS).optional(),
  /** Words in the text (all of them; word prefixes match). */
  text: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type UprFilter = z.infer<typeof UprFilter>;

/** A paragraph of a Working Group report in which the state under review speaks. */
export type UprStateClaim = {
  document: string;
  state_under_review: string;
  session: number;
  paragraph: string;
  text: string;
};

/** A review as stored: when it was held and the documents issued for it (symbols). */
export type UprReview = {
  state_under_review: string;
  session: number;
  cycle: number;
  date: string | null;
  documents: ReviewDocument[];
};

/** A review as listed: its facts and how its recommendations were answered. */
export type UprReviewEntry = UprReview & {
  recommendations: number;
  supported: number;
  noted: number;
  pending: number;
};
