import { z } from 'zod';
import { FigureQuery } from '../provenance/figure-query.ts';
import { type CrossTabRequest, MEASURES } from './cross-tab.ts';
import { DATINGS, DIMENSIONS } from './dimensions.ts';
import { type Basis, StatisticsError } from './statistics.ts';
import type { TrendRequest } from './trend.ts';

const filters = FigureQuery.omit({ measure: true, standard: true });
const basis = z
  .string()
  .regex(
    /^(documented|verified|standard:[a-z][a-z0-9-]*)$/,
    'expected documented, verified or standard:LEVEL',
  )
  .default('documented');
const year = z.coerce.number().int().min(1945).max(2100);

/** A table asked for, by `daylight stats table` and `GET /api/stats/table` alike. */
export const TableQuery = filters.extend({
  rows: z.enum(DIMENSIONS),
  columns: z.enum(DIMENSIONS).optional(),
  measure: z.enum(MEASURES).default('acts'),
  basis,
  dating: z.enum(DATINGS).default('first-year'),
  break_year: year.optional(),
  /** A flag on the command line, `true`/`false` in a URL. */
  protect: z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]).default(false),
  threshold: z.coerce.number().int().min(1).max(100).default(5),
  lang: z.enum(['en', 'ko']).default('en'),
});
export type TableQuery = z.infer<typeof TableQuery>;

/** A trend asked for, by `daylight stats trend` and `GET /api/stats/trend` alike. */
export const TrendQuery = filters.extend({
  break_year: year,
  measure: z.enum(MEASURES).default('acts'),
  basis,
  dating: z.enum(DATINGS).default('first-year'),
  from: z.coerce.number().int().optional(),
  to: z.coerce.number().int().optional(),
  lang: z.enum(['en', 'ko']).default('en'),
});
export type TrendQuery = z.infer<typeof TrendQuery>;

/** The figure filters of a table or trend query. */
function filtersOf(query: Record<string, unknown>): FigureQuery {
  const keys = Object.keys(filters.shape);
  return FigureQuery.parse(Object.fromEntries(Object.entries(query).filter(([k]) => keys.includes(k))));
}

/** `documented`, `verified` or `standard:LEVEL` as a basis. */
export function basisOf(value: string): Basis {
  return value === 'documented' || value === 'verified'
    ? value
    : { standard: value.slice('standard:'.length) };
}

/** A table query as the cross-tab it asks for and how to release it. */
export function tableRequestOf(q: TableQuery): {
  request: CrossTabRequest;
  options: { basis: Basis; protect: boolean; threshold: number };
} {
  if ((q.rows === 'period' || q.columns === 'period') && q.break_year === undefined)
    throw new StatisticsError('break_year', 'the period dimension needs a break year');
  return {
    request: {
      measure: q.measure,
      rows: q.rows,
      columns: q.columns,
      dating: q.dating,
      breakYear: q.break_year,
      filter: filtersOf(q),
    },
    options: { basis: basisOf(q.basis), protect: q.protect, threshold: q.threshold },
  };
}

/** A trend query as the trend it asks for. */
export function trendRequestOf(q: TrendQuery): TrendRequest {
  return {
    measure: q.measure,
    dating: q.dating,
    breakYear: q.break_year,
    from: q.from,
    to: q.to,
    filter: filtersOf(q),
  };
}
