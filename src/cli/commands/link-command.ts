import { once } from 'node:events';
import { createWriteStream, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Command } from 'commander';
import { z } from 'zod';
import { ConstraintConflict } from '../../linkage/cluster.ts';
import { LinkInputError, linkMentions } from '../../linkage/link-mentions.ts';
import { MentionInputError, readMentions } from '../../linkage/read-mentions.ts';
import { CommandError, parseOptions } from '../context.ts';

const LinkCommandOptions = z.object({
  input: z.string().min(1),
  output: z.string().min(1),
  explain: z.string().min(1).optional(),
  review: z.string().min(1).optional(),
  threshold: z.coerce
    .number()
    .gt(0, 'expected a probability between 0 and 1')
    .lt(1, 'expected a probability between 0 and 1'),
  reviewBand: z
    .string()
    .regex(/^\s*[0-9.]+\s*,\s*[0-9.]+\s*$/, 'expected LOW,HIGH, e.g. 0.2,0.8')
    .transform((s) => s.split(',').map(Number) as [number, number])
    .refine(([low, high]) => low >= 0 && low <= high && high <= 1, 'expected 0 ≤ LOW ≤ HIGH ≤ 1'),
});

/** `daylight link`: which person mentions are the same person (record linkage), from JSON Lines to JSON Lines. */
export function registerLink(program: Command): void {
  program
    .command('link')
    .description(
      'record linkage: group person mentions (JSON Lines) into people; writes {"id", "cluster"} for every mention',
    )
    .requiredOption(
      '--input <file>',
      'mentions, one JSON object a line: id, name, name_ko, sex, birth_year, origin, source, facility, detained_from, detained_to',
    )
    .requiredOption('--output <file>', 'where to write {"id": …, "cluster": …}, one line per input mention')
    .option('--explain <file>', 'also write the linked pairs with the weight of every field (JSON Lines)')
    .option('--review <file>', 'also write the uncertain pairs for human review (JSON Lines)')
    .option('--threshold <p>', 'match probability at which two mentions link', '0.5')
    .option('--review-band <low,high>', 'probabilities sent to review', '0.2,0.8')
    .action(async (raw: Record<string, unknown>) => {
      const options = parseOptions(LinkCommandOptions, raw, { reviewBand: 'review-band' });
      let mentions: Awaited<ReturnType<typeof readMentions>>;
      try {
        mentions = await readMentions(options.input, options.input);
      } catch (error) {
        if (error instanceof MentionInputError) throw new CommandError(error.message, 2);
        const code = (error as NodeJS.ErrnoException).code;
        if (code) throw new CommandError(`cannot read ${options.input}: ${code}`, 2);
        throw error;
      }
      let result: ReturnType<typeof linkMentions>;
      try {
        result = linkMentions(mentions, { threshold: options.threshold, reviewBand: options.reviewBand });
      } catch (error) {
        if (error instanceof LinkInputError || error instanceof ConstraintConflict)
          throw new CommandError(error.message, 2);
        throw error;
      }
      const outputs: { file: string; lines: Iterable<string> }[] = [
        {
          file: options.output,
          lines: mentions.map((m) => JSON.stringify({ id: m.id, cluster: result.clusters.get(m.id) })),
        },
      ];
      if (options.explain)
        outputs.push({ file: options.explain, lines: result.links.map((p) => JSON.stringify(p)) });
      if (options.review)
        outputs.push({ file: options.review, lines: result.uncertain.map((p) => JSON.stringify(p)) });
      await writeAllOrNothing(outputs);
      const s = result.stats;
      process.stdout.write(
        `${s.mentions} mentions → ${s.clusters} people; ${s.links} linked pairs, ${s.uncertain} for review; ${s.candidatePairs} pairs compared; EM ${result.model.converged ? 'converged' : 'did not converge'} in ${result.model.iterations} iterations; ${s.seconds.total.toFixed(1)} s\n`,
      );
    });
}

/** Writes every file beside its destination first and renames only when all are written. */
async function writeAllOrNothing(outputs: { file: string; lines: Iterable<string> }[]): Promise<void> {
  const temps: string[] = [];
  try {
    for (const { file, lines } of outputs) {
      const temp = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
      temps.push(temp);
      const stream = createWriteStream(temp, { encoding: 'utf8', mode: 0o600 });
      const failed = once(stream, 'error').then(([error]) => {
        throw error;
      });
      for (const line of lines)
        if (!stream.write(`${line}\n`)) await Promise.race([once(stream, 'drain'), failed]);
      stream.end();
      await Promise.race([once(stream, 'finish'), failed]);
    }
  } catch (error) {
    for (const temp of temps) rmSync(temp, { force: true });
    throw new CommandError(`cannot write output: ${(error as NodeJS.ErrnoException).code ?? 'error'}`, 1);
  }
  outputs.forEach(({ file }, k) => {
    renameSync(temps[k] as string, file);
  });
}
