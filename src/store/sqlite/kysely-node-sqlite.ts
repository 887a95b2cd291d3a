import type { DatabaseSync, SQLInputValue } from 'node:sqlite';
import type { SqliteDatabase } from 'kysely';
import { Kysely, SqliteDialect } from 'kysely';

/** Kysely's SQLite dialect speaking to Node's built-in `node:sqlite` connection. */
export function kyselyOver<Tables>(db: DatabaseSync): Kysely<Tables> {
  const database: SqliteDatabase = {
    close: () => {},
    prepare(sql: string) {
      const statement = db.prepare(sql);
      const args = (parameters: ReadonlyArray<unknown>) => parameters as SQLInputValue[];
      return {
        reader: statement.columns().length > 0,
        all: (parameters) => statement.all(...args(parameters)),
        run: (parameters) => {
          const result = statement.run(...args(parameters));
          return { changes: result.changes, lastInsertRowid: result.lastInsertRowid };
        },
        iterate: (parameters) => statement.iterate(...args(parameters)),
      };
    },
  };
  return new Kysely<Tables>({ dialect: new SqliteDialect({ database }) });
}
