import type { DatabaseSync } from 'node:sqlite';
import type {
  LinkDecisionRow,
  ResolutionKind,
  ResolutionRun,
  ReviewPairRow,
  StoredResolution,
} from '../../resolution/resolution-rows.ts';

/** Appends a decision (inside the caller's transaction); returns its sequence number. */
export function insertLinkDecision(db: DatabaseSync, row: Omit<LinkDecisionRow, 'seq'>): number {
  const result = db
    .prepare(`INSERT INTO link_decisions (kind, a, b, decision, revokes, actor, decided_at, note)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?)`)
    .run(row.kind, row.a, row.b, row.decision, row.revokes, row.actor, row.decided_at, row.note);
  return Number(result.lastInsertRowid);
}

/** Every decision of one kind, oldest first. */
export function selectLinkDecisions(db: DatabaseSync, kind: ResolutionKind): LinkDecisionRow[] {
  return db
    .prepare('SELECT * FROM link_decisions WHERE kind = ? ORDER BY seq')
    .all(kind) as unknown as LinkDecisionRow[];
}

/** Replaces the stored resolution of a kind by a new run, all or nothing. */
export function replaceResolution(db: DatabaseSync, run: ResolutionRun): void {
  db.exec('BEGIN IMMEDIATE');
  try {
    db.prepare('INSERT INTO resolution_runs (kind, ran_at, actor, summary) VALUES (?, ?, ?, ?)').run(
      run.kind,
      run.ran_at,
      run.actor,
      run.summary,
    );
    db.prepare('DELETE FROM resolved_records WHERE kind = ?').run(run.kind);
    db.prepare('DELETE FROM link_review_pairs WHERE kind = ?').run(run.kind);
    const cluster = db.prepare('INSERT INTO resolved_records (kind, record_id, cluster) VALUES (?, ?, ?)');
    for (const [id, c] of run.clusters) cluster.run(run.kind, id, c);
    const pair = db.prepare(
      'INSERT INTO link_review_pairs (kind, a, b, probability, explanation) VALUES (?, ?, ?, ?, ?)',
    );
    for (const p of run.reviewPairs) pair.run(run.kind, p.a, p.b, p.probability, p.explanation);
    db.exec('COMMIT');
  } catch (error) {
    if (db.isTransaction) db.exec('ROLLBACK');
    throw error;
  }
}

/** The latest run of a kind with its clusters, or `undefined` before the first run. */
export function selectResolution(db: DatabaseSync, kind: ResolutionKind): StoredResolution | undefined {
  const run = db
    .prepare(
      'SELECT seq, ran_at, actor, summary FROM resolution_runs WHERE kind = ? ORDER BY seq DESC LIMIT 1',
    )
    .get(kind) as { seq: number; ran_at: string; actor: string; summary: string } | undefined;
  if (!run) return undefined;
  const clusters = new Map<string, string>();
  for (const row of db
    .prepare('SELECT record_id, cluster FROM resolved_records WHERE kind = ?')
    .iterate(kind))
    clusters.set(row.record_id as string, row.cluster as string);
  return { ...run, clusters };
}

/** The pairs of the latest run left to review, most uncertain (closest to one half) first. */
export function selectReviewPairs(db: DatabaseSync, kind: ResolutionKind): ReviewPairRow[] {
  return db
    .prepare(`SELECT a, b, probability, explanation FROM link_review_pairs WHERE kind = ?
      ORDER BY abs(probability - 0.5), a, b`)
    .all(kind) as unknown as ReviewPairRow[];
}
