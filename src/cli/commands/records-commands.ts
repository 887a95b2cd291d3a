import type { Command } from 'commander';
import { isRecordType, RECORD_TYPES } from '../../domain/record.ts';
import { countRecords } from '../../records/count-records.ts';
import { readRecord } from '../../records/read-record.ts';
import { searchRecords } from '../../records/search-records.ts';
import { CommandError, withContext } from '../context.ts';

/** `daylight search`, `daylight show` and `daylight counts`: read records from the terminal. */
export function registerRecordCommands(program: Command): void {
  program
    .command('search')
    .description('full-text search in Korean and English (Hangul substrings, English word prefixes)')
    .argument('<query...>', 'words to find; every word must match')
    .option('--type <type>', `only this record type (${RECORD_TYPES.join(', ')})`)
    .option('--limit <n>', 'at most this many hits', '20')
    .option('--json', 'print the records as JSON Lines')
    .action(async (words: string[], options: { type?: string; limit: string; json?: boolean }) => {
      if (options.type !== undefined && !isRecordType(options.type)) {
        throw new CommandError(`--type: unknown record type ${JSON.stringify(options.type)}`, 2);
      }
      const type = options.type;
      await withContext(program.opts(), async ({ store, viewer, keys }) => {
        const hits = await searchRecords(store, viewer, await keys(), words.join(' '), {
          type,
          limit: Number(options.limit),
        });
        for (const hit of hits) {
          process.stdout.write(options.json ? `${JSON.stringify(hit)}\n` : `${hit.type}\t${hit.id}\n`);
        }
        if (!options.json) process.stderr.write(`${hits.length} hit${hits.length === 1 ? '' : 's'}\n`);
      });
    });

  program
    .command('show')
    .description('print one record as JSON')
    .argument('<id>', 'record id')
    .option('--reason <why>', 'why you are reading it (kept in the audit trail for restricted records)')
    .action(async (id: string, options: { reason?: string }) => {
      await withContext(program.opts(), async ({ store, viewer, keys }) => {
        const record = await readRecord(store, viewer, await keys(), id, options.reason);
        if (!record) throw new CommandError(`no record with id ${JSON.stringify(id)}`);
        process.stdout.write(`${JSON.stringify(record, null, 2)}\n`);
      });
    });

  program
    .command('counts')
    .description('how many live records of each type the database holds')
    .option('--json', 'print JSON')
    .action(async (options: { json?: boolean }) => {
      await withContext(program.opts(), async ({ store, viewer }) => {
        const counts = await countRecords(store, viewer);
        if (options.json) process.stdout.write(`${JSON.stringify(counts)}\n`);
        else for (const [type, n] of Object.entries(counts)) process.stdout.write(`${type}\t${n}\n`);
      });
    });
}
