import type { Command } from 'commander';
import { authorize } from '../../access/authorize.ts';
import { keySourceFromEnv } from '../../access/keyring.ts';
import { createBackup } from '../../backup/create-backup.ts';
import { restoreBackup } from '../../backup/restore-backup.ts';
import { openSqliteStore } from '../../store/sqlite/sqlite-store.ts';
import { actingViewer, CommandError, databasePath, withContext } from '../context.ts';

/** `daylight backup FILE` and `daylight restore FILE`: encrypted archives of the whole installation. */
export function registerBackup(program: Command): void {
  program
    .command('backup')
    .description(
      'write one encrypted archive of the database, its evidence files and audit head (safe while the server runs)',
    )
    .argument('<file>', 'the archive to write (must not exist)')
    .action(async (file: string) => {
      await withContext(program.opts(), async ({ store, blobs, dbPath, viewer, keys }) => {
        authorize(viewer, 'backup-restore');
        const started = performance.now();
        const report = await createBackup(store, blobs, { viewer, keys: await keys(), dbPath, out: file });
        const seconds = (performance.now() - started) / 1000;
        process.stdout.write(
          `backup written to ${file}: ${report.bytes} bytes (database ${report.databaseBytes} bytes, ${report.files} evidence files) in ${seconds.toFixed(1)} s\nsha256 ${report.sha256}\n`,
        );
      });
    });

  program
    .command('restore')
    .description(
      'restore an archive made by `daylight backup` into --db (decrypted and checked in full before anything is put in place)',
    )
    .argument('<file>', 'the archive')
    .option('--force', 'replace an existing database at --db')
    .action(async (file: string, options: { force?: boolean }) => {
      const viewer = actingViewer(program.opts());
      authorize(viewer, 'backup-restore');
      const source = keySourceFromEnv();
      if (!source)
        throw new CommandError(
          'restore needs the passphrase or key file the backup was made with: set DAYLIGHT_PASSPHRASE or DAYLIGHT_KEY_FILE',
          2,
        );
      const dbPath = databasePath(program.opts().db);
      const report = await restoreBackup({
        viewer,
        archive: file,
        dbPath,
        source,
        force: options.force,
        openStore: openSqliteStore,
      });
      process.stdout.write(
        `restored ${file} (made ${report.createdAt}) to ${dbPath}: ${report.files} evidence files, audit trail intact (${report.auditEntries} entries)${report.replaced ? ', replacing the database that was there' : ''}\n`,
      );
    });
}
