import type { Store } from '../store/store.ts';
import type { UprRecommendation } from './upr-recommendation.ts';

/** Every recommendation made to a state (in one session, or in every review the knowledge base holds). */
export async function allRecommendationsTo(
  store: Store,
  state: string,
  session?: number,
): Promise<UprRecommendation[]> {
  const rows: UprRecommendation[] = [];
  for (let offset = 0; ; offset += 1000) {
    const page = await store.searchUprRecommendations({
      state_under_review: state,
      session,
      limit: 1000,
      offset,
    });
    rows.push(...page.rows);
    if (rows.length >= page.total || page.rows.length === 0) return rows;
  }
}
