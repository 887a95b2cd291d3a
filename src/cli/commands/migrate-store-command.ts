import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { keySourceFromEnv } from '../../access/keyring.ts';
import { filesFolderOf } from '../../evidence/blob-store.ts';
import { isPostgresUrl } from '../../store/open-store.ts';
import { type MigrationReport, migrateSqliteToPostgres } from '../../store/postgres/migrate-store.ts';
import { redactedUrl } from '../../store/postgres/postgres-store.ts';
import { actingViewer, CommandError, filesFolderFor } from '../context.ts';

/** `daylight migrate-store --from sqlite:PATH --to postgres://…`: move an embedded database to a server. */
export function registerMigrateStore(program: Command): void {
  program
    .command('migrate-store')
    .description(
      'copy an SQLite database (records and versions, reviews, audit trail, accounts, keyring, UPR, advocacy, resolution) and its evidence files into an empty PostgreSQL database, then verify the copy',
    )
    .requiredOption('--from <sqlite:PATH>', 'the SQLite database file (sqlite:var/daylight.db)')
    .option('--to <url>', 'the PostgreSQL database, empty (env DATABASE_URL)', process.env.DATABASE_URL)
    .option(
      '--files <dir>',
      'evidence folder of the PostgreSQL store (env DAYLIGHT_FILES; default var/daylight.files)',
    )
    .action(async (options: { from: string; to?: string; files?: string }) => {
      const from = resolve(options.from.replace(/^sqlite:/, ''));
      if (!existsSync(from)) throw new CommandError(`--from: no SQLite database at ${from}`, 2);
      if (!options.to || !isPostgresUrl(options.to))
        throw new CommandError('--to: expected a postgres:// URL (or set DATABASE_URL)', 2);
      const keySource = keySourceFromEnv();
      if (!keySource)
        throw new CommandError(
          'migrate-store needs the database key: set DAYLIGHT_PASSPHRASE or DAYLIGHT_KEY_FILE',
          2,
        );
      const targetFiles = options.files ? resolve(options.files) : filesFolderFor(options.to);
      process.stderr.write(`copying ${from} to ${redactedUrl(options.to)} (files to ${targetFiles})…\n`);
      const report = await migrateSqliteToPostgres({
        from,
        to: options.to,
        sourceFiles: filesFolderOf(from),
        targetFiles,
        anchorFile: `${targetFiles.replace(/\.files$/, '')}.audit-head`,
        keySource,
        actor: actingViewer(program.opts()).user,
      }).catch((error: Error) => {
        throw new CommandError(error.message, 1);
      });
      process.stdout.write(formatReport(report));
      if (!report.ok)
        throw new CommandError('the copy did not verify: the target was left as it is; see above', 1);
    });
}

/** The report as lines: one per table, then files, the audit chain and the verdict. */
function formatReport(report: MigrationReport): string {
  const lines: string[] = [];
  for (const p of report.problems.slice(0, 50)) lines.push(`refused: ${p.table} ${p.id}: ${p.problem}`);
  for (const t of report.verification?.tables ?? [])
    lines.push(
      `${t.table.padEnd(26)} ${String(t.source).padStart(9)} → ${String(t.target).padEnd(9)} ${t.identical ? 'identical' : 'DIFFERS'}`,
    );
  const files = report.files;
  if (files)
    lines.push(
      `evidence files: ${files.files} (${files.copied} copied), ${files.differing.length === 0 ? 'identical' : `${files.differing.length} DIFFER`}`,
    );
  const audit = report.verification?.audit;
  if (audit)
    lines.push(
      audit.ok
        ? `audit trail on the target intact: ${audit.entries} entries, head ${audit.head}`
        : `audit trail: ${audit.problem}`,
    );
  lines.push(`${report.ok ? 'migrated and verified' : 'NOT verified'} in ${report.seconds.toFixed(1)} s`);
  return `${lines.join('\n')}\n`;
}
