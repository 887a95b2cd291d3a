import { userInfo } from 'node:os';
import { resolve } from 'node:path';
import type { z } from 'zod';
import { AccessDenied } from '../access/authorize.ts';
import type { FieldKeys } from '../access/field-cipher.ts';
import { type KeySource, keySourceFromEnv } from '../access/keyring.ts';
import { Role, type Viewer } from '../access/roles.ts';
import { BlobStore, filesFolderOf } from '../evidence/blob-store.ts';
import { unlockKeys } from '../records/unlock-keys.ts';
import { openSqliteStore } from '../store/sqlite/sqlite-store.ts';
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

/** The database path from `--db`, else `DAYLIGHT_DB`, else the default. */
export function databasePath(option: string | undefined): string {
  return resolve(option ?? process.env.DAYLIGHT_DB ?? DEFAULT_DB);
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
  const dbPath = databasePath(options.db);
  const viewer = actingViewer(options);
  const actor = viewer.user;
  const store = openSqliteStore(dbPath);
  const blobs = new BlobStore(filesFolderOf(dbPath));
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
