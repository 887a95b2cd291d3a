import type { FieldKeys } from '../access/field-cipher.ts';
import type { Viewer } from '../access/roles.ts';
import { FigureQuery } from '../provenance/figure-query.ts';
import type { Store } from '../store/store.ts';
import type { CrossTabRequest } from './cross-tab.ts';
import { type Tabulation, tabulate, trendOf } from './statistics.ts';
import type { Trend } from './trend.ts';

const all = FigureQuery.parse({});
const table = (request: Omit<CrossTabRequest, 'filter' | 'dating'>): CrossTabRequest => ({
  filter: all,
  dating: 'first-year',
  ...request,
});

/** The key figures of the workspace's dashboard. */
export const DASHBOARD_TABLES: { id: string; request: CrossTabRequest }[] = [
  { id: 'acts-by-type-and-year', request: table({ measure: 'acts', rows: 'act_type_top', columns: 'year' }) },
  { id: 'victims-by-year', request: table({ measure: 'victims', rows: 'year' }) },
  { id: 'victims-by-sex', request: table({ measure: 'victims', rows: 'victim_sex' }) },
  { id: 'victims-by-age', request: table({ measure: 'victims', rows: 'victim_age_group' }) },
  { id: 'acts-by-facility-type', request: table({ measure: 'acts', rows: 'facility_type' }) },
  { id: 'acts-by-law', request: table({ measure: 'acts', rows: 'law' }) },
  { id: 'acts-by-status', request: table({ measure: 'acts', rows: 'status' }) },
  { id: 'perpetrators-by-facility-type', request: table({ measure: 'perpetrators', rows: 'facility_type' }) },
];

/** The 2020 Reactionary Ideology and Culture Rejection Act was adopted in December 2020. */
export const RICRA_BREAK_YEAR = 2021;

export type Dashboard = { tables: (Tabulation & { id: string })[]; trend: Trend; seconds: number };

/** Every dashboard figure for a viewer (disclosure-controlled when asked, and always for the public). */
export async function dashboard(
  store: Store,
  viewer: Viewer,
  keys: FieldKeys,
  options: { protect?: boolean } = {},
): Promise<Dashboard> {
  const started = performance.now();
  const tables: (Tabulation & { id: string })[] = [];
  for (const { id, request } of DASHBOARD_TABLES)
    tables.push({ id, ...(await tabulate(store, viewer, keys, request, options)) });
  const trend = await trendOf(store, viewer, keys, {
    measure: 'acts',
    filter: FigureQuery.parse({ act_type: 'DETENTION' }),
    dating: 'first-year',
    breakYear: RICRA_BREAK_YEAR,
  });
  return { tables, trend, seconds: (performance.now() - started) / 1000 };
}
