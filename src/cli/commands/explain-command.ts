import type { Command } from 'commander';
import { ProofRulesError, readProofRules } from '../../proof/standards-of-proof.ts';
import { type Explanation, explainFigure, FigureError } from '../../provenance/explain-figure.ts';
import { FigureQuery } from '../../provenance/figure-query.ts';
import { CommandError, parseOptions, withContext } from '../context.ts';

/** `daylight explain [filters]`: a figure and the acts, sources and assessments behind it. */
export function registerExplain(program: Command): void {
  program
    .command('explain')
    .description(
      'a figure (how many acts or victims) and exactly the acts behind it, with their sources and assessments',
    )
    .option('--measure <m>', 'acts or victims', 'acts')
    .option('--act-type <code>', 'this act type or any narrower one')
    .option('--act-types <codes>', 'any of these act types (comma-separated)')
    .option('--after-year <yyyy>', 'acts that began after this year')
    .option('--facility <id>', 'at this facility')
    .option('--facility-type <code>', 'at facilities of this type')
    .option('--year <yyyy>', 'acts that began in this year')
    .option('--law <code>', 'invoking this law')
    .option('--norm <code>', 'engaging this norm')
    .option('--status <status>', 'only acts in this review state (e.g. verified)')
    .option('--standard <level>', 'only acts established at least to this standard (e.g. reasonable-grounds)')
    .option('--rules <file>', 'standards of proof to apply (default: data/reference/standards-of-proof.json)')
    .option('--limit <n>', 'list at most this many acts (text output)', '50')
    .option('--json', 'as JSON (every act)')
    .action(async (options: Record<string, string | boolean | undefined>) => {
      const query = parseOptions(FigureQuery, {
        measure: options.measure,
        act_type: options.actType,
        act_types: typeof options.actTypes === 'string' ? options.actTypes.split(',') : undefined,
        after_year: options.afterYear,
        facility: options.facility,
        facility_type: options.facilityType,
        year: options.year,
        law: options.law,
        norm: options.norm,
        status: options.status,
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
