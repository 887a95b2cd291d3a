import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import { type CaptureData, captureCount, observedTotal } from './capture-data.ts';
import { CAVEATS, type EstimateReport } from './estimate-report.ts';
import { fitLogLinearModel, isNotEstimable, type ModelFit } from './fit-log-linear-model.ts';
import { randomSource } from './random-source.ts';

/** Options of the stepwise method. */
export type StepwiseOptions = {
  /** An interaction enters while its p-value is below this (default 0.02, as SparseMSE's `pthresh`). */
  threshold?: number;
  /** Bootstrap resamples for the interval (default 500). */
  bootstrap?: number;
  seed?: number;
  alpha?: number;
};

/**
 * Forward stepwise selection as in SparseMSE's `stepwisefit` (Chan, Silverman & Vincent 2021): from
 * the main-effects model, add the two-way interaction whose coefficient has the smallest Wald
 * p-value, among those whose estimate exists, while that p-value is below the threshold.
 */
export function stepwiseFit(data: CaptureData, threshold = 0.02): ModelFit | undefined {
  const t = data.lists.length;
  let current = fitLogLinearModel(data, { lists: t, interactions: [] });
  if (isNotEstimable(current)) return undefined;
  const pairs = [...Array(1 << t).keys()].filter((mask) => captureCount(mask) === 2);
  for (;;) {
    let best: { fit: ModelFit; p: number } | undefined;
    for (const pair of pairs) {
      if (current.model.interactions.includes(pair)) continue;
      const interactions = [...current.model.interactions, pair];
      const fit = fitLogLinearModel(data, { lists: t, interactions }, undefined);
      if (isNotEstimable(fit)) continue;
      const j = 1 + t + interactions.length - 1;
      const z = (fit.poisson.coefficients[j] as number) / Math.sqrt(fit.poisson.variances[j] as number);
      const p = 2 * (1 - normalCdf(Math.abs(z), 0, 1));
      if (!best || p < best.p) best = { fit, p };
    }
    if (!best || best.p >= threshold) return current;
    current = best.fit;
  }
}

/**
 * The stepwise estimate with a nonparametric bootstrap interval: the observed units are resampled
 * (multinomially over their histories) and the whole selection is run again on each resample, so the
 * interval carries the uncertainty of choosing the model too.
 */
export function estimateStepwise(data: CaptureData, options: StepwiseOptions = {}): EstimateReport {
  const threshold = options.threshold ?? 0.02;
  const resamples = options.bootstrap ?? 500;
  const alpha = options.alpha ?? 0.05;
  const seed = options.seed ?? 1;
  const n = observedTotal(data);
  const report: EstimateReport = {
    n_observed: n,
    lists: data.lists,
    estimates: [],
    selected: null,
    warnings: [],
    caveats: CAVEATS,
    details: { threshold, bootstrap: resamples, seed },
  };
  const fit = stepwiseFit(data, threshold);
  if (!fit) {
    report.warnings.push(
      'the main-effects model gives no estimate for these data: stepwise selection cannot start',
    );
    return report;
  }
  const random = randomSource(seed);
  const weights = data.counts.slice(1);
  const draws: number[] = [];
  let failed = 0;
  for (let b = 0; b < resamples; b++) {
    const resample = random.multinomial(n, weights);
    const counts = [0, ...resample];
    const again = stepwiseFit({ lists: data.lists, counts }, threshold);
    if (again) draws.push(again.N);
    else failed++;
  }
  draws.sort((a, b) => a - b);
  if (failed)
    report.warnings.push(`${failed} of ${resamples} bootstrap resamples gave no estimate and were left out`);
  if (draws.length < 20) {
    report.warnings.push(
      'too few bootstrap resamples gave an estimate for an interval: no estimate reported',
    );
    return report;
  }
  const estimate = {
    method: 'stepwise' as const,
    model: fit.name,
    N: fit.N,
    lower: quantile(draws, alpha / 2),
    upper: quantile(draws, 1 - alpha / 2),
    aic: fit.aic,
    bic: fit.bic,
    deviance: fit.deviance,
    df: fit.df,
    interval: `${Math.round((1 - alpha) * 100)}% bootstrap percentile (${draws.length} resamples, seed ${seed})`,
  };
  report.estimates.push(estimate);
  report.selected = estimate;
  return report;
}

/** The q-quantile of sorted values, interpolating between neighbours. */
export function quantile(sorted: number[], q: number): number {
  const at = (sorted.length - 1) * q;
  const below = Math.floor(at);
  const above = Math.min(below + 1, sorted.length - 1);
  return (sorted[below] as number) + (at - below) * ((sorted[above] as number) - (sorted[below] as number));
}
