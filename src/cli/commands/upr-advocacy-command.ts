import { existsSync, readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { z } from 'zod';
import { AdvocacyError, knownIssues, setClaimIssues } from '../../advocacy/claim-themes.ts';
import { claimsRegister } from '../../advocacy/claims-register.ts';
import { adviseDrafts } from '../../advocacy/drafting-aid.ts';
import { importStateClaims } from '../../advocacy/import-claims.ts';
import { readJsonLines } from '../../advocacy/read-json-lines.ts';
import { decideUptake, reviewUptake } from '../../advocacy/review-uptake.ts';
import { DEFAULT_UPTAKE_THRESHOLDS, OurRecommendation } from '../../advocacy/uptake.ts';
import { formatProblem } from '../../interchange/import-records.ts';
import { describeFigure } from '../../provenance/figure-query.ts';
import { CommandError, parseOptions, withContext } from '../context.ts';

const UptakeOptions = z.strictObject({
  to: z.string().min(1),
  session: z.coerce.number().int().min(1),
  match: z.coerce.number().min(0).max(1).default(DEFAULT_UPTAKE_THRESHOLDS.match),
  review: z.coerce.number().min(0).max(1).default(DEFAULT_UPTAKE_THRESHOLDS.review),
});

/** `daylight upr claims …` and `daylight upr uptake`: state claims against evidence; uptake after a review. */
export function registerUprAdvocacy(upr: Command): void {
  const program = upr.parent as Command;
  const claims = upr
    .command('claims')
    .description(
      'the state claims register: each claim of the state under review beside the verified acts that bear on it',
    )
    .option('--to <state>', 'state under review (e.g. "DPR Korea")')
    .option('--session <n>', 'only claims made in this session')
    .option('--json', 'as JSON')
    .action(async (options: { to?: string; session?: string; json?: boolean }) => {
      const session = options.session === undefined ? undefined : Number(options.session);
      if (session !== undefined && !Number.isInteger(session))
        throw new CommandError('--session: expected a number', 2);
      await withContext(program.opts(), async ({ store, viewer, keys }) => {
        const register = await claimsRegister(store, viewer, await keys(), {
          state_under_review: options.to,
          session,
        });
        if (options.json) {
          process.stdout.write(`${JSON.stringify(register, null, 2)}\n`);
          return;
        }
        for (const c of register) {
          process.stdout.write(`${c.document} ¶${c.paragraph} (session ${c.session}): ${c.text}\n`);
          process.stdout.write(`  themes (${c.issuesBy}): ${c.issues.join('; ') || '—'}\n`);
          if (!c.evidence) {
            process.stdout.write('  evidence: no act type bears on these themes\n');
            continue;
          }
          const types = c.evidence.byType.map((t) => `${t.act_type} ${t.acts ?? '<suppressed>'}`).join(', ');
          process.stdout.write(
            `  evidence: ${c.evidence.acts ?? '<suppressed>'} verified acts from ${c.year} on (${types || 'none'})\n`,
          );
          process.stdout.write(`  explain: ${describeFigure(c.evidence.query)} status=verified\n`);
        }
      });
    });
  claims
    .command('set-issues')
    .description("give a claim its themes (UPR issues), replacing the classifier's suggestion")
    .requiredOption('--document <symbol>', 'the document, e.g. A/HRC/42/10')
    .requiredOption('--paragraph <n>', 'its paragraph number')
    .requiredOption('--issues <list>', 'UPR issues, separated by ";" (see `daylight upr claims issues`)')
    .action(async (options: { document: string; paragraph: string; issues: string }) => {
      const issues = options.issues
        .split(';')
        .map((i) => i.trim())
        .filter(Boolean);
      await withContext(program.opts(), async ({ store, viewer }) => {
        try {
          await setClaimIssues(store, viewer, options, issues);
        } catch (error) {
          if (error instanceof AdvocacyError) throw new CommandError(`--${error.field}: ${error.message}`, 2);
          throw error;
        }
        process.stdout.write(`${options.document} ¶${options.paragraph}: ${issues.join('; ')}\n`);
      });
    });
  claims
    .command('import <file>')
    .description(
      'add claims from JSON lines (e.g. a national report): {document, state_under_review, session, paragraph, text, issues?}',
    )
    .action(async (file: string) => {
      if (!existsSync(file)) throw new CommandError(`no such file: ${file}`, 2);
      await withContext(program.opts(), async ({ store, viewer }) => {
        const result = await importStateClaims(store, viewer, file, readFileSync(file, 'utf8'));
        if (!result.ok) {
          for (const problem of result.problems.slice(0, 50))
            process.stderr.write(`${formatProblem(problem)}\n`);
          throw new CommandError(`nothing imported (${result.problems.length} problems)`, 2);
        }
        process.stdout.write(`${result.lines} claims: ${result.added} new\n`);
      });
    });
  claims
    .command('issues')
    .description('the UPR issues a claim may be given')
    .action(() => {
      process.stdout.write(`${knownIssues().join('\n')}\n`);
    });

  upr
    .command('uptake')
    .description(
      'which of our recommendations states made in a review (the review must be in the knowledge base)',
    )
    .option(
      '--ours <file>',
      'ours, JSON lines {"id", "text", "themes"?}; default: those stored (delegation recommendations import)',
    )
    .requiredOption('--to <state>', 'state under review (e.g. "DPR Korea")')
    .requiredOption('--session <n>', 'the session of the review')
    .option(
      '--match <similarity>',
      `counted as uptake from this similarity (default ${DEFAULT_UPTAKE_THRESHOLDS.match})`,
    )
    .option(
      '--review <similarity>',
      `listed for a person to decide from this similarity (default ${DEFAULT_UPTAKE_THRESHOLDS.review})`,
    )
    .option('--json', 'as JSON')
    .action(async (raw: { ours?: string; json?: boolean } & Record<string, unknown>) => {
      const options = parseOptions(UptakeOptions, {
        to: raw.to,
        session: raw.session,
        match: raw.match,
        review: raw.review,
      });
      let fromFile: OurRecommendation[] | undefined;
      if (raw.ours !== undefined) {
        if (!existsSync(raw.ours)) throw new CommandError(`no such file: ${raw.ours}`, 2);
        const read = readJsonLines(raw.ours, readFileSync(raw.ours, 'utf8'), OurRecommendation);
        if (!read.ok) {
          for (const problem of read.problems.slice(0, 50))
            process.stderr.write(`${formatProblem(problem)}\n`);
          throw new CommandError(`nothing matched (${read.problems.length} problems in ${raw.ours})`, 2);
        }
        fromFile = read.values;
      }
      if (options.review > options.match) throw new CommandError('--review: must not exceed --match', 2);
      await withContext(program.opts(), async ({ store }) => {
        const ours =
          fromFile ??
          (await store.ourRecommendations()).map(({ id, text, themes }) => ({ id, text, themes }));
        if (ours.length === 0)
          throw new CommandError('no recommendations of ours: give --ours or import them first', 2);
        const uptake = await reviewUptake(
          store,
          ours,
          { state_under_review: options.to, session: options.session },
          { match: options.match, review: options.review },
        );
        if (raw.json) {
          process.stdout.write(`${JSON.stringify(uptake, null, 2)}\n`);
          return;
        }
        if (uptake.made === 0)
          throw new CommandError(
            `no recommendations of ${options.to}, session ${options.session}: import the report first (daylight upr extract --import)`,
            2,
          );
        process.stdout.write(`${uptake.made} recommendations made; ${ours.length} of ours\n`);
        for (const p of uptake.pairs)
          process.stdout.write(
            `${p.decided ? `${p.decided}ed` : p.decision === 'match' ? 'taken up' : 'to review'}  ${p.similarity.toFixed(2)}  ${p.ours} ← ${p.made.recommending_state}${p.made.paragraph ? ` (${p.made.paragraph})` : ''} [${p.made.id}]: ${p.made.text}\n`,
          );
        process.stdout.write('\nby state:\n');
        for (const s of uptake.byState)
          process.stdout.write(`  ${s.state}${s.group ? ` (${s.group})` : ''}: ${s.ours.join(', ')}\n`);
        process.stdout.write('by theme:\n');
        for (const t of uptake.byTheme)
          process.stdout.write(`  ${t.theme}: ${t.takenUp} of ${t.ours} taken up, by ${t.states} states\n`);
        if (uptake.notTakenUp.length > 0)
          process.stdout.write(`not taken up: ${uptake.notTakenUp.join(', ')}\n`);
      });
    });

  upr
    .command('uptake-decide')
    .description(
      'record that a recommendation made does (--accept) or does not (--reject) take up one of ours',
    )
    .requiredOption('--ours <id>', 'our recommendation')
    .requiredOption('--made <id>', 'the recommendation made (its id, as `upr uptake` shows it)')
    .option('--accept', 'it takes ours up')
    .option('--reject', 'it does not')
    .action(async (options: { ours: string; made: string; accept?: boolean; reject?: boolean }) => {
      if (!options.accept === !options.reject) throw new CommandError('give --accept or --reject', 2);
      const decision = options.accept ? 'accept' : 'reject';
      await withContext(program.opts(), async ({ store, viewer }) => {
        await decideUptake(store, viewer, { ours: options.ours, made: options.made, decision });
        process.stdout.write(
          `${options.made} ${decision === 'accept' ? 'takes up' : 'does not take up'} ${options.ours}\n`,
        );
      });
    });

  upr
    .command('draft')
    .description(
      'advice on draft recommendations: action category, findings, similar earlier ones, likely states',
    )
    .requiredOption('--to <state>', 'state under review (e.g. "DPR Korea")')
    .option('--text <draft...>', 'a draft recommendation (repeatable)')
    .option('--file <drafts>', 'a text file with one draft per line')
    .option('--json', 'as JSON')
    .action(async (options: { to: string; text?: string[]; file?: string; json?: boolean }) => {
      if (options.file !== undefined && !existsSync(options.file))
        throw new CommandError(`no such file: ${options.file}`, 2);
      const drafts = [
        ...(options.text ?? []),
        ...(options.file ? readFileSync(options.file, 'utf8').split(/\r?\n/) : []),
      ]
        .map((d) => d.trim())
        .filter(Boolean);
      if (drafts.length === 0) throw new CommandError('give drafts with --text or --file', 2);
      await withContext(program.opts(), async ({ store, viewer, keys }) => {
        const advice = await adviseDrafts(store, viewer, await keys(), options.to, drafts);
        if (options.json) {
          process.stdout.write(`${JSON.stringify(advice, null, 2)}\n`);
          return;
        }
        for (const a of advice) {
          process.stdout.write(`\n${a.text}\n  action: ${a.action.category} (${a.action.name})\n`);
          if (a.action.advice) process.stdout.write(`  advice: ${a.action.advice}\n`);
          process.stdout.write(`  themes: ${a.issues.join('; ')}\n`);
          if (a.findings)
            process.stdout.write(
              `  findings: ${a.findings.acts ?? '<suppressed>'} verified acts since ${a.findings.since} (${describeFigure(a.findings.query)} status=verified)\n`,
            );
          for (const s of a.similar)
            process.stdout.write(
              `  similar ${s.similarity.toFixed(2)}: ${s.recommendation.recommending_state}, session ${s.recommendation.session} (${s.recommendation.response ?? 'pending'}): ${s.recommendation.text}\n`,
            );
          const carriers = a.carriers
            .slice(0, 8)
            .map((c) => `${c.state}${c.group ? ` (${c.group})` : ''} ×${c.similar}`);
          process.stdout.write(
            `  likely to carry it: ${carriers.join(', ') || 'no state made a similar recommendation'}\n`,
          );
        }
      });
    });
}
