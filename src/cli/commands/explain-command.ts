import type { Command } from 'commander';
import { ProofRulesError, readProofRules } from '../../proof/standards-of-proof.ts';
import { type Explanation, explainFigure, FigureError } from '../../provenance/explain-figure.ts';
import { FigureQuery } from '../../provenance/figure-query.ts';
import { CommandError, parseOptions, withContext } from '../context.ts';
import { figureFilterInput, withFigureFilters } from '../figure-filters.ts';

/** `daylight explain [filters]`: a figure and the acts, sources and assessments behind it. */
export function registerExplain(program: Command): void {
  withFigureFilters(program.command('explain'))
    .description(
      'a figure (how many acts or victims) and exactly the acts behind it, with their sources and assessments',
    )
    .option('--measure <m>', 'acts or victims', 'acts')
    .option('--standard <level>', 'only acts established at least to this standard (e.g. reasonable-grounds)')
    .option('--rules <file>', 'standards of proof to apply (default: data/reference/standards-of-proof.json)')
    .option('--limit <n>', 'list at most this many acts (text output)', '50')
    .option('--json', 'as JSON (every act)')
    .action(async (options: Record<string, string | boolean | undefined>) => {
      const query = parseOptions(FigureQuery, {
        measure: options.measure,
        ...figureFilterInput(options),
        standard: options.standard,
      });
      await withContext(program.opts(), async ({ store, viewer, keys }) => {
        let explanation: Explanation;
        try {
          const rules = typeof options.rules === 'string' ? readProofRules(options.rules) : undefined;
          explanation = await explainFigure(store, viewer, await keys(), query, rules);
        } catch (error) {
          if (error instanceof FigureError) throw new CommandError(`--${error.message}`, 2);
          if (error instanceof ProofRulesError) throw new CommandError(error.message, 2);
          throw error;
        }
        if (options.json) {
          process.stdout.write(`${JSON.stringify(explanation, null, 2)}\n`);
          return;
        }
        process.stdout.write(`${explanation.figure} = ${explanation.value}\n`);
        const limit = Number(options.limit);
        for (const act of explanation.acts.slice(0, limit)) {
          const sources = act.sources
            .map(
              (s) =>
                `${s.id} ${s.connection}${s.reliability ? ` reliability ${s.reliability}` : ''}${s.credibility ? ` credibility ${s.credibility}` : ''}`,
            )
            .join('; ');
          process.stdout.write(
            `${act.id}\t${act.act_type}\t${act.date ?? '-'}\t${act.facility ?? '-'}\t${act.status}\t${act.standard}${act.contradictions.length > 0 ? ` (contradicted: ${act.contradictions.join(', ')})` : ''}\t${act.victims} victim(s)\t${sources}\n`,
          );
        }
        if (explanation.acts.length > limit)
          process.stdout.write(`… ${explanation.acts.length - limit} more acts (--json for all)\n`);
        if (explanation.withheld > 0)
          process.stdout.write(`${explanation.withheld} counted acts are above the level you may read\n`);
      });
    });
}
