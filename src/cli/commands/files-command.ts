import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { authorize } from '../../access/authorize.ts';
import { revealRecord } from '../../access/field-cipher.ts';
import { DERIVATIONS } from '../../domain/evidence-file.ts';
import { addEvidenceFile } from '../../evidence/add-evidence-file.ts';
import { fileIdFrom, readEvidenceFile } from '../../evidence/read-evidence-file.ts';
import { verifyEvidenceFiles } from '../../evidence/verify-evidence-files.ts';
import { CommandError, withContext } from '../context.ts';

/** `daylight files add|get|verify|custody`: evidence files by SHA-256, encrypted at rest, with their chain of custody. */
export function registerFiles(program: Command): void {
  const files = program.command('files').description('evidence files: store, verify, chain of custody');

  files
    .command('add')
    .description(
      'store a file by its SHA-256, encrypted (the original is copied, never changed), and log its custody',
    )
    .argument('<path>', 'the file')
    .option('--media-type <type>', 'media type, if not known from the extension')
    .option('--derived-from <id>', 'the file record this is a working copy of')
    .option('--derivation <kind>', `how it was derived: ${DERIVATIONS.join(', ')}`)
    .option('--note <text>', 'a note for the custody log')
    .action(
      async (
        path: string,
        options: { mediaType?: string; derivedFrom?: string; derivation?: string; note?: string },
      ) => {
        const derivation = options.derivation as (typeof DERIVATIONS)[number] | undefined;
        if (derivation !== undefined && !DERIVATIONS.includes(derivation)) {
          throw new CommandError(`--derivation: expected one of ${DERIVATIONS.join(', ')}`, 2);
        }
        await withContext(program.opts(), async ({ store, blobs, actor, viewer, keys }) => {
          authorize(viewer, 'add-evidence-files');
          const added = await addEvidenceFile(store, blobs, {
            path,
            actor,
            ...options,
            derivation,
            keys: await keys(),
          });
          process.stdout.write(
            `${added.id}\t${added.size} bytes\t${added.newContent ? 'stored' : 'already stored'}\n`,
          );
        });
      },
    );

  files
    .command('get')
    .description('decrypt a stored evidence file to a new file (audited); checks its SHA-256 on the way out')
    .argument('<id>', 'file record id (sha256-…) or the SHA-256')
    .requiredOption('--out <path>', 'where to write it (must not exist)')
    .option('--reason <why>', 'why you are taking it out (kept in the audit trail)')
    .action(async (idOrDigest: string, options: { out: string; reason?: string }) => {
      const id = fileIdFrom(idOrDigest);
      if (!id) throw new CommandError('<id>: expected sha256-<64 hex digits> or the 64 hex digits', 2);
      await withContext(program.opts(), async ({ store, blobs, viewer, keys }) => {
        const got = await readEvidenceFile(store, blobs, { viewer, keys: await keys(), id, ...options });
        if (!got) throw new CommandError(`no file record ${JSON.stringify(id)}`);
        process.stdout.write(`${got.id}\t${got.size} bytes\twritten to ${options.out}\n`);
      });
    });

  files
    .command('verify')
    .description('decrypt and re-hash every stored evidence file; exits 1 if any is altered or missing')
    .action(async () => {
      await withContext(program.opts(), async ({ store, blobs, viewer, keys }) => {
        authorize(viewer, 'verify-evidence-files');
        const report = await verifyEvidenceFiles(store, blobs, await keys());
        for (const p of report.problems) process.stdout.write(`${p.problem.toUpperCase()}\t${p.id}\n`);
        process.stdout.write(
          `${report.checked} files checked: ${report.ok} intact, ${report.problems.length} altered or missing\n`,
        );
        if (existsSync(blobs.legacyFolder))
          process.stderr.write(
            `${blobs.legacyFolder} holds files in plaintext from an older version: run \`daylight files seal-legacy\`\n`,
          );
        if (report.problems.length > 0) throw new CommandError('evidence files failed verification');
      });
    });

  files
    .command('seal-legacy')
    .description(
      'encrypt evidence files that a version before encryption stored in plaintext, and remove the plaintext',
    )
    .action(async () => {
      await withContext(program.opts(), async ({ blobs, viewer, keys }) => {
        authorize(viewer, 'add-evidence-files');
        const result = await blobs.sealLegacy(await keys());
        for (const id of result.altered) process.stdout.write(`MISMATCH\t${id}\t(left in plaintext)\n`);
        process.stdout.write(`${result.sealed} plaintext files sealed, ${result.altered.length} altered\n`);
        if (result.altered.length > 0) throw new CommandError('some plaintext evidence files were altered');
      });
    });

  files
    .command('custody')
    .description("print a file's chain of custody, oldest first")
    .argument('<id>', 'file record id (sha256-…)')
    .action(async (id: string) => {
      await withContext(program.opts(), async ({ store, keys }) => {
        const unlocked = await keys();
        const file = await store.getRecord(id);
        if (file?.type !== 'file') throw new CommandError(`no file record ${JSON.stringify(id)}`);
        const events = (await store.listReferencing(id, 'custody')).flatMap((stored) => {
          const r = revealRecord(stored as never, unlocked);
          return r.type === 'custody' ? [r] : [];
        });
        events.sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id));
        for (const e of events)
          process.stdout.write(`${e.at}\t${e.action}\t${e.actor}${e.note ? `\t${e.note}` : ''}\n`);
      });
    });
}
