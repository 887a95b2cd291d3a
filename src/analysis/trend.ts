import type { FigureQuery } from '../provenance/figure-query.ts';
import type { ActFact } from './act-fact.ts';
import { crossTab, type Measure } from './cross-tab.ts';
import type { AnalysisContext, Dating } from './dimensions.ts';
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
export function trend(facts: readonly ActFact[], context: AnalysisContext, request: TrendRequest): Trend {
  const within = (year: number) =>
    (request.from === undefined || year >= request.from) && (request.to === undefined || year <= request.to);
  const perYear = crossTab(facts, context, {
    measure: request.measure,
    rows: 'year',
    filter: request.filter,
    dating: request.dating,
  });
  // Effort: distinct sources per year over every act in scope of the filter's status only.
  const effort = new Map<number, Set<string>>();
  const periodSources = { before: new Set<string>(), after: new Set<string>() };
  for (const fact of facts) {
    if (fact.year_from === null) continue;
    if (request.dating === 'exact-only' && fact.year_to !== fact.year_from) continue;
    if (request.filter.status && fact.status !== request.filter.status) continue;
    const year = fact.year_from;
    if (!within(year)) continue;
    let set = effort.get(year);
    if (!set) {
      set = new Set();
      effort.set(year, set);
    }
    for (const s of fact.sources) {
      set.add(s);
      (year < request.breakYear ? periodSources.before : periodSources.after).add(s);
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
      facts.filter(
        (f) => f.year_from !== null && within(f.year_from) && f.year_from >= request.breakYear === after,
      ),
      context,
      { measure: request.measure, rows: 'year', filter: request.filter, dating: request.dating },
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
