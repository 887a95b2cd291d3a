import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import type { Command } from 'commander';
import { authorize } from '../../access/authorize.ts';
import { writeCsvExport } from '../../interchange/csv-records.ts';
import { exportJsonLines } from '../../interchange/export-records.ts';
import { CommandError, withContext } from '../context.ts';

/** `daylight export`: every record, in the interchange format. */
export function registerExport(program: Command): void {
  program
    .command('export')
    .description('export every record as JSON Lines (to stdout or --output) or as CSV files (one per type)')
    .option('--format <format>', 'jsonl or csv', 'jsonl')
    .option('-o, --output <path>', 'file (jsonl) or folder (csv) to write')
    .action(async (options: { format: string; output?: string }) => {
      await withContext(program.opts(), async ({ store, keys, viewer }) => {
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
        const out = options.output ? createWriteStream(options.output) : process.stdout;
        const unlocked = await keys();
        for await (const line of exportJsonLines(store, unlocked)) {
          if (!out.write(line)) await once(out, 'drain');
        }
        if (options.output) {
          out.end();
          await once(out, 'finish');
        }
      });
    });
}
