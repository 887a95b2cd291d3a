import { readFileSync, writeFileSync } from 'node:fs';
import { extname } from 'node:path';
import type { Command } from 'commander';
import type { z } from 'zod';
import { buildStatement } from '../../advocacy/build-statement.ts';
import { type BuildResult, buildSubmission } from '../../advocacy/build-submission.ts';
import { defaultStatementSpec, defaultSubmissionSpec } from '../../advocacy/default-submission.ts';
import type { BuildIssue } from '../../advocacy/document-builder.ts';
import { lineOfField, readSpecFile, SpecFileError } from '../../advocacy/read-spec-file.ts';
import type { ReportDocument } from '../../advocacy/report-document.ts';
import { reportDocx } from '../../advocacy/report-docx.ts';
import { reportMarkdown } from '../../advocacy/report-markdown.ts';
import { StatementSpec } from '../../advocacy/statement-spec.ts';
import { minutesAndSeconds } from '../../advocacy/statement-timing.ts';
import { SubmissionSpec } from '../../advocacy/submission-spec.ts';
import { CommandError, withContext } from '../context.ts';

type ReportOptions = {
  spec?: string;
  out?: string;
  markdown?: string;
  omitUnconsented?: boolean;
  json?: boolean;
};

/** `daylight report submission|statement`: UPR documents built from the evidence, to Word and Markdown. */
export function registerReport(program: Command): void {
  const report = program.command('report').description('UPR advocacy documents built live from the evidence');
  withReportOptions(report.command('submission'))
    .description('a stakeholder submission to the UPR (without --spec: an example from the database)')
    .action(async (options: ReportOptions) => {
      checkOutputs(options);
      await withContext(program.opts(), async ({ store, viewer, keys }) => {
        const spec = options.spec
          ? readSpec(options.spec, SubmissionSpec)
          : await defaultSubmissionSpec(store, viewer);
        const result = await buildSubmission(store, viewer, await keys(), spec, unconsented(options));
        finish(result, options);
        await writeOutputs(result.document as ReportDocument, options);
        const over = result.words - result.limit;
        if (options.json) return;
        process.stdout.write(
          `words: ${result.words.toLocaleString('en-GB')} of ${result.limit.toLocaleString('en-GB')} (${over > 0 ? `OVER the limit by ${over}` : 'within the limit'}; footnotes counted); ${plural(result.figures.length, 'figure')}, ${plural(result.document?.footnotes.length ?? 0, 'footnote')}\n`,
        );
        if (over > 0) process.exitCode = 1;
      });
    });
  withReportOptions(report.command('statement'))
    .description('a statement at the UPR pre-session, timed against its slot (without --spec: an example)')
    .action(async (options: ReportOptions) => {
      checkOutputs(options);
      await withContext(program.opts(), async ({ store, viewer, keys }) => {
        const spec = options.spec
          ? readSpec(options.spec, StatementSpec)
          : await defaultStatementSpec(store, viewer);
        const result = await buildStatement(store, viewer, await keys(), spec, unconsented(options));
        finish(result, options);
        await writeOutputs(result.document as ReportDocument, options);
        if (options.json) return;
        const t = result.timing;
        process.stdout.write(
          `words: ${t.words} spoken; ${minutesAndSeconds(t.minutes)} at ${t.words_per_minute} words per minute; slot ${t.slot.min}–${t.slot.max} min: ${t.fit === 'within' ? 'within the slot' : t.fit === 'over' ? `OVER: cut ${t.adjust_by} words` : `UNDER: ${t.adjust_by} words to spare`}\n`,
        );
      });
    });
}

function withReportOptions(command: Command): Command {
  return command
    .option('--spec <file>', 'the document spec (JSON; docs/advocacy.md)')
    .option('--out <file>', 'write the document: .docx (Word) or .md (Markdown)')
    .option('--markdown <file>', 'also write it as Markdown')
    .option(
      '--omit-unconsented',
      'leave out quotations and citations whose consent does not allow them (default: refuse)',
    )
    .option('--json', 'print the result (word count, figures with their queries, warnings) as JSON');
}

function unconsented(options: ReportOptions) {
  return { unconsented: options.omitUnconsented ? ('omit' as const) : ('refuse' as const) };
}

function readSpec<T>(path: string, schema: z.ZodType<T>): T {
  try {
    return readSpecFile(path, schema);
  } catch (error) {
    if (error instanceof SpecFileError) throw new CommandError(error.message, 2);
    throw error;
  }
}

/** Prints warnings; refuses (exit 2) with every problem, located in the spec file, if the build failed. */
function finish(result: Omit<BuildResult, 'limit'>, options: ReportOptions): void {
  const where = (issue: BuildIssue) => {
    const path = issue.path.join('.') || '(spec)';
    if (!options.spec) return `(example spec): ${path}: ${issue.message}`;
    return `${options.spec}:${lineOfField(readFileSync(options.spec, 'utf8'), issue.path)}: ${path}: ${issue.message}`;
  };
  for (const warning of result.warnings) process.stderr.write(`warning: ${where(warning)}\n`);
  if (!result.ok) throw new CommandError(result.problems.map(where).join('\n'), 2);
  if (options.json)
    process.stdout.write(
      `${JSON.stringify({ ...result, document: undefined, warnings: result.warnings.map(where) }, null, 2)}\n`,
    );
}

/** Refuses an output it cannot write before anything is built. */
function checkOutputs(options: ReportOptions): void {
  if (!options.out) return;
  const kind = extname(options.out).toLowerCase();
  if (kind === '.pdf')
    throw new CommandError(
      '--out: PDF needs a converter (LibreOffice or pandoc), none is installed: write .docx and convert it',
      2,
    );
  if (kind !== '.docx' && kind !== '.md') throw new CommandError('--out: expected a .docx or .md file', 2);
}

async function writeOutputs(document: ReportDocument, options: ReportOptions): Promise<void> {
  if (options.out) {
    if (extname(options.out).toLowerCase() === '.docx')
      writeFileSync(options.out, await reportDocx(document));
    else writeFileSync(options.out, reportMarkdown(document));
  }
  if (options.markdown) writeFileSync(options.markdown, reportMarkdown(document));
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
