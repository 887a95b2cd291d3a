import { stat } from 'node:fs/promises';
import type { Command } from 'commander';
import { formatProblem } from '../../interchange/import-records.ts';
import { readLines } from '../../interchange/read-lines.ts';
import { assessSource } from '../../review/assess-source.ts';
import { editRecords } from '../../review/edit-records.ts';
import { recordHistory } from '../../review/record-history.ts';
import { reviewQueue } from '../../review/review-queue.ts';
import { ReviewRefused, reviewRecord } from '../../review/review-record.ts';
import { REVIEW_ACTION_NAMES, type ReviewAction } from '../../review/workflow.ts';
import { CommandError, withContext, withUsageErrors } from '../context.ts';

/** `daylight edit FILE`, `daylight review ACTION ID`, `daylight review queue`, `daylight history ID`. */
export function registerReview(program: Command): void {
  program
    .command('edit')
    .description(
      'apply edits: each JSON line is a whole record with the version you read; all or nothing, each becomes a new version',
    )
    .argument('<file>', 'JSON Lines of edited records')
    .option('--reason <text>', 'why, for the audit trail')
    .action(async (file: string, options: { reason?: string }) => {
      if (!(await stat(file).catch(() => undefined))) throw new CommandError(`${file}: no such file`);
      await withContext(program.opts(), async ({ store, viewer, keys }) => {
        const report = await editRecords(
          store,
          viewer,
          await keys(),
          { file, lines: readLines(file) },
          options,
        );
        if (!report.ok) {
          for (const problem of report.problems) process.stderr.write(`${formatProblem(problem)}\n`);
          throw new CommandError(`nothing edited (${report.problems.length} problems)`);
        }
        process.stdout.write(`edited ${report.edited} records (${report.unchanged} unchanged)\n`);
      });
    });

  const review = program.command('review').description('the review workflow (four eyes)');
  review
    .command('queue')
    .description('what waits for review (submitted, under review), longest waiting first')
    .option('--limit <n>', 'at most this many', '50')
    .action(async (options: { limit: string }) => {
      await withContext(program.opts(), async ({ store, viewer }) => {
        const rows = await reviewQueue(store, viewer, Number(options.limit));
        for (const row of rows)
          process.stdout.write(
            `${row.since.slice(0, 19)}\t${row.status}\t${row.type}\t${row.id}\tv${row.version}\n`,
          );
        process.stderr.write(`${rows.length} waiting\n`);
      });
    });
  for (const action of REVIEW_ACTION_NAMES) {
    review
      .command(action)
      .description(
        {
          submit: 'submit a draft (or a record that needed more information) for review',
          start: 'start reviewing a submitted record',
          verify: 'verify a record under review (not one you coded)',
          'request-info': 'send a record back to its coder for more information',
          reject: 'reject a record under review',
          comment: 'add a comment to a record (sealed: it may name someone)',
        }[action],
      )
      .argument('<id>', 'the record')
      .option('--comment <text>', 'a comment, kept with the step')
      .option('--version <n>', 'act only if the record is still at this version')
      .action(async (id: string, options: { comment?: string; version?: string }) => {
        await withContext(program.opts(), async ({ store, viewer, keys }) => {
          try {
            const result = await reviewRecord(store, viewer, await keys(), {
              id,
              action: action as ReviewAction,
              comment: options.comment,
              version: options.version === undefined ? undefined : Number(options.version),
            });
            process.stdout.write(`${id} v${result.version}: ${result.status}\n`);
          } catch (error) {
            if (error instanceof ReviewRefused) throw new CommandError(error.message, 4);
            throw error;
          }
        });
      });
  }

  program
    .command('assess')
    .description(
      'record how reliable a source is (A–F), or how credible what it says about an act is (1–6), and why',
    )
    .argument('<source>', 'the source')
    .option('--reliability <A-F>', 'the source’s reliability')
    .option('--act <id>', 'assess what the source says about this act')
    .option('--credibility <1-6>', 'with --act: the credibility of that information')
    .requiredOption('--reason <text>', 'why (kept with the assessment)')
    .action(
      async (
        source: string,
        options: { reliability?: string; act?: string; credibility?: string; reason: string },
      ) => {
        await withContext(program.opts(), async ({ store, viewer, keys }) => {
          await withUsageErrors(async () => {
            const assessment = await assessSource(store, viewer, await keys(), { source, ...options });
            process.stdout.write(
              `${assessment.id}: ${source}${options.act ? ` on ${options.act}` : ''} assessed\n`,
            );
          });
        });
      },
    );

  program
    .command('history')
    .description("a record's versions with field-level changes, and its review steps")
    .argument('<id>', 'the record')
    .option('--json', 'as JSON')
    .action(async (id: string, options: { json?: boolean }) => {
      await withContext(program.opts(), async ({ store, viewer, keys }) => {
        const history = await recordHistory(store, viewer, await keys(), id);
        if (!history) throw new CommandError(`no record ${id}`);
        if (options.json) {
          process.stdout.write(`${JSON.stringify(history, null, 2)}\n`);
          return;
        }
        for (const v of history.versions) {
          process.stdout.write(`v${v.version}\t${v.updated_at}\t${v.updated_by}\t${v.status}\n`);
          for (const c of v.changes)
            process.stdout.write(`\t${c.path}: ${JSON.stringify(c.before)} → ${JSON.stringify(c.after)}\n`);
        }
        for (const s of history.reviews)
          process.stdout.write(
            `${s.at}\t${s.actor}\t${s.action}\tv${s.version}\t${s.from} → ${s.to}${s.comment ? `\t${s.comment}` : ''}\n`,
          );
      });
    });
}
