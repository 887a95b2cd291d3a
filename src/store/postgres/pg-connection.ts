import { createHash } from 'node:crypto';
import pg from 'pg';

/** Anything that runs a query: the pool, or the client of an open transaction. */
export type Queryable = Pick<pg.Pool, 'query'>;

/**
 * Every write transaction holds this advisory lock until it ends, so that writes are serialised as
 * SQLite serialises them: record and audit sequence numbers are then given in commit order (a
 * reader that saw seq n never later finds a smaller one committed) and the audit chain has one head.
 */
export const WRITER_LOCK = 4_242_000;

// int8 (counts, sequence numbers) as numbers rather than strings: they stay far below 2^53.
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === pg.types.builtins.INT8
      ? (value: string) => Number(value)
      : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

/** A pool of connections to a `postgres://` URL. */
export function openPool(url: string, max = 10): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max, types, application_name: 'daylight' });
  // An idle connection the server drops (restart, failover) must not crash the process.
  pool.on('error', () => undefined);
  return pool;
}

/** Runs `work` in one transaction holding the writer lock: committed if it returns, rolled back if it throws. */
export async function inWriteTransaction<T>(
  pool: pg.Pool,
  work: (client: pg.PoolClient) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [WRITER_LOCK]);
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/**
 * The rows of a query, fetched `batch` at a time through a cursor in one read-only snapshot (what
 * was committed when it started, however long the caller takes).
 */
export async function* streamRows(
  pool: pg.Pool,
  text: string,
  values: unknown[] = [],
  batch = 2000,
): AsyncGenerator<Record<string, unknown>> {
  const client = await pool.connect();
  let failed = false;
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    await client.query(`DECLARE rows NO SCROLL CURSOR FOR ${text}`, values);
    for (;;) {
      const { rows } = await client.query(`FETCH ${batch} FROM rows`);
      for (const row of rows) yield row;
      if (rows.length < batch) break;
    }
  } catch (error) {
    failed = true;
    throw error;
  } finally {
    await client.query('ROLLBACK').catch(() => {
      failed = true;
    });
    client.release(failed);
  }
}

/**
 * A query as a named (prepared) statement: PostgreSQL parses and plans it once per connection rather
 * than on every call (it doubled the throughput of `/api/counts` under load). For the statements run
 * on every request, whose text is one of a few (each name is kept by every connection of the pool).
 */
export function named(text: string, values: unknown[] = []): pg.QueryConfig {
  return { name: `daylight-${createHash('sha256').update(text).digest('hex').slice(0, 16)}`, text, values };
}
