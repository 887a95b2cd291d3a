import type { CaptureData } from './capture-data.ts';
import { type EstimateOptions, estimate } from './estimate.ts';
import { CAVEATS, type Estimate, type EstimateReport } from './estimate-report.ts';

/** Capture histories of one stratum (a period, a facility type…). */
export type Stratum = { name: string; data: CaptureData };

/**
 * Estimates each stratum separately (each with its own selected model) and adds them up. The
 * total's interval combines the strata's as independent: each side's distance from the estimate
 * is added in quadrature (exact for symmetric normal intervals, an approximation otherwise).
 */
export function estimateStratified(strata: Stratum[], options: EstimateOptions): EstimateReport {
  const reports = strata.map((stratum) => ({ stratum, report: estimate(stratum.data, options) }));
  const warnings = reports.flatMap(({ stratum, report }) =>
    report.warnings.map((w) => `${stratum.name}: ${w}`),
  );
  const selected = reports.map(({ stratum, report }) =>
    report.selected ? { ...report.selected, model: `${stratum.name}: ${report.selected.model}` } : undefined,
  );
  const missing = reports.filter((_, i) => !selected[i]).map(({ stratum }) => stratum.name);
  const estimates: Estimate[] = [];
  if (missing.length) {
    warnings.push(`no total: stratum ${missing.join(', ')} has no estimate`);
  } else {
    const chosen = selected as Estimate[];
    const N = chosen.reduce((sum, e) => sum + e.N, 0);
    const below = Math.sqrt(chosen.reduce((sum, e) => sum + (e.N - e.lower) ** 2, 0));
    const above = Math.sqrt(chosen.reduce((sum, e) => sum + (e.upper - e.N) ** 2, 0));
    const observed = reports.reduce((sum, { report }) => sum + report.n_observed, 0);
    estimates.push({
      method: options.method,
      model: `total of ${strata.length} strata`,
      N,
      lower: Math.max(observed, N - below),
      upper: N + above,
      aic: null,
      bic: null,
      interval: 'sum of the strata; interval ends combined in quadrature (strata independent)',
    });
  }
  estimates.push(...(selected.filter(Boolean) as Estimate[]));
  return {
    n_observed: reports.reduce((sum, { report }) => sum + report.n_observed, 0),
    lists: strata[0]?.data.lists ?? [],
    estimates,
    selected: missing.length ? null : (estimates[0] ?? null),
    warnings,
    caveats: [...CAVEATS, 'strata are assumed independent, and no one belongs to two strata'],
    details: {
      strata: reports.map(({ stratum, report }) => ({
        stratum: stratum.name,
        n_observed: report.n_observed,
        selected: report.selected,
      })),
    },
  };
}
