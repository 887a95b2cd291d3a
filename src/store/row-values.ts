// The values of a row in its columns' order, for the INSERT statements both stores run: SQLite
// binds `?` and PostgreSQL `$n` to the same lists, so a column added to one is added to the other.

import { type AuditEntry, type AuditEvent, entryHash, GENESIS } from '../access/audit-chain.ts';
import type { UserAccount } from '../accounts/user-account.ts';
import type { AskRow } from '../advocacy/delegation.ts';
import type { UprFilter, UprRecommendation } from '../upr/upr-recommendation.ts';
import type { PreparedRecord, ReviewRow } from './store.ts';

/** A value either database binds. */
export type SqlValue = string | number | null;

/** `(?, ?, …)` or `($1, $2, …)` for `n` values. */
export function placeholders(n: number, numbered: boolean): string {
  return `(${Array.from({ length: n }, (_, i) => (numbered ? `$${i + 1}` : '?')).join(', ')})`;
}

export const USER_COLUMNS =
  'username, role, password_hash, totp_secret, totp_last_step, failed_attempts, locked_until, disabled, created_at';

export function userValues(a: UserAccount): SqlValue[] {
  return [
    a.username,
    a.role,
    a.password_hash,
    a.totp_secret,
    a.totp_last_step,
    a.failed_attempts,
    a.locked_until,
    a.disabled ? 1 : 0,
    a.created_at,
  ];
}

export const AUDIT_COLUMNS = 'seq, at, actor, action, target, reason, detail, prev, hash';

/** The entry that follows the chain's last one (`undefined`: the first), with its row's values. */
export function nextAuditEntry(
  last: Record<string, unknown> | undefined,
  event: AuditEvent,
): { entry: AuditEntry; values: SqlValue[] } {
  const seq = last ? Number(last.seq) + 1 : 1;
  const prev = last ? String(last.hash) : GENESIS;
  const hash = entryHash(prev, seq, event);
  const detail = event.detail === undefined ? null : JSON.stringify(event.detail);
  return {
    entry: { ...event, seq, prev, hash },
    values: [
      seq,
      event.at,
      event.actor,
      event.action,
      event.target ?? null,
      event.reason ?? null,
      detail,
      prev,
      hash,
    ],
  };
}

export const REVIEW_COLUMNS = 'record_id, version, at, actor, action, from_status, to_status, comment';

export function reviewValues(step: ReviewRow): SqlValue[] {
  return [
    step.record_id,
    step.version,
    step.at,
    step.actor,
    step.action,
    step.from_status,
    step.to_status,
    step.comment,
  ];
}

export const UPR_RECOMMENDATION_COLUMNS = `id, state_under_review, cycle, session, paragraph, text,
  recommending_state, recommending_group, response, action, issues, source`;

export function uprRecommendationValues(r: UprRecommendation): SqlValue[] {
  return [
    r.id,
    r.state_under_review,
    r.cycle,
    r.session,
    r.paragraph ?? null,
    r.text,
    r.recommending_state,
    r.recommending_group ?? null,
    r.response,
    r.action,
    JSON.stringify(r.issues),
    r.source,
  ];
}

export const ASK_COLUMNS = 'state, recommendation, status, meeting, follow_up, note, updated_by, updated_at';

export function askValues(a: AskRow): SqlValue[] {
  return [
    a.state,
    a.recommendation,
    a.status,
    a.meeting ?? null,
    a.follow_up ?? null,
    a.note ?? null,
    a.updated_by,
    a.updated_at,
  ];
}

/** The SET list of an edit (`version = ?, …, doc = ?`, then the row's seq) and its values. */
export const EDIT_SET =
  'version = ?, status = ?, confidentiality = ?, updated_at = ?, deleted = ?, content_hash = ?, doc = ?';

export function editValues(prepared: PreparedRecord, seq: number): SqlValue[] {
  const r = prepared.columns;
  return [
    r.version,
    r.status,
    r.confidentiality,
    r.updated_at,
    r.deleted ? 1 : 0,
    prepared.contentHash,
    prepared.json,
    seq,
  ];
}

/**
 * The conditions of a UPR filter with `?` for each value, the text search left to the caller (each
 * database has its own index); `issue` is how the database finds a name in the JSON list of issues.
 */
export function uprFilterConditions(
  filter: UprFilter,
  issue: string,
): { where: string[]; params: SqlValue[] } {
  const where: string[] = [];
  const params: SqlValue[] = [];
  const add = (clause: string, value: string | number | undefined) => {
    if (value === undefined) return;
    where.push(clause);
    params.push(value);
  };
  add('r.state_under_review = ?', filter.state_under_review);
  add('r.cycle = ?', filter.cycle);
  add('r.session = ?', filter.session);
  add(issue, filter.issue);
  if (filter.response === 'pending') where.push('r.response IS NULL');
  else add('r.response = ?', filter.response);
  add('r.action = ?', filter.action);
  add('r.recommending_state = ?', filter.recommending_state);
  add('r.recommending_group = ?', filter.recommending_group);
  return { where, params };
}

/** `?` placeholders renumbered `$1, $2, …` in order (PostgreSQL), from `$first`. */
export function numbered(sql: string, first = 1): string {
  let n = first;
  return sql.replace(/\?/g, () => `$${n++}`);
}
