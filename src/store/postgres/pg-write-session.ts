import type pg from 'pg';
import type { AuditEntry, AuditEvent } from '../../access/audit-chain.ts';
import type { LinkDecisionRow } from '../../resolution/resolution-rows.ts';
import {
  AUDIT_COLUMNS,
  EDIT_SET,
  editValues,
  nextAuditEntry,
  numbered,
  placeholders,
  REVIEW_COLUMNS,
  reviewValues,
} from '../row-values.ts';
import type {
  DanglingReference,
  EditOutcome,
  PreparedRecord,
  ReviewRow,
  WriteOutcome,
  WriteSession,
} from '../store.ts';
import { refusedEdit } from '../store-rows.ts';
import { insertLinkDecision } from './pg-advocacy-tables.ts';
import { type Queryable, WRITER_LOCK } from './pg-connection.ts';
import { indexTokens, tsvectorLiteral } from './pg-search.ts';

/**
 * One all-or-nothing write on one connection: a transaction holding the writer lock from `begin`
 * to `commit` or `rollback`, so that nothing is visible to others before it commits.
 */
export class PgWriteSession implements WriteSession {
  private readonly client: pg.PoolClient;
  private readonly firstSeq: number;
  private readonly done: (committed: boolean) => Promise<void>;
  private open = true;
  /** Records edited in this session (their seqs predate it): their references are checked too. */
  private readonly editedSeqs: number[] = [];

  private constructor(client: pg.PoolClient, firstSeq: number, done: (committed: boolean) => Promise<void>) {
    this.client = client;
    this.firstSeq = firstSeq;
    this.done = done;
  }

  /** Starts a session on a connection of the pool (waiting for the writer lock). */
  static async begin(pool: pg.Pool, done: (committed: boolean) => Promise<void>): Promise<PgWriteSession> {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('SELECT pg_advisory_xact_lock($1)', [WRITER_LOCK]);
      const first = await client.query('SELECT coalesce(max(seq), 0) AS n FROM records');
      return new PgWriteSession(client, Number(first.rows[0]?.n ?? 0), done);
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      client.release();
      throw error;
    }
  }

  async write(batch: readonly PreparedRecord[]): Promise<WriteOutcome[]> {
    this.assertOpen();
    if (batch.length === 0) return [];
    // One statement per table for the whole batch (arrays as parameters), not one per row.
    const column = <T>(pick: (item: PreparedRecord) => T) => batch.map(pick);
    const inserted = await this.client.query(
      `INSERT INTO records (id, type, version, status, confidentiality, updated_at, deleted, content_hash, doc)
        SELECT * FROM unnest($1::text[], $2::text[], $3::integer[], $4::text[], $5::text[], $6::text[],
          $7::integer[], $8::text[], $9::text[])
        ON CONFLICT (id) DO NOTHING RETURNING seq, id`,
      [
        column((p) => p.columns.id),
        column((p) => p.columns.type),
        column((p) => p.columns.version),
        column((p) => p.columns.status),
        column((p) => p.columns.confidentiality),
        column((p) => p.columns.updated_at),
        column((p) => (p.columns.deleted ? 1 : 0)),
        column((p) => p.contentHash),
        column((p) => p.json),
      ],
    );
    const seqOf = new Map(inserted.rows.map((row) => [String(row.id), Number(row.seq)]));
    const others = batch.map((p) => p.columns.id).filter((id) => !seqOf.has(id));
    const stored = new Map<string, string>();
    if (others.length > 0) {
      const rows = await this.client.query(
        'SELECT id, content_hash FROM records WHERE id = ANY($1::text[])',
        [others],
      );
      for (const row of rows.rows) stored.set(String(row.id), String(row.content_hash));
    }
    const outcomes: WriteOutcome[] = [];
    const written: { seq: number; item: PreparedRecord }[] = [];
    for (const item of batch) {
      const id = item.columns.id;
      const seq = seqOf.get(id);
      if (seq !== undefined) {
        // The first of the batch with this id went in; any later one is compared with it.
        seqOf.delete(id);
        stored.set(id, item.contentHash);
        written.push({ seq, item });
        outcomes.push('inserted');
      } else outcomes.push(stored.get(id) === item.contentHash ? 'unchanged' : 'conflict');
    }
    await insertRefsAndSearch(this.client, written);
    return outcomes;
  }

  async edit(
    batch: readonly { prepared: PreparedRecord; expectedVersion: number }[],
  ): Promise<EditOutcome[]> {
    this.assertOpen();
    const outcomes: EditOutcome[] = [];
    for (const { prepared, expectedVersion } of batch) {
      const r = prepared.columns;
      const row = (
        await this.client.query(
          'SELECT seq, type, version, status, updated_at, content_hash, doc FROM records WHERE id = $1 FOR UPDATE',
          [r.id],
        )
      ).rows[0];
      const refused = refusedEdit(row, prepared, expectedVersion);
      if (!row || refused) {
        outcomes.push(refused ?? 'missing');
        continue;
      }
      const seq = Number(row.seq);
      await this.client.query(
        'INSERT INTO record_versions (id, version, status, updated_at, doc) VALUES ($1, $2, $3, $4, $5)',
        [r.id, row.version, row.status, row.updated_at, row.doc],
      );
      await this.client.query(
        `UPDATE records SET ${numbered(EDIT_SET)} WHERE seq = $8`,
        editValues(prepared, seq),
      );
      await this.client.query('DELETE FROM refs WHERE from_seq = $1', [seq]);
      await this.client.query('DELETE FROM search WHERE seq = $1', [seq]);
      await insertRefsAndSearch(this.client, [{ seq, item: prepared }]);
      outcomes.push('edited');
      this.editedSeqs.push(seq);
    }
    return outcomes;
  }

  async review(step: ReviewRow, updated: { json: string; contentHash: string }): Promise<'done' | 'stale'> {
    this.assertOpen();
    const result = await this.client.query(
      `UPDATE records SET status = $1, content_hash = $2, doc = $3
        WHERE id = $4 AND version = $5 AND status = $6`,
      [step.to_status, updated.contentHash, updated.json, step.record_id, step.version, step.from_status],
    );
    if (result.rowCount === 0) return 'stale';
    await this.client.query(
      `INSERT INTO reviews (${REVIEW_COLUMNS}) VALUES ${placeholders(8, true)}`,
      reviewValues(step),
    );
    return 'done';
  }

  async audit(event: AuditEvent): Promise<void> {
    this.assertOpen();
    await appendAuditRow(this.client, event);
  }

  async decideLink(row: Omit<LinkDecisionRow, 'seq'>): Promise<number> {
    this.assertOpen();
    return insertLinkDecision(this.client, row);
  }

  async danglingReferences(limit: number): Promise<DanglingReference[]> {
    this.assertOpen();
    const select = `SELECT r.id AS id, f.field AS field, f.to_id AS target, f.to_type AS "targetType", f.from_seq AS seq
        FROM refs f JOIN records r ON r.seq = f.from_seq
        LEFT JOIN records t ON t.id = f.to_id AND t.type = f.to_type WHERE t.seq IS NULL AND`;
    const rows = await this.client.query(
      `SELECT id, field, target, "targetType" FROM (
          ${select} f.from_seq > $1
          UNION ALL ${select} f.from_seq = ANY($2::bigint[]) AND f.from_seq <= $1
        ) dangling ORDER BY seq LIMIT $3`,
      [this.firstSeq, this.editedSeqs, limit],
    );
    return rows.rows as DanglingReference[];
  }

  async commit(): Promise<void> {
    this.assertOpen();
    this.open = false;
    let committed = false;
    try {
      await this.client.query('COMMIT');
      committed = true;
    } catch (error) {
      await this.client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      this.client.release(!committed);
      await this.done(committed);
    }
  }

  async rollback(): Promise<void> {
    if (!this.open) return;
    this.open = false;
    let failed = false;
    await this.client.query('ROLLBACK').catch(() => {
      failed = true;
    });
    this.client.release(failed);
    await this.done(false);
  }

  private assertOpen() {
    if (!this.open) throw new Error('this write session has ended');
  }
}

