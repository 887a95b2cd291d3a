import { resolve } from 'node:path';
import { openPostgresStore } from './postgres/postgres-store.ts';
import { openSqliteStore } from './sqlite/sqlite-store.ts';
import type { Store } from './store.ts';

/** Whether a database location names a PostgreSQL server (`postgres://` or `postgresql://`). */
export function isPostgresUrl(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location);
}

/**
 * Opens the store at a location: a PostgreSQL URL, or else the path of an SQLite file (created as
 * needed). `anchorFile` is where a PostgreSQL store mirrors its audit head (SQLite keeps it beside
 * its file).
 */
export async function openStore(location: string, options: { anchorFile?: string } = {}): Promise<Store> {
  if (isPostgresUrl(location)) return openPostgresStore(location, { anchorFile: options.anchorFile });
  return openSqliteStore(resolve(location));
}
