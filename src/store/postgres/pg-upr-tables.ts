import type pg from 'pg';
import type {
  UprFilter,
  UprRecommendation,
  UprReview,
  UprReviewEntry,
  UprStateClaim,
} from '../../upr/upr-recommendation.ts';
import {
  numbered,
  placeholders,
  UPR_RECOMMENDATION_COLUMNS,
  uprFilterConditions,
  uprRecommendationValues,
} from '../row-values.ts';
import type { UprClaimIssues } from '../store.ts';
import {
  claimIssuesOf,
  mergedReviewDocuments,
  uprRecommendationOf,
  uprReviewEntryOf,
} from '../store-rows.ts';
import { inWriteTransaction, named, type Queryable } from './pg-connection.ts';
import { allWordsQuery, tsvectorLiteral, wordTokens } from './pg-search.ts';

/** Adds recommendations in one transaction; a row whose id is stored already is left as it is. */
export async function insertUprRecommendations(
  pool: pg.Pool,
  rows: readonly UprRecommendation[],
): Promise<{ inserted: number; unchanged: number }> {
  let inserted = 0;
  await inWriteTransaction(pool, async (client) => {
    for (const r of rows) {
      const result = await client.query(
        `INSERT INTO upr_recommendations (${UPR_RECOMMENDATION_COLUMNS}, search)
          VALUES ${placeholders(13, true).replace('$13', '$13::tsvector')} ON CONFLICT (id) DO NOTHING`,
        [...uprRecommendationValues(r), uprSearchVector(r.text)],
      );
      inserted += result.rowCount ?? 0;
    }
  });
  return { inserted, unchanged: rows.length - inserted };
}

/** The search vector of a recommendation's text (words as SQLite's upr_search tokenises them). */
export function uprSearchVector(text: string): string {
  return tsvectorLiteral(wordTokens(text));
}

