import { userInfo } from 'node:os';
import { resolve } from 'node:path';
import type { z } from 'zod';
import { AccessDenied } from '../access/authorize.ts';
import type { FieldKeys } from '../access/field-cipher.ts';
import { type KeySource, keySourceFromEnv } from '../access/keyring.ts';
import { Role, type Viewer } from '../access/roles.ts';
import { BlobStore, filesFolderOf } from '../evidence/blob-store.ts';
import { unlockKeys } from '../records/unlock-keys.ts';
import { isPostgresUrl, openStore } from '../store/open-store.ts';
import { redactedUrl } from '../store/postgres/postgres-store.ts';
import type { Store } from '../store/store.ts';

/** The default database of the embedded install, relative to where `daylight` runs. */
export const DEFAULT_DB = 'var/daylight.db';

/** What every command works on: the store, the evidence files beside it, and who is acting in which role. */
export type CommandContext = {
  store: Store;
  blobs: BlobStore;
  dbPath: string;
  actor: string;
  viewer: Viewer;
  /** Unlocks the keyring (DAYLIGHT_KEY_FILE or DAYLIGHT_PASSPHRASE); asked only by commands that need it. */
  keys: () => Promise<FieldKeys>;
};

/**
 * Where the database is: `--db`, else `DAYLIGHT_DB`, else a `postgres://` `DATABASE_URL`, else the
 * default SQLite file. A PostgreSQL URL is returned as it is, a file path resolved.
 */
export function databaseLocation(option: string | undefined): string {
  const url = process.env.DATABASE_URL;
  const location = option ?? process.env.DAYLIGHT_DB ?? (url && isPostgresUrl(url) ? url : DEFAULT_DB);
  return isPostgresUrl(location) ? location : resolve(location);
}

/** The SQLite database file from `--db`, else `DAYLIGHT_DB`, else the default (for commands that need a file). */
export function databasePath(option: string | undefined): string {
  const location = databaseLocation(option);
  if (isPostgresUrl(location))
    throw new CommandError(
      'this command works on an SQLite file: restore into one, then copy it with migrate-store (docs/deploy.md)',
      2,
    );
  return location;
}

/**
 * The evidence folder of a store: beside an SQLite file; for PostgreSQL `DAYLIGHT_FILES` (default
 * var/daylight.files), which every server process must share. The audit head is mirrored beside it.
 */
export function filesFolderFor(location: string): string {
  return isPostgresUrl(location)
    ? resolve(process.env.DAYLIGHT_FILES ?? DEFAULT_DB.replace(/\.db$/, '.files'))
    : filesFolderOf(location);
}

/** Who acts, in which role: `--actor` (else DAYLIGHT_ACTOR, else the user name) and `--role` (default admin). */
export function actingViewer(options: { actor?: string; role?: string }): Viewer {
  const role = Role.safeParse(options.role ?? 'admin');
  if (!role.success) throw new CommandError(`--role: expected one of ${Role.options.join(', ')}`, 2);
  return { user: options.actor ?? process.env.DAYLIGHT_ACTOR ?? userInfo().username, role: role.data };
}

/** Opens the store and evidence folder for one command, and closes them however it ends. */
export async function withContext<T>(
  options: { db?: string; actor?: string; role?: string; keySource?: KeySource },
  run: (context: CommandContext) => Promise<T>,
): Promise<T> {
  const location = databaseLocation(options.db);
  const viewer = actingViewer(options);
  const actor = viewer.user;
  const files = filesFolderFor(location);
  const store = await openStore(location, {
    anchorFile: `${files.replace(/\.files$/, '')}.audit-head`,
  }).catch((error: Error) => {
    throw isPostgresUrl(location) ? new CommandError(error.message, 1) : error;
  });
  // Messages name the database; a URL's password never appears in them.
  const dbPath = isPostgresUrl(location) ? redactedUrl(location) : location;
  const blobs = new BlobStore(files);
  try {
    let unlocked: Promise<FieldKeys> | undefined;
    const keys = () => {
      const source = options.keySource ?? keySourceFromEnv();
      if (!source)
        throw new CommandError(
          'this command needs the database key: set DAYLIGHT_PASSPHRASE or DAYLIGHT_KEY_FILE',
          2,
        );
      unlocked ??= unlockKeys(store, source).catch((error: Error) => {
        throw new CommandError(error.message, 2);
      });
      return unlocked;
    };
    return await run({ store, blobs, dbPath, actor, viewer, keys });
  } finally {
    await store.close();
  }
}

/** An error the user can act on: printed without a stack trace, with an exit code. */
export class CommandError extends Error {
  readonly exitCode: number;
  constructor(message: string, exitCode = 1) {
    super(message);
    this.exitCode = exitCode;
  }
}

/**
 * Options checked against a schema (the same one the API uses); the first problem becomes a usage
 * error naming the option (`--act-type: …`). `flags` names options that differ from their field.
 */
export function parseOptions<T>(
  schema: z.ZodType<T>,
  input: Record<string, unknown>,
  flags: Record<string, string> = {},
): T {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = String(issue?.path[0] ?? '');
  throw new CommandError(`--${flags[field] ?? field.replaceAll('_', '-')}: ${issue?.message}`, 2);
}

/** Runs a use-case whose errors the user can fix (exit 2); permission refusals keep their own exit code. */
export async function withUsageErrors<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof AccessDenied || error instanceof CommandError) throw error;
    throw new CommandError((error as Error).message, 2);
  }
}
