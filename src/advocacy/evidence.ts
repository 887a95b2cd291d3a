import type { FieldKeys } from '../access/field-cipher.ts';
import type { Viewer } from '../access/roles.ts';
import { tabulate } from '../analysis/statistics.ts';
import { FigureQuery } from '../provenance/figure-query.ts';

/** What the documented evidence says on some kinds of acts since a year. */
export type Evidence = {
  /** Verified acts of those types that began in the year or later (`null`: suppressed for the viewer). */
  acts: number | null;
  /** Per top-level act type (disclosure-controlled numbers for the public: `null` where suppressed). */
  byType: { act_type: string; acts: number | null }[];
  /** The figure as `daylight explain` and `daylight stats` take it (with `status=verified`). */
  query: FigureQuery;
};

/** Verified acts of these types (or narrower) that began in `from` or later, at the viewer's level. */
export async function verifiedActsSince(
  store: Parameters<typeof tabulate>[0],
  viewer: Viewer,
  keys: FieldKeys,
  actTypes: readonly string[],
  from: number,
): Promise<Evidence> {
  const filter = FigureQuery.parse({ act_types: [...actTypes], after_year: from - 1 });
  const { table, published } = await tabulate(
    store,
    viewer,
    keys,
    { measure: 'acts', rows: 'act_type_top', filter, dating: 'first-year' },
    { basis: 'verified' },
  );
  if (published)
    return {
      acts: published.total,
      byType: published.rows.map((row, i) => ({ act_type: row.key, acts: published.cells[i]?.[0] ?? null })),
      query: filter,
    };
  return {
    acts: table.distinctTotal,
    byType: table.rows.map((row, i) => ({ act_type: row.key, acts: table.cells[i]?.[0] ?? 0 })),
    query: filter,
  };
}
