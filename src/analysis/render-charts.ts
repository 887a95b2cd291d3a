import type { FieldKeys } from '../access/field-cipher.ts';
import type { Viewer } from '../access/roles.ts';
import type { Facility } from '../domain/facility.ts';
import { FigureQuery } from '../provenance/figure-query.ts';
import { liveRecords } from '../records/live-records.ts';
import type { Store } from '../store/store.ts';
import { barChart, facilityMap, type Lang, lineChart } from './charts/index.ts';
import type { Measure } from './cross-tab.ts';
import { facilityPoints } from './facility-points.ts';
import { type Basis, type Tabulation, tabulate } from './statistics.ts';
import type { Trend } from './trend.ts';

/** A table as a bar chart: the protected counts when the table was protected. */
export function tableChart(tabulation: Tabulation, lang: Lang = 'en'): string {
  return barChart(tabulation.published ?? tabulation.table, {
    lang,
    title: `${tabulation.table.title} (${tabulation.basis})`,
    valueLabel: tabulation.table.request.measure,
  });
}

/** A trend as a line chart: counts per year, testimonies per year on the right, the break marked. */
export function trendChart(trend: Trend & { basis?: string }, lang: Lang = 'en'): string {
  return lineChart(
    [
      {
        key: trend.request.measure,
        label: trend.request.measure,
        values: trend.years.map((y) => ({ year: y.year, value: y.count })),
      },
    ],
    {
      title: `${trend.request.measure} per year (${trend.basis ?? 'documented'})`,
      lang,
      valueLabel: trend.request.measure,
      marker: {
        date: String(trend.request.breakYear),
        label: `from ${trend.request.breakYear}`,
        label_ko: `${trend.request.breakYear}년부터`,
      },
      secondary: {
        series: {
          key: 'testimonies',
          label: 'testimonies telling of the year',
          label_ko: '해당 연도를 진술한 증언',
          values: trend.years.map((y) => ({ year: y.year, value: y.documented_by })),
        },
        valueLabel: 'testimonies',
      },
    },
  );
}

/** The facility map: each place with its count (disclosure-controlled when asked, and for the public). */
export async function facilityMapSvg(
  store: Store,
  viewer: Viewer,
  keys: FieldKeys,
  options: { measure?: Measure; basis?: Basis; protect?: boolean; lang?: Lang } = {},
): Promise<{ svg: string; unplaced: number }> {
  const measure = options.measure ?? 'acts';
  const tabulation = await tabulate(
    store,
    viewer,
    keys,
    { measure, rows: 'facility', filter: FigureQuery.parse({}), dating: 'first-year' },
    { basis: options.basis, protect: options.protect },
  );
  const facilities = new Map<string, Facility>();
  for await (const f of liveRecords<Facility>(store, 'facility', keys)) facilities.set(f.id, f);
  const { points, unplaced } = facilityPoints(tabulation.table, tabulation.published, facilities);
  const svg = facilityMap(points, {
    title: `${measure} by facility (${tabulation.basis})`,
    lang: options.lang ?? 'en',
    countLabel: measure,
    threshold: tabulation.published?.threshold,
  });
  return { svg, unplaced };
}
