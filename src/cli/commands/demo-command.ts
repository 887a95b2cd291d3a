import { createWriteStream } from 'node:fs';
import type { Command } from 'commander';
import type { DemoSize } from '../../demo/generate-demo.ts';
import { loadDemo, writeDemoFile } from '../../demo/load-demo.ts';
import { formatProblem } from '../../interchange/import-records.ts';
import { CommandError, withContext } from '../context.ts';

/** `daylight demo`: a fictional dataset, into the database or to a file. */
export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description('build the fictional demo dataset (same seed, same data) into the database, or into a file')
    .option('--seed <n>', 'random seed', '1')
    .option(
      '--size <size>',
      'small (a few hundred interviews) or large (~100,000 interviews, over 1M acts)',
      'small',
    )
    .option('-o, --output <file>', 'write JSON Lines here instead of into the database')
    .option(
      '--truth <file>',
      'also write which fictional individual each person record mentions (for linkage tests)',
    )
    .action(async (options: { seed: string; size: string; output?: string; truth?: string }) => {
      const seed = Number(options.seed);
      if (!Number.isInteger(seed)) throw new CommandError('--seed: expected an integer', 2);
      if (options.size !== 'small' && options.size !== 'large')
        throw new CommandError('--size: expected small or large', 2);
      const size: DemoSize = options.size;
      const truth = options.truth ? createWriteStream(options.truth) : undefined;
      const onMention = truth
        ? (id: string, individual: number) => truth.write(`{"id":"${id}","individual":${individual}}\n`)
        : undefined;
      try {
        if (options.output) {
          const { records } = await writeDemoFile(options.output, { seed, size, onMention });
          process.stderr.write(`wrote ${records} fictional records to ${options.output}\n`);
          return;
        }
        await withContext(program.opts(), async ({ store, keys }) => {
          const progress = process.stderr.isTTY
            ? (n: number) => process.stderr.write(`\rgenerating… ${n.toLocaleString('en')} records`)
            : undefined;
          const report = await loadDemo(store, {
            seed,
            size,
            onMention,
            onProgress: progress,
            keys: await keys(),
          });
          if (progress) process.stderr.write('\r\x1b[K');
          if (!report.ok) throw new CommandError(report.problems.map((p) => formatProblem(p)).join('\n'));
          process.stdout.write(
            `demo: ${report.records} records (${report.inserted} new, ${report.unchanged} already stored)\n`,
          );
        });
      } finally {
        truth?.end();
      }
    });
}
