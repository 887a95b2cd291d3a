import { blindTokens, contentHash, type FieldKeys, revealRecord } from '../../access/field-cipher.ts';
import { canonicalJson } from '../../domain/canonical-json.ts';
import { searchTextOf } from '../../domain/record.ts';
import type { SqliteStore } from '../sqlite/sqlite-store.ts';
import { inWriteTransaction, type Queryable } from './pg-connection.ts';
import { indexTokens, tsvectorLiteral } from './pg-search.ts';
import { uprSearchVector } from './pg-upr-tables.ts';
import type { PostgresStore } from './postgres-store.ts';

/**
 * The tables a copy carries over, parents before children. Derived tables are rebuilt rather than
 * copied: `search` from the records (SQLite's index is contentless), `act_facts` by the target's
 * triggers, the UPR search vector from each recommendation's text.
 */
export const COPIED_TABLES = [
  'records',
  'refs',
  'record_versions',
  'reviews',
  'audit',
  'keyring',
  'users',
  'sessions',
  'upr_recommendations',
  'upr_state_claims',
  'upr_reviews',
  'upr_claim_issues',
  'link_decisions',
  'resolution_runs',
  'resolved_records',
  'link_review_pairs',
  'analysis_snapshots',
  'advocacy_recommendations',
  'delegation_meetings',
  'delegation_asks',
  'uptake_decisions',
] as const;

/** Tables whose `seq` is an identity column: their sequences move past the copied rows. */
const IDENTITY_TABLES = [
  'records',
  'record_versions',
  'reviews',
  'upr_recommendations',
  'upr_state_claims',
  'link_decisions',
  'resolution_runs',
  'delegation_meetings',
];

const BATCH = 2000;

type Row = Record<string, unknown>;

/** A record whose stored content no longer matches its content hash (named by id only). */
export type CopyProblem = { table: string; id: string; problem: string };

/**
 * Copies every table of an SQLite store into an empty PostgreSQL store in one transaction (nothing
 * is left half-copied), rebuilding the search index from the records: each record is revealed with
 * the keys, its content hash recomputed and compared with the stored one, and its search text
 * (blind tokens for identifying text) written as the write path would. Returns rows copied per table.
 */
export async function copySqliteToPostgres(
  source: SqliteStore,
  target: PostgresStore,
  keys: FieldKeys,
  onProgress?: (table: string, rows: number) => void,
): Promise<{ rows: Record<string, number>; problems: CopyProblem[] }> {
  const rows: Record<string, number> = {};
  const problems: CopyProblem[] = [];
  // One read transaction on the source: a consistent state even if a writer is still at work.
  source.db.exec('BEGIN');
  try {
    await inWriteTransaction(target.pool, async (client) => {
      const filled = await client.query(
        'SELECT (SELECT count(*) FROM records) + (SELECT count(*) FROM audit) + (SELECT count(*) FROM users) AS n',
      );
      if (Number(filled.rows[0]?.n) > 0)
        throw new Error('the target database is not empty: migrate-store copies into a new database only');
      for (const table of COPIED_TABLES) {
        const types = await columnTypes(client, table);
        const columns = Object.keys(sourceColumns(source, table)).filter((c) => types[c] !== undefined);
        let count = 0;
        for (const batch of batches(source, table)) {
          await insertRows(client, table, columns, types, batch);
          if (table === 'records') await insertSearch(client, batch, keys, problems);
          count += batch.length;
          onProgress?.(table, count);
        }
        rows[table] = count;
      }
      for (const table of IDENTITY_TABLES)
        await client.query(
          `SELECT setval(pg_get_serial_sequence('${table}', 'seq'), coalesce((SELECT max(seq) FROM ${table}), 0) + 1, false)`,
        );
      if (problems.length > 0) throw new CopyRefused(problems);
    });
  } catch (error) {
    if (error instanceof CopyRefused) return { rows, problems: error.problems };
    throw error;
  } finally {
    source.db.exec('ROLLBACK');
  }
  return { rows, problems };
}

class CopyRefused extends Error {
  readonly problems: CopyProblem[];
  constructor(problems: CopyProblem[]) {
    super(`${problems.length} records do not match their content hash`);
    this.problems = problems;
  }
}

/** Column name → PostgreSQL type name (`text`, `int8`, …) of a target table. */
async function columnTypes(db: Queryable, table: string): Promise<Record<string, string>> {
  const result = await db.query(
    `SELECT column_name, udt_name FROM information_schema.columns
      WHERE table_schema = current_schema() AND table_name = $1`,
    [table],
  );
  return Object.fromEntries(result.rows.map((r) => [String(r.column_name), String(r.udt_name)]));
}

/** Column name → declared type of a source table. */
function sourceColumns(source: SqliteStore, table: string): Record<string, string> {
  const info = source.db.prepare(`SELECT name, type FROM pragma_table_info(?)`).all(table);
  return Object.fromEntries(info.map((c) => [String(c.name), String(c.type)]));
}

/** The rows of a source table in batches, in storage order. */
function* batches(source: SqliteStore, table: string): Generator<Row[]> {
  let batch: Row[] = [];
  for (const row of source.db.prepare(`SELECT * FROM ${table}`).iterate()) {
    batch.push(row);
    if (batch.length === BATCH) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

/** Inserts a batch with one statement: each column as an array parameter. */
async function insertRows(
  db: Queryable,
  table: string,
  columns: string[],
  types: Record<string, string>,
  batch: Row[],
): Promise<void> {
  const values: unknown[][] = columns.map((c) => batch.map((row) => binary(row[c])));
  const names = [...columns];
  const casts = columns.map((c, i) => `$${i + 1}::${types[c]}[]`);
  if (table === 'upr_recommendations') {
    names.push('search');
    values.push(batch.map((row) => uprSearchVector(String(row.text))));
    casts.push(`$${casts.length + 1}::text[]::tsvector[]`);
  }
  await db.query(
    `INSERT INTO ${table} (${names.join(', ')}) SELECT * FROM unnest(${casts.join(', ')})`,
    values,
  );
}

const binary = (value: unknown) => (value instanceof Uint8Array ? Buffer.from(value) : value);

/** The search rows of a batch of records, as the write path makes them; checks each content hash. */
async function insertSearch(
  db: Queryable,
  batch: Row[],
  keys: FieldKeys,
  problems: CopyProblem[],
): Promise<void> {
  const seqs: number[] = [];
  const open: string[] = [];
  const identifying: string[] = [];
  for (const row of batch) {
    const id = String(row.id);
    let record: ReturnType<typeof revealRecord>;
    try {
      record = revealRecord(JSON.parse(String(row.doc)), keys);
    } catch {
      problems.push({ table: 'records', id, problem: 'cannot be decrypted with this keyring' });
      continue;
    }
    if (contentHash(canonicalJson(record), keys) !== row.content_hash) {
      problems.push({ table: 'records', id, problem: 'content differs from its content hash' });
      continue;
    }
    const text = searchTextOf(record);
    const blind = blindTokens(text.identifying, keys).join(' ');
    if (text.open.length === 0 && blind.length === 0) continue;
    seqs.push(Number(row.seq));
    open.push(tsvectorLiteral(indexTokens(text.open)));
    identifying.push(tsvectorLiteral(indexTokens(blind)));
  }
  if (seqs.length > 0)
    await db.query(
      `INSERT INTO search (seq, open, identifying)
        SELECT s, o::tsvector, i::tsvector FROM unnest($1::bigint[], $2::text[], $3::text[]) AS t(s, o, i)`,
      [seqs, open, identifying],
    );
}
