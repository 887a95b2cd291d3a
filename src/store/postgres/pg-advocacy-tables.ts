import type pg from 'pg';
import type { AskRow, MeetingRow, StoredRecommendation, UptakeDecision } from '../../advocacy/delegation.ts';
import type {
  LinkDecisionRow,
  ResolutionKind,
  ResolutionRun,
  ReviewPairRow,
  StoredResolution,
} from '../../resolution/resolution-rows.ts';
import { ASK_COLUMNS, askValues, placeholders } from '../row-values.ts';
import { askOf, meetingOf, ourRecommendationOf, uptakeDecisionOf } from '../store-rows.ts';
import { inWriteTransaction, type Queryable } from './pg-connection.ts';

/** Adds or replaces our recommendations (by id) in one transaction. */
export async function upsertOurRecommendations(
  pool: pg.Pool,
  rows: readonly StoredRecommendation[],
): Promise<void> {
  await inWriteTransaction(pool, async (client) => {
    for (const r of rows)
      await client.query(
        `INSERT INTO advocacy_recommendations (id, text, themes, added_by, added_at) VALUES ($1, $2, $3, $4, $5)
          ON CONFLICT (id) DO UPDATE SET text = excluded.text, themes = excluded.themes,
          added_by = excluded.added_by, added_at = excluded.added_at`,
        [r.id, r.text, JSON.stringify(r.themes), r.added_by, r.added_at],
      );
  });
}

export async function selectOurRecommendations(db: Queryable): Promise<StoredRecommendation[]> {
  const result = await db.query(
    'SELECT id, text, themes, added_by, added_at FROM advocacy_recommendations ORDER BY id',
  );
  return result.rows.map(ourRecommendationOf);
}

export async function insertMeeting(db: Queryable, m: Omit<MeetingRow, 'seq'>): Promise<number> {
  const result = await db.query(
    `INSERT INTO delegation_meetings (state, date, place, notes, added_by, added_at)
      VALUES ($1, $2, $3, $4, $5, $6) RETURNING seq`,
    [m.state, m.date, m.place ?? null, m.notes ?? null, m.added_by, m.added_at],
  );
  return Number(result.rows[0]?.seq);
}

export async function upsertAsk(db: Queryable, a: AskRow): Promise<void> {
  await db.query(
    `INSERT INTO delegation_asks AS d (${ASK_COLUMNS})
      VALUES ${placeholders(8, true)} ON CONFLICT (state, recommendation) DO UPDATE SET status = excluded.status,
      meeting = coalesce(excluded.meeting, d.meeting), follow_up = excluded.follow_up,
      note = coalesce(excluded.note, d.note), updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
    askValues(a),
  );
}

export async function selectDelegations(
  db: Queryable,
  state: string | undefined,
): Promise<{ meetings: MeetingRow[]; asks: AskRow[] }> {
  const meetings = await db.query(
    `SELECT seq, state, date, place, notes, added_by, added_at FROM delegation_meetings
      WHERE $1::text IS NULL OR state = $1 ORDER BY date, seq`,
    [state ?? null],
  );
  const asks = await db.query(
    `SELECT state, recommendation, status, meeting, follow_up, note, updated_by, updated_at
      FROM delegation_asks WHERE $1::text IS NULL OR state = $1 ORDER BY state, recommendation`,
    [state ?? null],
  );
  return { meetings: meetings.rows.map(meetingOf), asks: asks.rows.map(askOf) };
}

export async function upsertUptakeDecision(db: Queryable, d: UptakeDecision): Promise<void> {
  await db.query(
    `INSERT INTO uptake_decisions (ours, made, decision, decided_by, decided_at) VALUES ($1, $2, $3, $4, $5)
      ON CONFLICT (ours, made) DO UPDATE SET decision = excluded.decision, decided_by = excluded.decided_by,
      decided_at = excluded.decided_at`,
    [d.ours, d.made, d.decision, d.decided_by, d.decided_at],
  );
}

export async function selectUptakeDecisions(db: Queryable): Promise<UptakeDecision[]> {
  const result = await db.query('SELECT ours, made, decision, decided_by, decided_at FROM uptake_decisions');
  return result.rows.map(uptakeDecisionOf);
}

/** Appends a decision (inside the caller's transaction); returns its sequence number. */
export async function insertLinkDecision(db: Queryable, row: Omit<LinkDecisionRow, 'seq'>): Promise<number> {
  const result = await db.query(
    `INSERT INTO link_decisions (kind, a, b, decision, revokes, actor, decided_at, note)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING seq`,
    [row.kind, row.a, row.b, row.decision, row.revokes, row.actor, row.decided_at, row.note],
  );
  return Number(result.rows[0]?.seq);
}

export async function selectLinkDecisions(db: Queryable, kind: ResolutionKind): Promise<LinkDecisionRow[]> {
  return (await db.query('SELECT * FROM link_decisions WHERE kind = $1 ORDER BY seq', [kind]))
    .rows as LinkDecisionRow[];
}

/** Replaces the stored resolution of a kind by a new run, all or nothing. */
export async function replaceResolution(pool: pg.Pool, run: ResolutionRun): Promise<void> {
  await inWriteTransaction(pool, async (client) => {
    await client.query('INSERT INTO resolution_runs (kind, ran_at, actor, summary) VALUES ($1, $2, $3, $4)', [
      run.kind,
      run.ran_at,
      run.actor,
      run.summary,
    ]);
    await client.query('DELETE FROM resolved_records WHERE kind = $1', [run.kind]);
    await client.query('DELETE FROM link_review_pairs WHERE kind = $1', [run.kind]);
    // Whole columns at once: one statement for a hundred thousand rows.
    await client.query(
      `INSERT INTO resolved_records (kind, record_id, cluster)
        SELECT $1, r, c FROM unnest($2::text[], $3::text[]) AS t(r, c)`,
      [run.kind, run.clusters.map((c) => c[0]), run.clusters.map((c) => c[1])],
    );
    const pairs = run.reviewPairs;
    await client.query(
      `INSERT INTO link_review_pairs (kind, a, b, probability, explanation)
        SELECT $1, a, b, p, e FROM unnest($2::text[], $3::text[], $4::float8[], $5::text[]) AS t(a, b, p, e)`,
      [
        run.kind,
        pairs.map((p) => p.a),
        pairs.map((p) => p.b),
        pairs.map((p) => p.probability),
        pairs.map((p) => p.explanation),
      ],
    );
  });
}

/** The latest run of a kind with its clusters, or `undefined` before the first run. */
export async function selectResolution(
  db: Queryable,
  kind: ResolutionKind,
): Promise<StoredResolution | undefined> {
  const run = (
    await db.query(
      'SELECT seq, ran_at, actor, summary FROM resolution_runs WHERE kind = $1 ORDER BY seq DESC LIMIT 1',
      [kind],
    )
  ).rows[0] as { seq: number; ran_at: string; actor: string; summary: string } | undefined;
  if (!run) return undefined;
  const rows = await db.query('SELECT record_id, cluster FROM resolved_records WHERE kind = $1', [kind]);
  return { ...run, clusters: new Map(rows.rows.map((r) => [String(r.record_id), String(r.cluster)])) };
}

/** The pairs of the latest run left to review, most uncertain (closest to one half) first. */
export async function selectReviewPairs(db: Queryable, kind: ResolutionKind): Promise<ReviewPairRow[]> {
  const result = await db.query(
    `SELECT a, b, probability, explanation FROM link_review_pairs WHERE kind = $1
      ORDER BY abs(probability - 0.5), a, b`,
    [kind],
  );
  return result.rows as ReviewPairRow[];
}
