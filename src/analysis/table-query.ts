import { z } from 'zod';
import { FigureQuery } from '../provenance/figure-query.ts';
import { MEASURES } from './cross-tab.ts';
import { DATINGS, DIMENSIONS } from './dimensions.ts';

const filters = FigureQuery.omit({ measure: true, standard: true });

/** A table asked for over HTTP (the same fields as `daylight stats table`). */
export const TableQuery = filters.extend({
  rows: z.enum(DIMENSIONS),
  columns: z.enum(DIMENSIONS).optional(),
  measure: z.enum(MEASURES).default('acts'),
  basis: z
    .string()
    .regex(
      /^(documented|verified|standard:[a-z][a-z0-9-]*)$/,
      'expected documented, verified or standard:LEVEL',
    )
    .default('documented'),
  dating: z.enum(DATINGS).default('first-year'),
  break_year: z.coerce.number().int().min(1945).max(2100).optional(),
  protect: z.enum(['true', 'false']).optional(),
  threshold: z.coerce.number().int().min(1).max(100).default(5),
});
export type TableQuery = z.infer<typeof TableQuery>;

/** A trend asked for over HTTP. */
export const TrendQuery = filters.extend({
  break_year: z.coerce.number().int().min(1945).max(2100),
  measure: z.enum(MEASURES).default('acts'),
  basis: TableQuery.shape.basis,
  dating: z.enum(DATINGS).default('first-year'),
  from: z.coerce.number().int().optional(),
  to: z.coerce.number().int().optional(),
});
export type TrendQuery = z.infer<typeof TrendQuery>;

/** The figure filters of a table or trend query. */
export function filtersOf(query: Record<string, unknown>): FigureQuery {
  const keys = Object.keys(filters.shape);
  return FigureQuery.parse(Object.fromEntries(Object.entries(query).filter(([k]) => keys.includes(k))));
}

/** `documented`, `verified` or `standard:LEVEL` as a basis. */
export function basisOf(value: string): 'documented' | 'verified' | { standard: string } {
  return value === 'documented' || value === 'verified'
    ? value
    : { standard: value.slice('standard:'.length) };
}
