import { createHash } from 'node:crypto';
import { verifyChain } from '../../access/audit-chain.ts';
import type { SqliteStore } from '../sqlite/sqlite-store.ts';
import { COPIED_TABLES } from './copy-from-sqlite.ts';
import { type Queryable, streamRows } from './pg-connection.ts';
import type { PostgresStore } from './postgres-store.ts';

/** One table compared: rows on each side and whether their contents are the same. */
export type TableCheck = { table: string; source: number; target: number; identical: boolean };

/** What a copy's verification found. */
export type CopyVerification = {
  ok: boolean;
  tables: TableCheck[];
  audit: { ok: boolean; entries: number; head: string; problem?: string };
};

/**
 * Compares a PostgreSQL copy with its SQLite source: for every copied table (and the act facts the
 * target's triggers rebuilt) the row count and a SHA-256 over all rows in primary-key order; the
 * search index by rows; then checks the target's audit chain from its start and that it ends at the
 * source's head.
 */
export async function verifyCopy(source: SqliteStore, target: PostgresStore): Promise<CopyVerification> {
  const tables: TableCheck[] = [];
  for (const table of [...COPIED_TABLES, 'act_facts']) {
    const columns = source.db
      .prepare('SELECT name FROM pragma_table_info(?)')
      .all(table)
      .map((c) => String(c.name));
    const keys = await primaryKey(target.pool, table);
    const sourceDigest = await digest(
      source.db.prepare(`SELECT ${columns.join(', ')} FROM ${table} ORDER BY ${keys.join(', ')}`).iterate(),
      columns,
    );
    // Text keys sort byte by byte, as SQLite's BINARY collation does, whatever the server's locale.
    const order: string[] = [];
    for (const k of keys) order.push((await isText(target.pool, table, k)) ? `${k} COLLATE "C"` : k);
    const targetDigest = await digest(
      streamRows(target.pool, `SELECT ${columns.join(', ')} FROM ${table} ORDER BY ${order.join(', ')}`),
      columns,
    );
    tables.push({
      table,
      source: sourceDigest.rows,
      target: targetDigest.rows,
      identical: sourceDigest.rows === targetDigest.rows && sourceDigest.hash === targetDigest.hash,
    });
  }
  const searchRows = Number((await target.pool.query('SELECT count(*) AS n FROM search')).rows[0]?.n ?? 0);
  const sourceSearch = Number(
    source.db
      .prepare('SELECT count(*) AS n FROM records r WHERE EXISTS (SELECT 1 FROM search WHERE rowid = r.seq)')
      .get()?.n ?? 0,
  );
  tables.push({
    table: 'search',
    source: sourceSearch,
    target: searchRows,
    identical: sourceSearch === searchRows,
  });
  const chain = await verifyChain(target.auditEntries(), undefined);
  const sourceHead = source.db.prepare('SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1').get();
  const head = chain.ok ? chain.head : '';
  const sameHead =
    chain.entries === Number(sourceHead?.seq ?? 0) && head === String(sourceHead?.hash ?? head);
  const problem = chain.ok
    ? sameHead
      ? undefined
      : 'the chain does not end at the source head'
    : chain.problem;
  const audit = { ok: chain.ok && sameHead, entries: chain.entries, head, ...(problem ? { problem } : {}) };
  return { ok: audit.ok && tables.every((t) => t.identical), tables, audit };
}

/** The primary key columns of a target table, in key order. */
async function primaryKey(db: Queryable, table: string): Promise<string[]> {
  const result = await db.query(
    `SELECT a.attname FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
      WHERE i.indrelid = $1::regclass AND i.indisprimary ORDER BY array_position(i.indkey::int2[], a.attnum)`,
    [table],
  );
  return result.rows.map((r) => String(r.attname));
}

async function isText(db: Queryable, table: string, column: string): Promise<boolean> {
  const result = await db.query(
    `SELECT data_type FROM information_schema.columns WHERE table_schema = current_schema()
      AND table_name = $1 AND column_name = $2`,
    [table, column],
  );
  return result.rows[0]?.data_type === 'text';
}

/** A value as both databases' drivers agree on it: bytes as hex, numbers as numbers. */
const comparable = (value: unknown) =>
  value instanceof Uint8Array ? Buffer.from(value).toString('hex') : value === undefined ? null : value;

/** Rows counted and hashed in order, each as the JSON list of its values. */
async function digest(
  rows: Iterable<Record<string, unknown>> | AsyncIterable<Record<string, unknown>>,
  columns: string[],
) {
  const hash = createHash('sha256');
  let count = 0;
  for await (const row of rows) {
    hash.update(`${JSON.stringify(columns.map((c) => comparable(row[c])))}\n`);
    count++;
  }
  return { rows: count, hash: hash.digest('hex') };
}
