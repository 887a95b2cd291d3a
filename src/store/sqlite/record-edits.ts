import type { DatabaseSync } from 'node:sqlite';
import { indexableText } from '../../search/hangul-bigrams.ts';
import { EDIT_SET, editValues, placeholders, REVIEW_COLUMNS, reviewValues } from '../row-values.ts';
import type { EditOutcome, PreparedRecord, ReviewRow } from '../store.ts';
import { refusedEdit } from '../store-rows.ts';

/**
 * New versions of stored records, inside the caller's transaction: the stored row goes into
 * `record_versions`, the new one takes its place (same seq, so references to it stay valid), and
 * its references and search entry are replaced. Returns the outcome per record and the seqs edited
 * (whose references the session must check before it commits).
 */
export function applyEdits(
  db: DatabaseSync,
  batch: readonly { prepared: PreparedRecord; expectedVersion: number }[],
): { outcomes: EditOutcome[]; seqs: number[] } {
  const current = db.prepare(
    'SELECT seq, type, version, status, updated_at, content_hash, doc FROM records WHERE id = ?',
  );
  const keep = db.prepare(
    'INSERT INTO record_versions (id, version, status, updated_at, doc) VALUES (?, ?, ?, ?, ?)',
  );
  const replace = db.prepare(`UPDATE records SET ${EDIT_SET} WHERE seq = ?`);
  const dropRefs = db.prepare('DELETE FROM refs WHERE from_seq = ?');
  const addRef = db.prepare('INSERT INTO refs (from_seq, field, to_id, to_type) VALUES (?, ?, ?, ?)');
  const dropSearch = db.prepare('DELETE FROM search WHERE rowid = ?');
  const addSearch = db.prepare('INSERT INTO search (rowid, open, identifying) VALUES (?, ?, ?)');
  const outcomes: EditOutcome[] = [];
  const seqs: number[] = [];
  for (const { prepared, expectedVersion } of batch) {
    const r = prepared.columns;
    const row = current.get(r.id);
    const refused = refusedEdit(row, prepared, expectedVersion);
    if (!row || refused) {
      outcomes.push(refused ?? 'missing');
      continue;
    }
    const seq = Number(row.seq);
    keep.run(r.id, Number(row.version), String(row.status), String(row.updated_at), String(row.doc));
    replace.run(...editValues(prepared, seq));
    dropRefs.run(seq);
    for (const ref of prepared.refs) addRef.run(seq, ref.field, ref.target, ref.targetType);
    dropSearch.run(seq);
    const { open, identifying } = prepared.searchText;
    if (open.length > 0 || identifying.length > 0)
      addSearch.run(seq, indexableText(open), indexableText(identifying));
    outcomes.push('edited');
    seqs.push(seq);
  }
  return { outcomes, seqs };
}

/** A review step inside the caller's transaction: the status changes only if the version still matches. */
export function applyReview(
  db: DatabaseSync,
  step: ReviewRow,
  updated: { json: string; contentHash: string },
): 'done' | 'stale' {
  const result = db
    .prepare(
      'UPDATE records SET status = ?, content_hash = ?, doc = ? WHERE id = ? AND version = ? AND status = ?',
    )
    .run(step.to_status, updated.contentHash, updated.json, step.record_id, step.version, step.from_status);
  if (result.changes === 0) return 'stale';
  db.prepare(`INSERT INTO reviews (${REVIEW_COLUMNS}) VALUES ${placeholders(8, false)}`).run(
    ...reviewValues(step),
  );
  return 'done';
}
