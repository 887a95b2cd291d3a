import { type CaptureData, observedTotal } from './capture-data.ts';
import { CAVEATS, type EstimateReport } from './estimate-report.ts';
import { quantile } from './estimate-stepwise.ts';
import { type LcmcrSettings, sampleLcmcr } from './lcmcr-sampler.ts';
import { chainDiagnostics } from './mcmc-diagnostics.ts';

/** Options of the latent-class method. */
export type LcmcrOptions = LcmcrSettings & { alpha?: number };

/** Below this effective sample size the posterior quantiles are too noisy to report as they are. */
const MIN_EFFECTIVE_SAMPLE = 200;

/**
 * The Bayesian latent-class estimate (LCMCR): posterior median of N with its central credible
 * interval, and the diagnostics a reader needs to trust the chain (effective sample size, Geweke's z,
 * classes used). Reproducible: the same seed gives the same draws.
 */
export function estimateLcmcr(data: CaptureData, options: LcmcrOptions = {}): EstimateReport {
  const seed = options.seed ?? 1;
  const settings = { classes: 10, burnIn: 5000, sweeps: 10000, thin: 1, ...options, seed };
  const alpha = options.alpha ?? 0.05;
  const report: EstimateReport = {
    n_observed: observedTotal(data),
    lists: data.lists,
    estimates: [],
    selected: null,
    warnings: [],
    caveats: CAVEATS,
    details: {},
  };
  if (report.n_observed === 0) {
    report.warnings.push('no one is on any list: nothing to estimate from');
    return report;
  }
  const draws = sampleLcmcr(data, settings);
  const sorted = Array.from(draws.N).sort((a, b) => a - b);
  const diagnostics = chainDiagnostics(draws.N);
  const meanOccupied = draws.occupied.reduce((sum, k) => sum + k, 0) / draws.occupied.length;
  report.details = {
    seed,
    classes: settings.classes,
    burn_in: settings.burnIn,
    sweeps: settings.sweeps,
    thin: settings.thin,
    effective_sample_size: Math.round(diagnostics.effectiveSampleSize),
    geweke_z: Number(diagnostics.gewekeZ.toFixed(3)),
    mean_classes_used: Number(meanOccupied.toFixed(2)),
    last_class_weight: Number(draws.lastClassWeight.toPrecision(3)),
    posterior_mean: Number((sorted.reduce((sum, v) => sum + v, 0) / sorted.length).toFixed(1)),
  };
  if (diagnostics.effectiveSampleSize < MIN_EFFECTIVE_SAMPLE)
    report.warnings.push(
      `effective sample size ${Math.round(diagnostics.effectiveSampleSize)}: the chain mixes slowly; run more sweeps (--sweeps) before trusting the interval`,
    );
  if (Math.abs(diagnostics.gewekeZ) > 2)
    report.warnings.push(
      `Geweke's z = ${diagnostics.gewekeZ.toFixed(2)}: the chain may not have converged; lengthen the burn-in (--burn-in)`,
    );
  if (draws.lastClassWeight > 0.01)
    report.warnings.push(
      'the last latent class carries weight: the truncation is too tight; raise --classes',
    );
  const estimate = {
    method: 'lcmcr' as const,
    model: `LCMCR (K = ${settings.classes})`,
    N: quantile(sorted, 0.5),
    lower: quantile(sorted, alpha / 2),
    upper: quantile(sorted, 1 - alpha / 2),
    aic: null,
    bic: null,
    interval: `${Math.round((1 - alpha) * 100)}% posterior credible interval; N is the posterior median (seed ${seed})`,
  };
  report.estimates.push(estimate);
  report.selected = estimate;
  return report;
}
