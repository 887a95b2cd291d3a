import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { briefingDocx, briefingMarkdown } from '../../advocacy/briefing-document.ts';
import { AdvocacyError } from '../../advocacy/claim-themes.ts';
import {
  delegationBriefing,
  importOurRecommendations,
  recordAsk,
  recordMeeting,
} from '../../advocacy/delegations.ts';
import { formatProblem } from '../../interchange/import-records.ts';
import { CommandError, withContext } from '../context.ts';

/** Advocacy errors become usage errors naming the option. */
async function asUsage<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof AdvocacyError)
      throw new CommandError(`--${error.field.replaceAll('_', '-')}: ${error.message}`, 2);
    throw error;
  }
}

/** `daylight delegation …`: our recommendations, meetings with delegations, asks, briefings. */
export function registerDelegation(program: Command): void {
  const delegation = program
    .command('delegation')
    .description(
      'engagement with state delegations: our recommendations, meetings, asks, follow-ups, briefings',
    );
  const ours = delegation
    .command('recommendations')
    .description('our recommendations (what we ask states to make)');
  ours
    .command('import <file>')
    .description('add or replace ours from JSON lines {"id", "text", "themes"?}; all or nothing')
    .action(async (file: string) => {
      if (!existsSync(file)) throw new CommandError(`no such file: ${file}`, 2);
      await withContext(program.opts(), async ({ store, viewer }) => {
        const result = await importOurRecommendations(store, viewer, file, readFileSync(file, 'utf8'));
        if (!result.ok) {
          for (const p of result.problems.slice(0, 50)) process.stderr.write(`${formatProblem(p)}\n`);
          throw new CommandError(`nothing saved (${result.problems.length} problems)`, 2);
        }
        process.stdout.write(`${result.saved} recommendations saved\n`);
      });
    });
  ours
    .command('list')
    .description('ours, by id')
    .action(async () => {
      await withContext(program.opts(), async ({ store }) => {
        for (const r of await store.ourRecommendations())
          process.stdout.write(`${r.id}\t${r.themes.join('; ')}\t${r.text}\n`);
      });
    });
  delegation
    .command('meet')
    .description('record a meeting with a delegation (notes are sealed)')
    .requiredOption('--state <state>', 'the state (as UPR Info names it)')
    .requiredOption('--date <date>', 'YYYY-MM-DD')
    .option('--place <place>', 'where')
    .option('--notes <text>', 'what was said (sealed with the data key)')
    .action(async (options: { state: string; date: string; place?: string; notes?: string }) => {
      await withContext(program.opts(), async ({ store, viewer, keys }) => {
        const seq = await asUsage(async () => recordMeeting(store, viewer, await keys(), options));
        process.stdout.write(`meeting ${seq} with ${options.state} on ${options.date}\n`);
      });
    });
  delegation
    .command('ask')
    .description('record that we asked a state to make one of ours, or where that ask stands')
    .requiredOption('--state <state>', 'the state')
    .requiredOption('--recommendation <id>', 'one of ours')
    .option('--status <status>', 'asked, agreed, declined or made', 'asked')
    .option('--meeting <n>', 'the meeting it was asked at')
    .option('--follow-up <date>', 'when to follow it up (YYYY-MM-DD)')
    .option('--note <text>', 'a note (sealed)')
    .action(
      async (o: {
        state: string;
        recommendation: string;
        status: string;
        meeting?: string;
        followUp?: string;
        note?: string;
      }) => {
        await withContext(program.opts(), async ({ store, viewer, keys }) => {
          await asUsage(async () =>
            recordAsk(store, viewer, await keys(), {
              state: o.state,
              recommendation: o.recommendation,
              status: o.status,
              ...(o.meeting === undefined ? {} : { meeting: Number(o.meeting) }),
              ...(o.followUp === undefined ? {} : { follow_up: o.followUp }),
              ...(o.note === undefined ? {} : { note: o.note }),
            }),
          );
          process.stdout.write(`${o.state}: ${o.recommendation} ${o.status}\n`);
        });
      },
    );
  delegation
    .command('list')
    .description('meetings and asks, with follow-ups due')
    .option('--state <state>', 'one state only')
    .action(async (options: { state?: string }) => {
      await withContext(program.opts(), async ({ store }) => {
        const { meetings, asks } = await store.delegations(options.state);
        for (const m of meetings)
          process.stdout.write(`meeting ${m.seq}\t${m.date}\t${m.state}\t${m.place ?? ''}\n`);
        for (const a of asks)
          process.stdout.write(
            `ask\t${a.state}\t${a.recommendation}\t${a.status}${a.follow_up ? `\tfollow up by ${a.follow_up}` : ''}\n`,
          );
      });
    });
  delegation
    .command('briefing')
    .description("a one-page briefing for a meeting with a state's delegation")
    .requiredOption('--state <state>', 'the delegation')
    .requiredOption('--to <state>', 'state under review (e.g. "DPR Korea")')
    .requiredOption('--out <file>', 'briefing.docx (Word) or briefing.md (Markdown)')
    .action(async (options: { state: string; to: string; out: string }) => {
      if (!/\.(docx|md)$/.test(options.out)) throw new CommandError('--out: expected a .docx or .md file', 2);
      await withContext(program.opts(), async ({ store, viewer, keys }) => {
        const briefing = await delegationBriefing(store, viewer, await keys(), options.state, options.to);
        if (options.out.endsWith('.md')) writeFileSync(options.out, briefingMarkdown(briefing));
        else writeFileSync(options.out, await briefingDocx(briefing));
        process.stdout.write(
          `${options.out}: ${briefing.earlier.length} earlier recommendations of ${options.state}, ${briefing.suggested.length} of ours\n`,
        );
      });
    });
}
