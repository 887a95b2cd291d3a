import type { Command } from 'commander';
import { formatProblem } from '../../interchange/import-records.ts';
import { importUprInfo } from '../../upr/import-upr-info.ts';
import { followUp } from '../../upr/upr-follow-up.ts';
import { UprFilter } from '../../upr/upr-recommendation.ts';
import { CommandError, parseOptions, withContext } from '../context.ts';

/** Options named otherwise than their filter fields. */
const UPR_FLAGS = { state_under_review: 'to', recommending_state: 'from', recommending_group: 'group' };

/** The filter fields from the options of `upr search` and `upr follow-up` (absent options stay absent). */
function uprFilterInput(options: Record<string, unknown>): Record<string, unknown> {
  const input: Record<string, unknown> = {
    state_under_review: options.to,
    cycle: options.cycle,
    session: options.session,
    issue: options.issue,
    response: options.response,
    action: options.action,
    recommending_state: options.from,
    recommending_group: options.group,
    text: options.text,
    limit: options.limit,
  };
  return Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined));
}

/** `daylight upr …`: the UPR knowledge base. Returns the command group for other `upr` subcommands. */
export function registerUpr(program: Command): Command {
  const upr = program
    .command('upr')
    .description('the UPR knowledge base: recommendations, responses, reports');
  upr
    .command('import')
    .description("import UPR Info's CSV export (all or nothing; re-imports change nothing)")
    .argument(
      '<file>',
      'CSV with To, To-Rgrp, To-Org, Text, From, From-Rgrp, From-Org, Response, Action, Issue, Session',
    )
    .action(async (file: string) => {
      await withContext(program.opts(), async ({ store, viewer }) => {
        const report = await importUprInfo(store, viewer, file);
        if (!report.ok) {
          for (const problem of report.problems.slice(0, 200))
            process.stderr.write(`${formatProblem(problem)}\n`);
          throw new CommandError(`nothing imported (${report.problems.length} problems)`);
        }
        process.stdout.write(
          `${report.rows} recommendations: ${report.inserted} new, ${report.unchanged} already stored\n`,
        );
      });
    });
  upr
    .command('reviews')
    .description('reviews with their date, documents and how their recommendations were answered')
    .option('--to <state>', 'state under review, as UPR Info names it (e.g. "DPR Korea")')
    .option('--json', 'as JSON')
    .action(async (options: { to?: string; json?: boolean }) => {
      await withContext(program.opts(), async ({ store }) => {
        const reviews = await store.uprReviews({ state_under_review: options.to });
        if (options.json) process.stdout.write(`${JSON.stringify(reviews)}\n`);
        else
          for (const r of reviews)
            process.stdout.write(
              `${r.state_under_review}\tcycle ${r.cycle}\tsession ${r.session}\t${r.date ?? 'date unknown'}\t` +
                `${r.recommendations} recommendations (${r.supported} supported, ${r.noted} noted, ${r.pending} pending)\t` +
                `${r.documents.map((d) => d.symbol).join(' ')}\n`,
            );
      });
    });
  upr
    .command('search')
    .description(
      'recommendations by state under review, cycle, session, issue, response, action, recommending state or group, words',
    )
    .option('--to <state>', 'state under review, as UPR Info names it (e.g. "DPR Korea")')
    .option('--cycle <n>', 'UPR cycle')
    .option('--session <n>', 'Working Group session')
    .option('--issue <issue>', 'UPR Info issue (e.g. "Torture and other CID")')
    .option('--response <r>', 'supported, noted or pending')
    .option('--action <n>', 'action category 1–5')
    .option('--from <state>', 'recommending state')
    .option('--group <group>', 'regional group of the recommending state (Africa, Asia, EEG, GRULAC, WEOG)')
    .option('--text <words>', 'words in the recommendation')
    .option('--limit <n>', 'at most this many', '50')
    .option('--json', 'as JSON')
    .action(async (options: Record<string, string | boolean | undefined>) => {
      const filter = parseOptions(UprFilter, uprFilterInput(options), UPR_FLAGS);

      await withContext(program.opts(), async ({ store }) => {
        const result = await store.searchUprRecommendations(filter);
        if (options.json) {
          process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
          return;
        }
        for (const r of result.rows)
          process.stdout.write(
            `${r.state_under_review}\tsession ${r.session}\t${r.recommending_state}\t${r.response ?? 'pending'}\t${r.action ?? '-'}\t${r.text}\n`,
          );
        process.stderr.write(`${result.rows.length} of ${result.total}\n`);
      });
    });
  upr
    .command('follow-up')
    .description(
      'for each recommendation (same filters as search): the kinds of act it concerns and how many documented acts of them began after its review',
    )
    .option('--to <state>', 'state under review (e.g. "DPR Korea")')
    .option('--session <n>', 'Working Group session')
    .option('--issue <issue>', 'UPR Info issue')
    .option('--response <r>', 'supported, noted or pending')
    .option('--limit <n>', 'at most this many', '50')
    .option('--json', 'as JSON')
    .action(async (options: Record<string, string | boolean | undefined>) => {
      const filter = parseOptions(UprFilter, uprFilterInput(options), UPR_FLAGS);

      await withContext(program.opts(), async ({ store, viewer }) => {
        const rows = await followUp(store, viewer, filter);
        if (options.json) {
          process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
          return;
        }
        for (const row of rows) {
          const r = row.recommendation;
          process.stdout.write(
            `${r.state_under_review} ${row.review_year ?? '?'} (session ${r.session})\t${r.recommending_state}\t${r.response ?? 'pending'}\t${row.act_types.join(',') || '-'}\t${row.acts_after} acts after\t${r.text.length > 80 ? `${r.text.slice(0, 79)}…` : r.text}\n`,
          );
        }
        process.stderr.write(
          'the acts behind a number: npx daylight explain --act-types TYPES --after-year YEAR\n',
        );
      });
    });
  return upr;
}
