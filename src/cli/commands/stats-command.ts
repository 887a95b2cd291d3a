import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { stringify } from 'csv-stringify/sync';
import { cellQuery } from '../../analysis/cell-query.ts';
import { MEASURES } from '../../analysis/cross-tab.ts';
import { DIMENSIONS } from '../../analysis/dimensions.ts';
import { facilityMapSvg, tableChart, trendChart } from '../../analysis/render-charts.ts';
import { StatisticsError, tabulate, trendOf } from '../../analysis/statistics.ts';
import {
  basisOf,
  TableQuery,
  TrendQuery,
  tableRequestOf,
  trendRequestOf,
} from '../../analysis/table-query.ts';
import { CommandError, parseOptions, withContext } from '../context.ts';
import { explainArguments, figureFilterInput, withFigureFilters } from '../figure-filters.ts';

/** `daylight stats table|trend`: counts, cross-tabulations and trends, each figure explainable. */
export function registerStats(program: Command): void {
  const stats = program
    .command('stats')
    .description('counts, cross-tabulations and trends of documented acts');
  withFigureFilters(stats.command('table'))
    .description('count acts, victims, perpetrators or facilities by one or two dimensions')
    .requiredOption('--rows <dimension>', `one of ${DIMENSIONS.join(', ')}`)
    .option('--columns <dimension>', 'a second dimension')
    .option('--measure <m>', MEASURES.join(', '), 'acts')
    .option(
      '--basis <b>',
      'documented, verified, or standard:LEVEL (e.g. standard:reasonable-grounds)',
      'documented',
    )
    .option('--dating <d>', 'first-year (a ranged date counts in its first year) or exact-only', 'first-year')
    .option('--break-year <yyyy>', 'for the period dimension: the first year of "after"')
    .option('--protect', 'apply disclosure control (cells below the threshold suppressed, with complements)')
    .option('--threshold <n>', 'disclosure threshold', '5')
    .option('--json', 'as JSON')
    .option('--csv', 'as CSV: one line per cell, with the explain arguments that list its acts')
    .option('--svg <file>', 'also write the table as a bar chart (SVG)')
    .option('--lang <lang>', 'language of the chart: en or ko', 'en')
    .action(async (options: Record<string, string | boolean | undefined>) => {
      const query = parseOptions(TableQuery, { ...figureFilterInput(options), ...statsInput(options) });
      const { request, options: release } = statisticsErrors(() => tableRequestOf(query));
      await withContext(program.opts(), async ({ store, viewer, keys }) => {
        const result = await statisticsErrorsAsync(async () =>
          tabulate(store, viewer, await keys(), request, release),
        );
        if (typeof options.svg === 'string') writeFileSync(options.svg, tableChart(result, query.lang));
        const shown = result.published ?? { ...result.table, suppressed: [] };
        const cells = shown.rows.flatMap((row, i) =>
          shown.columns.map((column, j) => {
            const figure = cellQuery(request, row.key, request.columns ? column.key : undefined);
            return {
              row: row.key,
              column: request.columns ? column.key : undefined,
              count: shown.cells[i]?.[j] ?? null,
              explain: figure
                ? `daylight explain --measure ${figure.measure} ${explainArguments(figure)}`.trim()
                : null,
            };
          }),
        );
        if (options.json) {
          process.stdout.write(
            `${JSON.stringify({ basis: result.basis, request, table: shown, distinct_total: result.table.distinctTotal, additive: result.table.additive, ranged_acts: result.table.rangedActs, cells }, null, 2)}\n`,
          );
        } else if (options.csv) {
          process.stdout.write(
            stringify(
              cells.map((c) => [c.row, c.column ?? '', c.count ?? 'suppressed', c.explain ?? '']),
              { header: true, columns: [request.rows, request.columns ?? '', request.measure, 'explain'] },
            ),
          );
        } else {
          process.stdout.write(
            `${result.table.title} (${result.basis}${result.published ? ', disclosure-controlled' : ''})\n`,
          );
          const columns = shown.columns.map((c) => c.key);
          process.stdout.write(`${['', ...columns].join('\t')}\n`);
          shown.rows.forEach((row, i) => {
            process.stdout.write(
              `${[row.key, ...(shown.cells[i] ?? []).map((c) => (c === null ? `<${result.published?.threshold ?? 5}` : String(c)))].join('\t')}\n`,
            );
          });
          process.stdout.write(
            `distinct ${request.measure}: ${result.published && result.table.distinctTotal > 0 && result.table.distinctTotal < (result.published.threshold ?? 5) ? 'suppressed' : result.table.distinctTotal}` +
              `${result.table.additive ? '' : ' (units fall in several cells: cells do not add up to it)'}` +
              `${result.table.rangedActs > 0 ? `; ${result.table.rangedActs} acts dated to a range of years (${request.dating})` : ''}\n`,
          );
        }
      });
    });
  withFigureFilters(stats.command('trend'))
    .description('per year, and the change across a break year normalised by documentation effort')
    .requiredOption(
      '--break-year <yyyy>',
      'first year of the "after" period (e.g. 2021 for a law of December 2020)',
    )
    .option('--measure <m>', MEASURES.join(', '), 'acts')
    .option('--basis <b>', 'documented, verified, or standard:LEVEL', 'documented')
    .option('--dating <d>', 'first-year or exact-only', 'first-year')
    .option('--from <yyyy>', 'first year shown')
    .option('--to <yyyy>', 'last year shown')
    .option('--json', 'as JSON')
    .option('--svg <file>', 'also write the trend as a line chart (SVG)')
    .option('--lang <lang>', 'language of the chart: en or ko', 'en')
    .action(async (options: Record<string, string | boolean | undefined>) => {
      const query = parseOptions(TrendQuery, {
        ...figureFilterInput(options),
        ...statsInput(options),
        from: options.from,
        to: options.to,
      });
      const request = trendRequestOf(query);
      await withContext(program.opts(), async ({ store, viewer, keys }) => {
        const t = await statisticsErrorsAsync(async () =>
          trendOf(store, viewer, await keys(), request, { basis: basisOf(query.basis) }),
        );
        if (typeof options.svg === 'string') writeFileSync(options.svg, trendChart(t, query.lang));
        if (options.json) {
          process.stdout.write(`${JSON.stringify(t, null, 2)}\n`);
          return;
        }
        process.stdout.write(`year\t${request.measure}\ttestimonies\tper testimony\n`);
        for (const y of t.years)
          process.stdout.write(
            `${y.year}\t${y.count}\t${y.documented_by}\t${y.rate === null ? '-' : y.rate.toFixed(3)}\n`,
          );
        const c = t.change;
        process.stdout.write(
          c
            ? `after/before ${request.breakYear}: ${c.ratio.toFixed(2)}× per testimony (95% exact interval ${c.interval[0].toFixed(2)}–${c.interval[1] === null ? '∞' : c.interval[1].toFixed(2)}): ${c.beyondEffort === 'no' ? 'not beyond what documentation effort explains' : `an ${c.beyondEffort} beyond documentation effort`}\n`
            : 'no change can be computed (nothing documented on one side of the break)\n',
        );
      });
    });
  stats
    .command('map')
    .description('the facility map (SVG): each facility with its count, drawn offline')
    .requiredOption('--svg <file>', 'where to write the map')
    .option('--measure <m>', MEASURES.join(', '), 'acts')
    .option('--basis <b>', 'documented, verified, or standard:LEVEL', 'documented')
    .option('--protect', 'apply disclosure control to the counts')
    .option('--lang <lang>', 'en or ko', 'en')
    .action(async (options: Record<string, string | boolean | undefined>) => {
      const query = parseOptions(
        TableQuery.pick({ measure: true, basis: true, protect: true, lang: true }),
        statsInput(options),
      );
      await withContext(program.opts(), async ({ store, viewer, keys }) => {
        const map = await statisticsErrorsAsync(async () =>
          facilityMapSvg(store, viewer, await keys(), { ...query, basis: basisOf(query.basis) }),
        );
        writeFileSync(options.svg as string, map.svg);
        process.stdout.write(
          `wrote ${options.svg}${map.unplaced > 0 ? ` (${map.unplaced} facilities without a known location are not drawn)` : ''}\n`,
        );
      });
    });
}

/** The options every statistics command shares, as the query schemas name them. */
function statsInput(options: Record<string, unknown>): Record<string, unknown> {
  const input: Record<string, unknown> = {
    rows: options.rows,
    columns: options.columns,
    measure: options.measure,
    basis: options.basis,
    dating: options.dating,
    break_year: options.breakYear,
    protect: options.protect === undefined ? undefined : Boolean(options.protect),
    threshold: options.threshold,
    lang: options.lang,
  };
  return Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined));
}

/** A request the statistics cannot answer as asked, as a usage error naming the option. */
function usageError(error: unknown): never {
  if (error instanceof StatisticsError)
    throw new CommandError(`--${error.field.replaceAll('_', '-')}: ${error.message}`, 2);
  throw error;
}

function statisticsErrors<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    usageError(error);
  }
}

async function statisticsErrorsAsync<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    usageError(error);
  }
}
