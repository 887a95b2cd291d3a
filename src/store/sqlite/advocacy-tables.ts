import type { DatabaseSync } from 'node:sqlite';
import type { AskRow, MeetingRow, StoredRecommendation, UptakeDecision } from '../../advocacy/delegation.ts';
import { ASK_COLUMNS, askValues, placeholders } from '../row-values.ts';
import { askOf, meetingOf, ourRecommendationOf, uptakeDecisionOf } from '../store-rows.ts';

/** Adds or replaces our recommendations (by id) in one transaction. */
export function upsertOurRecommendations(db: DatabaseSync, rows: readonly StoredRecommendation[]): void {
  const upsert = db.prepare(`INSERT INTO advocacy_recommendations (id, text, themes, added_by, added_at)
    VALUES (?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET text = excluded.text, themes = excluded.themes,
    added_by = excluded.added_by, added_at = excluded.added_at`);
  inTransaction(db, () => {
    for (const r of rows) upsert.run(r.id, r.text, JSON.stringify(r.themes), r.added_by, r.added_at);
  });
}

export function selectOurRecommendations(db: DatabaseSync): StoredRecommendation[] {
  return db
    .prepare('SELECT id, text, themes, added_by, added_at FROM advocacy_recommendations ORDER BY id')
    .all()
    .map(ourRecommendationOf);
}

export function insertMeeting(db: DatabaseSync, m: Omit<MeetingRow, 'seq'>): number {
  const result = db
    .prepare(
      'INSERT INTO delegation_meetings (state, date, place, notes, added_by, added_at) VALUES (?, ?, ?, ?, ?, ?)',
    )
    .run(m.state, m.date, m.place ?? null, m.notes ?? null, m.added_by, m.added_at);
  return Number(result.lastInsertRowid);
}

export function upsertAsk(db: DatabaseSync, a: AskRow): void {
  db.prepare(`INSERT INTO delegation_asks (${ASK_COLUMNS})
    VALUES ${placeholders(8, false)} ON CONFLICT (state, recommendation) DO UPDATE SET status = excluded.status,
    meeting = coalesce(excluded.meeting, meeting), follow_up = excluded.follow_up,
    note = coalesce(excluded.note, note), updated_by = excluded.updated_by, updated_at = excluded.updated_at`).run(
    ...askValues(a),
  );
}

export function selectDelegations(
  db: DatabaseSync,
  state: string | undefined,
): { meetings: MeetingRow[]; asks: AskRow[] } {
  const meetings = db
    .prepare(`SELECT seq, state, date, place, notes, added_by, added_at FROM delegation_meetings
      WHERE ?1 IS NULL OR state = ?1 ORDER BY date, seq`)
    .all(state ?? null)
    .map(meetingOf);
  const asks = db
    .prepare(`SELECT state, recommendation, status, meeting, follow_up, note, updated_by, updated_at
      FROM delegation_asks WHERE ?1 IS NULL OR state = ?1 ORDER BY state, recommendation`)
    .all(state ?? null)
    .map(askOf);
  return { meetings, asks };
}

export function upsertUptakeDecision(db: DatabaseSync, d: UptakeDecision): void {
  db.prepare(`INSERT INTO uptake_decisions (ours, made, decision, decided_by, decided_at) VALUES (?, ?, ?, ?, ?)
    ON CONFLICT (ours, made) DO UPDATE SET decision = excluded.decision, decided_by = excluded.decided_by,
    decided_at = excluded.decided_at`).run(d.ours, d.made, d.decision, d.decided_by, d.decided_at);
}

export function selectUptakeDecisions(db: DatabaseSync): UptakeDecision[] {
  return db
    .prepare('SELECT ours, made, decision, decided_by, decided_at FROM uptake_decisions')
    .all()
    .map(uptakeDecisionOf);
}

function inTransaction(db: DatabaseSync, run: () => void): void {
  db.exec('BEGIN IMMEDIATE');
  try {
    run();
    db.exec('COMMIT');
  } catch (error) {
    db.exec('ROLLBACK');
    throw error;
  }
}
