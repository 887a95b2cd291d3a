import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { Store } from '../store/store.ts';
import { ReviewDocument } from './review-documents.ts';
import type { UprReview } from './upr-recommendation.ts';

/** The DPRK's reviews with their documents, shipped with Daylight (see data/upr/README.md). */
export const SHIPPED_REVIEWS_FILE = new URL('../../data/upr/dprk-reviews.json', import.meta.url);

const ReviewsFile = z.object({
  source: z.string(),
  reviews: z.array(
    z.object({
      state_under_review: z.string(),
      session: z.int(),
      cycle: z.int(),
      date: z.string().nullable(),
      documents: z.array(ReviewDocument),
    }),
  ),
});

/** Reads the shipped reviews. */
export function shippedReviews(): UprReview[] {
  return ReviewsFile.parse(JSON.parse(readFileSync(SHIPPED_REVIEWS_FILE, 'utf8'))).reviews;
}

/** Adds (or completes) the shipped reviews in the knowledge base; idempotent. */
export async function loadShippedReviews(store: Store): Promise<number> {
  const reviews = shippedReviews();
  for (const review of reviews) await store.addUprReview(review);
  return reviews.length;
}
