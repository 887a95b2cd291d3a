import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Command } from 'commander';
import { RECORD_TYPES } from '../../domain/record.ts';
import { readCsvRecords } from '../../interchange/csv-records.ts';
import { formatProblem, importRecords } from '../../interchange/import-records.ts';
import { prepareFileInWorker } from '../../interchange/prepare-worker.ts';
import { CommandError, withContext } from '../context.ts';

/** Files as given, and a folder's .jsonl and .csv files in name order. */
async function expandInputs(paths: string[]): Promise<string[]> {
  const files: string[] = [];
  for (const path of paths) {
    const info = await stat(path).catch(() => undefined);
    if (!info) throw new CommandError(`${path}: no such file or folder`);
    if (!info.isDirectory()) files.push(path);
    else {
      const names = (await readdir(path)).filter((name) => /\.(jsonl|csv)$/i.test(name));
      const order = (name: string) => RECORD_TYPES.indexOf(name.replace(/\.\w+$/, '') as never);
      names.sort((a, b) => order(a) - order(b) || a.localeCompare(b));
      files.push(...names.map((name) => join(path, name)));
    }
  }
  return files;
}

/** `daylight import FILE`: validate everything, then write all of it or nothing. */
export function registerImport(program: Command): void {
  program
    .command('import')
    .description('import records from a JSON Lines (.jsonl) or CSV (.csv) file, all or nothing')
    .argument(
      '<files...>',
      'files to import together, or folders of .jsonl and .csv files (as `export --format csv` writes)',
    )
    .action(async (paths: string[]) => {
      const globals = program.opts();
      await withContext(globals, async ({ store, actor, keys }) => {
        const unlocked = await keys();
        const progress = process.stderr.isTTY
          ? (n: number) => process.stderr.write(`\rimporting… ${n.toLocaleString('en')} records`)
          : undefined;
        const files = await expandInputs(paths);
        const inputs = files.map((file) =>
          file.toLowerCase().endsWith('.csv')
            ? { file, lines: readCsvRecords(file) }
            : { file, batches: prepareFileInWorker(file, unlocked) },
        );
        const report = await importRecords(store, inputs, { onProgress: progress, actor, keys: unlocked });
        if (progress) process.stderr.write('\r\x1b[K');
        if (!report.ok) {
          for (const problem of report.problems) process.stderr.write(`${formatProblem(problem)}\n`);
          if (report.moreProblems > 0) process.stderr.write(`… and ${report.moreProblems} more problems\n`);
          throw new CommandError(
            `nothing imported (${report.problems.length + report.moreProblems} problems)`,
          );
        }
        const types = Object.entries(report.byType)
          .map(([type, n]) => `${type} ${n}`)
          .join(', ');
        process.stdout.write(
          `imported ${files.length} file${files.length === 1 ? '' : 's'}: ${report.records} records (${types}); ${report.inserted} new, ${report.unchanged} already stored\n`,
        );
      });
    });
}
