import type { DatabaseSync } from 'node:sqlite';
import type {
  UprFilter,
  UprRecommendation,
  UprReview,
  UprReviewEntry,
  UprStateClaim,
} from '../../upr/upr-recommendation.ts';
import {
  placeholders,
  UPR_RECOMMENDATION_COLUMNS,
  uprFilterConditions,
  uprRecommendationValues,
} from '../row-values.ts';
import { mergedReviewDocuments, uprRecommendationOf, uprReviewEntryOf } from '../store-rows.ts';

/** Adds recommendations in one transaction; a row whose id is stored already is left as it is. */
export function insertUprRecommendations(
  db: DatabaseSync,
  rows: readonly UprRecommendation[],
): { inserted: number; unchanged: number } {
  const insert = db.prepare(`INSERT INTO upr_recommendations (${UPR_RECOMMENDATION_COLUMNS})
    VALUES ${placeholders(12, false)} ON CONFLICT (id) DO NOTHING`);
  const index = db.prepare('INSERT INTO upr_search (rowid, text) VALUES (?, ?)');
  let inserted = 0;
  db.exec('BEGIN IMMEDIATE');
  try {
    for (const r of rows) {
      const result = insert.run(...uprRecommendationValues(r));
      if (result.changes === 0) continue;
      index.run(Number(result.lastInsertRowid), r.text);
      inserted++;
    }
    db.exec('COMMIT');
  } catch (error) {
    if (db.isTransaction) db.exec('ROLLBACK');
    throw error;
  }
  return { inserted, unchanged: rows.length - inserted };
}

/** Recommendations matching every filter, ordered by review (session) and paragraph, with the total. */
export function selectUprRecommendations(
  db: DatabaseSync,
  filter: UprFilter,
): { total: number; rows: UprRecommendation[] } {
  const { where, params } = uprFilterConditions(
    filter,
    'EXISTS (SELECT 1 FROM json_each(r.issues) WHERE value = ?)',
  );
  const match = ftsWords(filter.text);
  if (match) {
    where.push('r.seq IN (SELECT rowid FROM upr_search WHERE upr_search MATCH ?)');
    params.push(match);
  }
  const clause = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
  const total = Number(
    db.prepare(`SELECT count(*) AS n FROM upr_recommendations r ${clause}`).get(...params)?.n ?? 0,
  );
  const rows = db
    .prepare(`SELECT * FROM upr_recommendations r ${clause}
      ORDER BY r.state_under_review, r.session, r.paragraph, r.seq LIMIT ? OFFSET ?`)
    .all(...params, filter.limit, filter.offset)
    .map(uprRecommendationOf);
  return { total, rows };
}

/** Every word of the text as a quoted prefix term: `"detention"* "torture"*`. */
function ftsWords(text: string | undefined): string | undefined {
  const words = (text ?? '').match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.length > 0 ? words.map((w) => `"${w}"*`).join(' ') : undefined;
}

/** Adds state claims; a paragraph of a document stored already is left as it is. */
export function insertUprStateClaims(db: DatabaseSync, claims: readonly UprStateClaim[]): number {
  const insert =
    db.prepare(`INSERT INTO upr_state_claims (document, state_under_review, session, paragraph, text)
    VALUES (?, ?, ?, ?, ?) ON CONFLICT (document, paragraph) DO NOTHING`);
  let inserted = 0;
  db.exec('BEGIN IMMEDIATE');
  try {
    for (const c of claims)
      inserted += Number(
        insert.run(c.document, c.state_under_review, c.session, c.paragraph, c.text).changes,
      );
    db.exec('COMMIT');
  } catch (error) {
    if (db.isTransaction) db.exec('ROLLBACK');
    throw error;
  }
  return inserted;
}

/** State claims of a state (and session), in report order. */
export function selectUprStateClaims(
  db: DatabaseSync,
  query: { state_under_review?: string; session?: number },
): UprStateClaim[] {
  return db
    .prepare(`SELECT document, state_under_review, session, paragraph, text FROM upr_state_claims
      WHERE (?1 IS NULL OR state_under_review = ?1) AND (?2 IS NULL OR session = ?2)
      ORDER BY session, document, CAST(paragraph AS INTEGER), paragraph`)
    .all(query.state_under_review ?? null, query.session ?? null) as unknown as UprStateClaim[];
}

/** Adds a review or completes a stored one: new documents are added, a known date is kept. */
export function upsertUprReview(db: DatabaseSync, review: UprReview): void {
  const stored = db
    .prepare('SELECT date, documents FROM upr_reviews WHERE state_under_review = ? AND session = ?')
    .get(review.state_under_review, review.session) as { date: string | null; documents: string } | undefined;
  const documents = mergedReviewDocuments(stored?.documents, review);
  db.prepare(`INSERT INTO upr_reviews (state_under_review, session, cycle, date, documents) VALUES (?, ?, ?, ?, ?)
    ON CONFLICT (state_under_review, session) DO UPDATE SET date = excluded.date, documents = excluded.documents`).run(
    review.state_under_review,
    review.session,
    review.cycle,
    stored?.date ?? review.date,
    JSON.stringify(documents),
  );
}

/**
 * Every review of a state (or of all states): those stored with their documents and those known
 * only from recommendations, each with how its recommendations were answered, oldest first.
 */
export function selectUprReviews(db: DatabaseSync, query: { state_under_review?: string }): UprReviewEntry[] {
  const rows = db
    .prepare(`WITH counted AS (
        SELECT state_under_review, session, min(cycle) AS cycle, count(*) AS recommendations,
          sum(response = 'supported') AS supported, sum(response = 'noted') AS noted,
          sum(response IS NULL) AS pending
        FROM upr_recommendations WHERE ?1 IS NULL OR state_under_review = ?1
        GROUP BY state_under_review, session),
      keys AS (
        SELECT state_under_review, session, cycle FROM counted
        UNION SELECT state_under_review, session, cycle FROM upr_reviews WHERE ?1 IS NULL OR state_under_review = ?1)
      SELECT k.state_under_review, k.session, k.cycle, v.date, coalesce(v.documents, '[]') AS documents,
        coalesce(c.recommendations, 0) AS recommendations, coalesce(c.supported, 0) AS supported,
        coalesce(c.noted, 0) AS noted, coalesce(c.pending, 0) AS pending
      FROM keys k
      LEFT JOIN upr_reviews v ON v.state_under_review = k.state_under_review AND v.session = k.session
      LEFT JOIN counted c ON c.state_under_review = k.state_under_review AND c.session = k.session
      GROUP BY k.state_under_review, k.session
      ORDER BY k.state_under_review, k.session`)
    .all(query.state_under_review ?? null);
  return rows.map(uprReviewEntryOf);
}