/** Recommendations matching every filter, ordered by review (session) and paragraph, with the total. */
export async function selectUprRecommendations(
  db: Queryable,
  filter: UprFilter,
): Promise<{ total: number; rows: UprRecommendation[] }> {
  const { where, params } = uprFilterConditions(filter, 'r.issues::jsonb @> jsonb_build_array(?::text)');
  const words = allWordsQuery(filter.text);
  if (words) {
    where.push('r.search @@ ?::tsquery');
    params.push(words);
  }
  const clause = where.length > 0 ? `WHERE ${numbered(where.join(' AND '))}` : '';
  const total = (await db.query(named(`SELECT count(*) AS n FROM upr_recommendations r ${clause}`, params)))
    .rows[0]?.n as number;
  // Named: the text is one of the few the filters make (each filter present or not).
  const rows = await db.query(
    named(
      `SELECT * FROM upr_recommendations r ${clause}
        ORDER BY r.state_under_review, r.session, r.paragraph NULLS FIRST, r.seq
        LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, filter.limit, filter.offset],
    ),
  );
  return { total: Number(total ?? 0), rows: rows.rows.map(uprRecommendationOf) };
}

/** Adds state claims; a paragraph of a document stored already is left as it is. */
export async function insertUprStateClaims(pool: pg.Pool, claims: readonly UprStateClaim[]): Promise<number> {
  let inserted = 0;
  await inWriteTransaction(pool, async (client) => {
    for (const c of claims) {
      const result = await client.query(
        `INSERT INTO upr_state_claims (document, state_under_review, session, paragraph, text)
          VALUES ($1, $2, $3, $4, $5) ON CONFLICT (document, paragraph) DO NOTHING`,
        [c.document, c.state_under_review, c.session, c.paragraph, c.text],
      );
      inserted += result.rowCount ?? 0;
    }
  });
  return inserted;
}

/** State claims of a state (and session), in report order (paragraph numbers as numbers, as SQLite casts them). */
export async function selectUprStateClaims(
  db: Queryable,
  query: { state_under_review?: string; session?: number },
): Promise<UprStateClaim[]> {
  const result = await db.query(
    `SELECT document, state_under_review, session, paragraph, text FROM upr_state_claims
      WHERE ($1::text IS NULL OR state_under_review = $1) AND ($2::integer IS NULL OR session = $2)
      ORDER BY session, document, coalesce(substring(paragraph from '^\\s*([0-9]+)')::numeric, 0), paragraph`,
    [query.state_under_review ?? null, query.session ?? null],
  );
  return result.rows as UprStateClaim[];
}

/** Sets the themes of state claims in one transaction. */
export async function upsertClaimIssues(pool: pg.Pool, entries: readonly UprClaimIssues[]): Promise<void> {
  await inWriteTransaction(pool, async (client) => {
    for (const e of entries)
      await client.query(
        `INSERT INTO upr_claim_issues (document, paragraph, issues, set_by, set_at) VALUES ($1, $2, $3, $4, $5)
          ON CONFLICT (document, paragraph) DO UPDATE SET issues = excluded.issues, set_by = excluded.set_by,
          set_at = excluded.set_at`,
        [e.document, e.paragraph, JSON.stringify(e.issues), e.set_by, e.set_at],
      );
  });
}

/** The themes analysts gave state claims. */
export async function selectClaimIssues(db: Queryable): Promise<UprClaimIssues[]> {
  const result = await db.query('SELECT document, paragraph, issues, set_by, set_at FROM upr_claim_issues');
  return result.rows.map(claimIssuesOf);
}

/** Adds a review or completes a stored one: new documents are added, a known date is kept. */
export async function upsertUprReview(pool: pg.Pool, review: UprReview): Promise<void> {
  await inWriteTransaction(pool, async (client) => {
    const stored = (
      await client.query(
        'SELECT date, documents FROM upr_reviews WHERE state_under_review = $1 AND session = $2',
        [review.state_under_review, review.session],
      )
    ).rows[0] as { date: string | null; documents: string } | undefined;
    const documents = JSON.stringify(mergedReviewDocuments(stored?.documents, review));
    // Nothing new: no write (so that `daylight start` on a read-only replica can load the shipped reviews).
    if (stored && stored.documents === documents && (stored.date ?? review.date) === stored.date) return;
    await client.query(
      `INSERT INTO upr_reviews (state_under_review, session, cycle, date, documents) VALUES ($1, $2, $3, $4, $5)
        ON CONFLICT (state_under_review, session) DO UPDATE SET date = excluded.date, documents = excluded.documents`,
      [review.state_under_review, review.session, review.cycle, stored?.date ?? review.date, documents],
    );
  });
}

/** Every review of a state (or all): stored ones and those known from recommendations, with their answers. */
export async function selectUprReviews(
  db: Queryable,
  query: { state_under_review?: string },
): Promise<UprReviewEntry[]> {
  const result = await db.query(
    `WITH counted AS (
        SELECT state_under_review, session, min(cycle) AS cycle, count(*) AS recommendations,
          count(*) FILTER (WHERE response = 'supported') AS supported,
          count(*) FILTER (WHERE response = 'noted') AS noted,
          count(*) FILTER (WHERE response IS NULL) AS pending
        FROM upr_recommendations WHERE $1::text IS NULL OR state_under_review = $1
        GROUP BY state_under_review, session),
      keys AS (
        SELECT DISTINCT ON (state_under_review, session) state_under_review, session, cycle FROM (
          SELECT state_under_review, session, cycle, 0 AS pick FROM counted
          UNION SELECT state_under_review, session, cycle, 1 FROM upr_reviews
            WHERE $1::text IS NULL OR state_under_review = $1) k
        ORDER BY state_under_review, session, pick)
      SELECT k.state_under_review, k.session, k.cycle, v.date, coalesce(v.documents, '[]') AS documents,
        coalesce(c.recommendations, 0) AS recommendations, coalesce(c.supported, 0) AS supported,
        coalesce(c.noted, 0) AS noted, coalesce(c.pending, 0) AS pending
      FROM keys k
      LEFT JOIN upr_reviews v ON v.state_under_review = k.state_under_review AND v.session = k.session
      LEFT JOIN counted c ON c.state_under_review = k.state_under_review AND c.session = k.session
      ORDER BY k.state_under_review, k.session`,
    [query.state_under_review ?? null],
  );
  return result.rows.map(uprReviewEntryOf);
}