/** References and search vectors of records just written or edited (each by its seq). */
async function insertRefsAndSearch(
  client: pg.PoolClient,
  written: readonly { seq: number; item: PreparedRecord }[],
): Promise<void> {
  const refs = written.flatMap(({ seq, item }) => item.refs.map((ref) => ({ seq, ref })));
  if (refs.length > 0)
    await client.query(
      `INSERT INTO refs (from_seq, field, to_id, to_type)
        SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[])`,
      [
        refs.map((r) => r.seq),
        refs.map((r) => r.ref.field),
        refs.map((r) => r.ref.target),
        refs.map((r) => r.ref.targetType),
      ],
    );
  const searchable = written.filter(
    ({ item }) => item.searchText.open.length > 0 || item.searchText.identifying.length > 0,
  );
  if (searchable.length > 0)
    await client.query(
      `INSERT INTO search (seq, open, identifying)
        SELECT s, o::tsvector, i::tsvector FROM unnest($1::bigint[], $2::text[], $3::text[]) AS t(s, o, i)`,
      [
        searchable.map((w) => w.seq),
        searchable.map((w) => tsvectorLiteral(indexTokens(w.item.searchText.open))),
        searchable.map((w) => tsvectorLiteral(indexTokens(w.item.searchText.identifying))),
      ],
    );
}

/** Appends one chained entry; the caller holds the writer lock (so the chain has one head). */
export async function appendAuditRow(db: Queryable, event: AuditEvent): Promise<AuditEntry> {
  const last = (await db.query('SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1')).rows[0];
  const { entry, values } = nextAuditEntry(last, event);
  await db.query(`INSERT INTO audit (${AUDIT_COLUMNS}) VALUES ${placeholders(9, true)}`, values);
  return entry;
}
