import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import type { Command } from 'commander';
import { authorize } from '../../access/authorize.ts';
import type { FieldKeys } from '../../access/field-cipher.ts';
import type { Viewer } from '../../access/roles.ts';
import { PURPOSES, type Purpose } from '../../consent/release-plan.ts';
import { exportReleased } from '../../consent/release-records.ts';
import { writeCsvExport } from '../../interchange/csv-records.ts';
import { exportJsonLines } from '../../interchange/export-records.ts';
import type { Store } from '../../store/store.ts';
import { CommandError, withContext } from '../context.ts';

/** `daylight export`: every record, in the interchange format. */
export function registerExport(program: Command): void {
  program
    .command('export')
    .description(
      'export every record as JSON Lines (to stdout or --output) or as CSV files (one per type); with --purpose or --anonymised, only what consent allows',
    )
    .option('--format <format>', 'jsonl or csv', 'jsonl')
    .option('-o, --output <path>', 'file (jsonl) or folder (csv) to write')
    .option(
      '--purpose <purpose>',
      `share for a purpose, honouring each interviewee's consent (${PURPOSES.join(', ')}); without it: the organisation's own full copy`,
    )
    .option(
      '--anonymised',
      'no identifying fields, files, custody or consent records (default purpose: publication)',
    )
    .option('--reason <text>', 'why, for the audit trail')
    .action(async (options: ExportOptions) => {
      await withContext(program.opts(), async ({ store, keys, viewer }) => {
        if (options.purpose !== undefined || options.anonymised) {
          await exportForPurpose(options, store, viewer, await keys());
          return;
        }
        // A full export carries every identifying field: only roles with that right may make one.
        authorize(viewer, 'export-identifying', 'strictly-confidential');
        if (options.format === 'csv') {
          if (!options.output) throw new CommandError('export --format csv needs --output FOLDER', 2);
          const files = await writeCsvExport(store, await keys(), options.output);
          process.stderr.write(`wrote ${files.length} CSV files to ${options.output}\n`);
          return;
        }
        if (options.format !== 'jsonl')
          throw new CommandError(`unknown format ${JSON.stringify(options.format)}`, 2);
        await writeLines(exportJsonLines(store, await keys()), options.output);
      });
    });
}

type ExportOptions = {
  format: string;
  output?: string;
  purpose?: string;
  anonymised?: boolean;
  reason?: string;
};

/** `export --purpose P` / `export --anonymised`: a release that honours consent (src/consent/). */
async function exportForPurpose(options: ExportOptions, store: Store, viewer: Viewer, keys: FieldKeys) {
  const purpose = options.purpose ?? 'publication';
  if (!(PURPOSES as string[]).includes(purpose))
    throw new CommandError(`--purpose: expected one of ${PURPOSES.join(', ')}`, 2);
  if (options.format !== 'jsonl') throw new CommandError('exports for a purpose are JSON Lines only', 2);
  const lines = exportReleased(store, viewer, keys, {
    purpose: purpose as Purpose,
    anonymised: options.anonymised === true,
    reason: options.reason,
  });
  await writeLines(lines, options.output);
}

/** Writes lines to a file, or to standard output, with back-pressure. */
async function writeLines(lines: AsyncIterable<string>, output: string | undefined): Promise<void> {
  const out = output ? createWriteStream(output) : process.stdout;
  for await (const line of lines) {
    if (!out.write(line)) await once(out, 'drain');
  }
  if (output) {
    out.end();
    await once(out, 'finish');
  }
}
