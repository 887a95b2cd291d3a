import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Command } from 'commander';
import { authorize } from '../../access/authorize.ts';
import { PURPOSES, type Purpose } from '../../consent/release-plan.ts';
import { exportReleased } from '../../consent/release-records.ts';
import type { DaylightRecord } from '../../domain/record.ts';
import { VOCABULARY_IDS, type VocabularyId } from '../../domain/vocabulary.ts';
import { exportJsonLines } from '../../interchange/export-records.ts';
import { formatProblem } from '../../interchange/import-records.ts';
import { uprInfoCsv, uprRecommendationsForExport } from '../../upr/upr-info-export.ts';
import { exportUwaziTables } from '../../uwazi/export-uwazi.ts';
import { migrateUwazi } from '../../uwazi/migrate-uwazi.ts';
import { formatCsv, readCsvTable } from '../../uwazi/uwazi-csv.ts';
import { readMappingFile, type UwaziMapping } from '../../uwazi/uwazi-mapping.ts';
import { matchThesaurus, readThesaurusTable, thesaurusCsvRows } from '../../uwazi/uwazi-thesaurus.ts';
import { CommandError, withContext } from '../context.ts';

/** `daylight migrate …`: exchange with Uwazi (records, thesauri) and UPR Info (recommendations). */
export function registerMigrate(program: Command): void {
  const migrate = program
    .command('migrate')
    .description('exchange data with HURIDOCS Uwazi and UPR Info (docs/uwazi.md)');

  migrate
    .command('uwazi')
    .description('import an Uwazi CSV export (one template per file) under a mapping, all or nothing')
    .requiredOption('--mapping <file>', 'mapping file (JSON), e.g. data/uwazi/example-mapping.json')
    .requiredOption('--csv <files...>', 'the Uwazi CSV files')
    .option('--files <dir>', 'folder of the files named in Documents and Attachments')
    .action(async (options: { mapping: string; csv: string[]; files?: string }) => {
      const mapping = await loadMapping(options.mapping);
      await withContext(program.opts(), async ({ store, blobs, viewer, keys }) => {
        const report = await migrateUwazi(store, blobs, viewer, await keys(), {
          mapping,
          csvFiles: options.csv,
          filesDir: options.files,
        });
        if (!report.ok) {
          for (const problem of report.problems) process.stderr.write(`${formatProblem(problem)}\n`);
          throw new CommandError(
            `nothing imported (${report.problems.length + report.moreProblems} problems)`,
          );
        }
        const types = Object.entries(report.byType)
          .map(([type, n]) => `${type} ${n}`)
          .join(', ');
        process.stdout.write(
          `migrated ${options.csv.length} Uwazi files: ${report.records} records (${types}); ${report.inserted} new, ${report.unchanged} already stored\n`,
        );
      });
    });

  migrate
    .command('uwazi-export')
    .description('write Uwazi-importable CSV files, one per template of the mapping')
    .requiredOption('--mapping <file>', 'mapping file (JSON)')
    .requiredOption('-o, --output <dir>', 'folder to write TEMPLATE.csv files into')
    .option('--purpose <purpose>', `share for a purpose, honouring consent (${PURPOSES.join(', ')})`)
    .option('--anonymised', 'no identifying fields (default purpose: publication)')
    .option('--reason <text>', 'why, for the audit trail')
    .action(
      async (options: {
        mapping: string;
        output: string;
        purpose?: string;
        anonymised?: boolean;
        reason?: string;
      }) => {
        const mapping = await loadMapping(options.mapping);
        await withContext(program.opts(), async ({ store, viewer, keys }) => {
          const lines = await (async () => {
            if (options.purpose === undefined && !options.anonymised) {
              // A full copy carries identifying fields: only roles with that right may make one.
              authorize(viewer, 'export-identifying', 'strictly-confidential');
              return exportJsonLines(store, await keys());
            }
            const purpose = options.purpose ?? 'publication';
            if (!(PURPOSES as string[]).includes(purpose))
              throw new CommandError(`--purpose: expected one of ${PURPOSES.join(', ')}`, 2);
            return exportReleased(store, viewer, await keys(), {
              purpose: purpose as Purpose,
              anonymised: options.anonymised === true,
              reason: options.reason,
            });
          })();
          const records: DaylightRecord[] = [];
          for await (const line of lines) records.push(JSON.parse(line) as DaylightRecord);
          await mkdir(options.output, { recursive: true });
          for (const table of exportUwaziTables(mapping, records)) {
            const name = `${table.template.toLowerCase().replace(/[^a-z0-9]+/g, '-')}.csv`;
            await writeFile(join(options.output, name), formatCsv(table.header, table.rows));
            process.stderr.write(`${name}: ${table.rows.length} entities\n`);
          }
        });
      },
    );

  migrate
    .command('thesaurus-export')
    .description("write a Daylight vocabulary as an Uwazi thesaurus CSV (English, Korean; '-' marks a child)")
    .argument('<vocabulary>', `one of ${VOCABULARY_IDS.join(', ')}`)
    .option('-o, --output <file>', 'file to write (default: standard output)')
    .option('--language <language>', 'first column (the Uwazi site default): en or ko', 'en')
    .action(async (id: string, options: { output?: string; language: string }) => {
      const vocabularyId = vocabularyOf(id);
      if (options.language !== 'en' && options.language !== 'ko')
        throw new CommandError('--language: expected en or ko', 2);
      const { header, rows } = thesaurusCsvRows(vocabularyId, options.language);
      await writeOut(formatCsv(header, rows), options.output);
    });

  migrate
    .command('thesaurus-import')
    .description("match an Uwazi thesaurus CSV to a Daylight vocabulary: prints the mapping's thesauri entry")
    .argument('<file>', 'the thesaurus CSV')
    .requiredOption('--vocabulary <id>', 'the Daylight vocabulary its values stand for')
    .option('--name <name>', 'the thesaurus name in Uwazi (key of the entry)', 'Thesaurus')
    .action(async (file: string, options: { vocabulary: string; name: string }) => {
      const table = await readCsvTable(file).catch((error: Error) => {
        throw new CommandError(error.message, 2);
      });
      const read = readThesaurusTable(table);
      const matched = matchThesaurus(read.entries, vocabularyOf(options.vocabulary), file);
      for (const problem of [...read.problems, ...matched.problems])
        process.stderr.write(`${formatProblem(problem)}\n`);
      process.stdout.write(`${JSON.stringify({ [options.name]: matched.thesaurus }, null, 2)}\n`);
      if (read.problems.length + matched.problems.length > 0)
        throw new CommandError('some values match no term: add them to "values" by hand');
    });

  migrate
    .command('upr-info-export')
    .description("write stored UPR recommendations in UPR Info's CSV layout (what `upr import` reads)")
    .option('-o, --output <file>', 'file to write (default: standard output)')
    .option('--to <state>', 'state under review')
    .option('--session <n>', 'Working Group session')
    .action(async (options: { output?: string; to?: string; session?: string }) => {
      await withContext(program.opts(), async ({ store }) => {
        const rows = await uprRecommendationsForExport(store, {
          state_under_review: options.to,
          session: options.session === undefined ? undefined : Number(options.session),
        });
        await writeOut(uprInfoCsv(rows), options.output);
      });
    });
}

async function loadMapping(path: string): Promise<UwaziMapping> {
  const read = await readMappingFile(path);
  if (read.ok) return read.mapping;
  for (const problem of read.problems) process.stderr.write(`${path}: ${problem.path}: ${problem.message}\n`);
  throw new CommandError('the mapping has problems', 2);
}

function vocabularyOf(id: string): VocabularyId {
  if (!(VOCABULARY_IDS as readonly string[]).includes(id))
    throw new CommandError(
      `unknown vocabulary ${JSON.stringify(id)}: expected one of ${VOCABULARY_IDS.join(', ')}`,
      2,
    );
  return id as VocabularyId;
}

async function writeOut(text: string, output: string | undefined): Promise<void> {
  if (output) await writeFile(output, text);
  else process.stdout.write(text);
}
