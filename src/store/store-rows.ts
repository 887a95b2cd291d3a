// Rows as every database returns them, mapped to the types the Store interface speaks. Shared by the
// SQLite and PostgreSQL stores so that both give the same objects for the same rows.

import type { AuditEntry } from '../access/audit-chain.ts';
import type { AskRow, MeetingRow, StoredRecommendation, UptakeDecision } from '../advocacy/delegation.ts';
import type { UprRecommendation, UprReview, UprReviewEntry } from '../upr/upr-recommendation.ts';
import type { EditOutcome, PreparedRecord, UprClaimIssues } from './store.ts';

type Row = Record<string, unknown>;

/** The columns of the act facts projection, in the order of `ActFactChunk`. */
export const ACT_FACT_COLUMNS = [
  'id',
  'act_type',
  'year_from',
  'year_to',
  'facility',
  'status',
  'confidentiality',
  'victims',
  'perpetrators',
  'laws',
  'norms',
  'sources',
] as const;

/** Rows per act facts chunk unless the caller asks otherwise. */
export const ACT_FACT_CHUNK = 100_000;

const optional = <T>(value: unknown) => (value === null || value === undefined ? undefined : (value as T));

/** An audit row as an entry (absent optional fields left out, so its hash recomputes). */
export function auditEntryOf(row: Row): AuditEntry {
  const entry: AuditEntry = {
    seq: Number(row.seq),
    at: String(row.at),
    actor: String(row.actor),
    action: String(row.action),
    prev: String(row.prev),
    hash: String(row.hash),
  };
  if (row.target !== null) entry.target = String(row.target);
  if (row.reason !== null) entry.reason = String(row.reason);
  if (row.detail !== null) entry.detail = JSON.parse(String(row.detail));
  return entry;
}

/** A stored UPR recommendation. */
export function uprRecommendationOf(row: Row): UprRecommendation {
  return {
    id: String(row.id),
    state_under_review: String(row.state_under_review),
    cycle: Number(row.cycle),
    session: Number(row.session),
    ...(row.paragraph === null ? {} : { paragraph: String(row.paragraph) }),
    text: String(row.text),
    recommending_state: String(row.recommending_state),
    ...(row.recommending_group === null
      ? {}
      : { recommending_group: String(row.recommending_group) as UprRecommendation['recommending_group'] }),
    response: row.response === null ? null : (String(row.response) as 'supported' | 'noted'),
    action: row.action === null ? null : Number(row.action),
    issues: JSON.parse(String(row.issues)) as string[],
    source: String(row.source),
  };
}

/** A review with how its recommendations were answered. */
export function uprReviewEntryOf(row: Row): UprReviewEntry {
  return {
    state_under_review: String(row.state_under_review),
    session: Number(row.session),
    cycle: Number(row.cycle),
    date: row.date === null ? null : String(row.date),
    documents: JSON.parse(String(row.documents)) as UprReview['documents'],
    recommendations: Number(row.recommendations),
    supported: Number(row.supported),
    noted: Number(row.noted),
    pending: Number(row.pending),
  };
}

/** The documents of a review once those of `review` are added to the stored ones. */
export function mergedReviewDocuments(stored: string | undefined, review: UprReview): UprReview['documents'] {
  const documents = stored ? (JSON.parse(stored) as UprReview['documents']) : [];
  for (const d of review.documents) if (!documents.some((s) => s.symbol === d.symbol)) documents.push(d);
  return documents;
}

/** The themes an analyst gave a state claim. */
export function claimIssuesOf(row: Row): UprClaimIssues {
  return {
    document: String(row.document),
    paragraph: String(row.paragraph),
    issues: JSON.parse(String(row.issues)) as string[],
    set_by: String(row.set_by),
    set_at: String(row.set_at),
  };
}

/** One of our recommendations. */
export function ourRecommendationOf(row: Row): StoredRecommendation {
  return {
    id: String(row.id),
    text: String(row.text),
    themes: JSON.parse(String(row.themes)) as string[],
    added_by: String(row.added_by),
    added_at: String(row.added_at),
  };
}

/** A meeting with a delegation. */
export function meetingOf(r: Row): MeetingRow {
  return {
    seq: Number(r.seq),
    state: String(r.state),
    date: String(r.date),
    place: optional<string>(r.place),
    notes: optional<string>(r.notes),
    added_by: String(r.added_by),
    added_at: String(r.added_at),
  };
}

/** An ask of a state. */
export function askOf(r: Row): AskRow {
  return {
    state: String(r.state),
    recommendation: String(r.recommendation),
    status: String(r.status) as AskRow['status'],
    meeting: optional<number>(r.meeting === null ? null : Number(r.meeting)),
    follow_up: optional<string>(r.follow_up),
    note: optional<string>(r.note),
    updated_by: String(r.updated_by),
    updated_at: String(r.updated_at),
  };
}

/** A decision on an uptake pair. */
export function uptakeDecisionOf(r: Row): UptakeDecision {
  return {
    ours: String(r.ours),
    made: String(r.made),
    decision: String(r.decision) as UptakeDecision['decision'],
    decided_by: String(r.decided_by),
    decided_at: String(r.decided_at),
  };
}

/**
 * Whether an edit may replace the stored row: `missing` (no such record of that type), `stale` (the
 * editor read another version), `unchanged` (same content); `undefined` when it goes ahead.
 */
export function refusedEdit(
  stored: Record<string, unknown> | undefined,
  prepared: PreparedRecord,
  expectedVersion: number,
): Exclude<EditOutcome, 'edited'> | undefined {
  if (!stored || stored.type !== prepared.columns.type) return 'missing';
  if (Number(stored.version) !== expectedVersion) return 'stale';
  if (stored.content_hash === prepared.contentHash) return 'unchanged';
  return undefined;
}
