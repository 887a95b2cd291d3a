// A series divided by another year by year, e.g. acts recorded per interview held.

import type { LineSeries } from './line-chart.ts';

/**
 * `numerator / denominator` for each year both have; `null` where either is withheld or unknown or
 * the denominator is zero (a rate over a withheld count would reveal it, so it stays withheld).
 */
export function rateSeries(
  numerator: LineSeries,
  denominator: LineSeries,
  name: { key: string; label: string; label_ko?: string },
): LineSeries {
  const below = new Map(denominator.values.map((v) => [v.year, v.value]));
  return {
    ...name,
    values: numerator.values.map(({ year, value }) => {
      const d = below.get(year) ?? null;
      return { year, value: value === null || d === null || d === 0 ? null : value / d };
    }),
  };
}
