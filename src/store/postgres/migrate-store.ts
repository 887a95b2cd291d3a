import type { KeySource } from '../../access/keyring.ts';
import { unlockKeys } from '../../records/unlock-keys.ts';
import { openSqliteStore } from '../sqlite/sqlite-store.ts';
import { copyEvidenceFiles, type FilesCopy } from './copy-files.ts';
import { type CopyProblem, copySqliteToPostgres } from './copy-from-sqlite.ts';
import { openPostgresStore } from './postgres-store.ts';
import { type CopyVerification, verifyCopy } from './verify-copy.ts';

/** What `migrate-store` did: rows copied, records refused, files copied, and the verification. */
export type MigrationReport = {
  ok: boolean;
  rows: Record<string, number>;
  problems: CopyProblem[];
  files?: FilesCopy;
  verification?: CopyVerification;
  seconds: number;
};

/**
 * Moves an SQLite store to an empty PostgreSQL database: every table in one transaction (search
 * index rebuilt, content hashes checked on the way), the evidence files, then a verification of the
 * copy against the source; the copy is recorded in the target's audit trail. The source is only read.
 */
export async function migrateSqliteToPostgres(input: {
  from: string;
  to: string;
  sourceFiles: string;
  targetFiles: string;
  anchorFile?: string;
  keySource: KeySource;
  actor: string;
  onProgress?: (table: string, rows: number) => void;
}): Promise<MigrationReport> {
  const started = performance.now();
  const source = openSqliteStore(input.from);
  const target = await openPostgresStore(input.to, { anchorFile: input.anchorFile });
  try {
    const keys = await unlockKeys(source, input.keySource);
    const copy = await copySqliteToPostgres(source, target, keys, input.onProgress);
    const seconds = () => (performance.now() - started) / 1000;
    if (copy.problems.length > 0)
      return { ok: false, rows: copy.rows, problems: copy.problems, seconds: seconds() };
    const files = await copyEvidenceFiles(input.sourceFiles, input.targetFiles);
    const verification = await verifyCopy(source, target);
    const ok = verification.ok && files.differing.length === 0;
    if (ok)
      await target.appendAudit({
        at: new Date().toISOString(),
        actor: input.actor,
        action: 'migrate-store',
        detail: {
          from: 'sqlite',
          records: copy.rows.records ?? 0,
          audit_head: verification.audit.head,
          files: files.files,
        },
      });
    return { ok, rows: copy.rows, problems: [], files, verification, seconds: seconds() };
  } finally {
    await source.close();
    await target.close();
  }
}
