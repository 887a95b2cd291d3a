import type { FigureQuery } from '../provenance/figure-query.ts';
import { crossTab, type Measure } from './cross-tab.ts';
import type { AnalysisContext, Dating } from './dimensions.ts';
import { type DistinctCounter, distinctCounter } from './distinct-counter.ts';
import { type FactTable, NO_YEAR } from './fact-table.ts';
import { type RateRatio, rateRatio } from './rate-ratio.ts';

/** A trend asked for: one measure per year, and the change across a break year. */
export type TrendRequest = {
  measure: Measure;
  filter: FigureQuery;
  dating: Dating;
  /** The first year of the "after" period (e.g. 2021 for a law adopted in December 2020). */
  breakYear: number;
  /** Only years in this span (inclusive); default: every dated year. */
  from?: number;
  to?: number;
};

export type TrendYear = {
  year: number;
  count: number;
  /** Testimonies (sources) that report any act in that year: how much the year is documented. */
  documented_by: number;
  /** Count per documenting source. */
  rate: number | null;
};

export type TrendPeriod = {
  from: number;
  to: number;
  count: number;
  documented_by: number;
  rate: number | null;
};

export type Trend = {
  request: TrendRequest;
  years: TrendYear[];
  before: TrendPeriod;
  after: TrendPeriod;
  /** After against before, per documenting source; `beyondEffort` when its interval excludes 1. */
  change: (RateRatio & { beyondEffort: 'increase' | 'decrease' | 'no' }) | undefined;
};

/**
 * Counts per year and the change across a break year, normalised by documentation effort: how many
 * testimonies tell of any act in that year (whatever its type), so that a year that more survivors
 * have spoken about does not look worse for that reason alone. Pure.
 */
export function trend(
  table: FactTable,
  context: AnalysisContext,
  request: TrendRequest,
  selection?: Int32Array,
): Trend {
  const within = (year: number) =>
    (request.from === undefined || year >= request.from) && (request.to === undefined || year <= request.to);
  const perYear = crossTab(
    table,
    context,
    { measure: request.measure, rows: 'year', filter: request.filter, dating: request.dating },
    selection,
  );
  // Effort: distinct sources per year over every act in scope of the filter's status only.
  const effort = new Map<number, DistinctCounter>();
  const sources = () => distinctCounter(table.sourceIds.length);
  const periodSources = { before: sources(), after: sources() };
  const periodActs = { before: [] as number[], after: [] as number[] };
  const status = request.filter.status === undefined ? -1 : table.statuses.indexOf(request.filter.status);
  const count = selection ? selection.length : table.size;
  for (let n = 0; n < count; n++) {
    const i = selection ? (selection[n] as number) : n;
    if (!selection && table.dead?.[i] === 1) continue;
    const year = table.yearFrom[i] as number;
    if (year === NO_YEAR || !within(year)) continue;
    (year >= request.breakYear ? periodActs.after : periodActs.before).push(i);
    if (request.dating === 'exact-only' && table.yearTo[i] !== year) continue;
    if (request.filter.status !== undefined && table.status[i] !== status) continue;
    let set = effort.get(year);
    if (!set) {
      set = sources();
      effort.set(year, set);
    }
    const period = year < request.breakYear ? periodSources.before : periodSources.after;
    for (let k = table.sources.start[i] as number; k < (table.sources.start[i + 1] as number); k++) {
      set.add(table.sources.items[k] as number);
      period.add(table.sources.items[k] as number);
    }
  }
  const years: TrendYear[] = [];
  perYear.rows.forEach((row, i) => {
    const year = Number(row.key);
    if (!Number.isInteger(year) || !within(year)) return;
    const count = perYear.cells[i]?.[0] ?? 0;
    const documented = effort.get(year)?.size ?? 0;
    years.push({ year, count, documented_by: documented, rate: documented > 0 ? count / documented : null });
  });
  const periodCount = (after: boolean) =>
    crossTab(
      table,
      context,
      { measure: request.measure, rows: 'year', filter: request.filter, dating: request.dating },
      Int32Array.from(after ? periodActs.after : periodActs.before),
    ).distinctTotal;
  const span = (after: boolean) => {
    const ys = years.filter((y) => y.year >= request.breakYear === after).map((y) => y.year);
    return ys.length > 0 ? { from: Math.min(...ys), to: Math.max(...ys) } : { from: NaN, to: NaN };
  };
  const period = (after: boolean): TrendPeriod => {
    const count = periodCount(after);
    const documented = (after ? periodSources.after : periodSources.before).size;
    return {
      ...span(after),
      count,
      documented_by: documented,
      rate: documented > 0 ? count / documented : null,
    };
  };
  const before = period(false);
  const after = period(true);
  const ratio = rateRatio(
    { count: after.count, exposure: after.documented_by },
    { count: before.count, exposure: before.documented_by },
  );
  const change = ratio && {
    ...ratio,
    beyondEffort:
      ratio.interval[0] > 1
        ? ('increase' as const)
        : ratio.interval[1] !== null && ratio.interval[1] < 1
          ? ('decrease' as const)
          : ('no' as const),
  };
  return { request, years, before, after, change };
}
