import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { extractWorkingGroupReport } from '../../upr/extract-working-group-report.ts';
import { importExtractedReport } from '../../upr/import-extracted-report.ts';
import { CommandError, withContext, withUsageErrors } from '../context.ts';

/** `daylight upr extract REPORT.pdf [--addendum ADD1.pdf] [--json]`: recommendations and state claims. */
export function registerUprExtract(upr: Command): void {
  upr
    .command('extract <report>')
    .description(
      'read a Working Group report PDF into its recommendations (with states and responses) and state claims',
    )
    .option(
      '--addendum <pdf>',
      'the addendum with the state’s responses to recommendations it was to examine',
    )
    .option('--json', 'as JSON')
    .option(
      '--import',
      'also put it into the knowledge base (recommendations with paragraph numbers, state claims)',
    )
    .action(async (report: string, options: { addendum?: string; json?: boolean; import?: boolean }) => {
      for (const path of [report, options.addendum])
        if (path !== undefined && !existsSync(path)) throw new CommandError(`no such file: ${path}`, 2);
      let extracted: Awaited<ReturnType<typeof extractWorkingGroupReport>>;
      try {
        extracted = await extractWorkingGroupReport(report, { addendumPath: options.addendum });
      } catch (error) {
        // pdfjs rejects files that are not PDFs with InvalidPDFException.
        if (error instanceof Error && /PDF/i.test(error.name + error.message))
          throw new CommandError(`not a readable PDF: ${error.message}`, 2);
        throw error;
      }
      if (options.import) {
        const program = upr.parent as Command;
        await withContext(program.opts(), async ({ store, viewer }) => {
          await withUsageErrors(async () => {
            const done = await importExtractedReport(store, viewer, extracted);
            process.stderr.write(
              `imported ${done.inserted} of ${done.recommendations} recommendation rows and ${done.claims} new state claims\n`,
            );
          });
        });
      }
      if (options.json) {
        process.stdout.write(`${JSON.stringify(extracted, null, 2)}\n`);
        return;
      }
      const byResponse = new Map<string, number>();
      for (const r of extracted.recommendations)
        byResponse.set(r.response ?? 'open', (byResponse.get(r.response ?? 'open') ?? 0) + 1);
      process.stdout.write(
        `${extracted.document ?? '(no symbol)'}: ${extracted.state_under_review ?? '(state not found)'}, session ${extracted.session ?? '?'}\n` +
          `${extracted.recommendations.length} recommendations (${[...byResponse].map(([k, v]) => `${v} ${k}`).join(', ')}), ` +
          `${extracted.state_claims.length} state claims\n`,
      );
      for (const r of extracted.recommendations)
        process.stdout.write(
          `${r.paragraph}\t${r.response ?? '-'}\t${r.recommending_states.join(', ')}\t${r.text.length > 100 ? `${r.text.slice(0, 99)}…` : r.text}\n`,
        );
    });
}
