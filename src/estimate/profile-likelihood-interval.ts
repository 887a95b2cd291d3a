import gammaln from '@stdlib/math-base-special-gammaln';
import chisquareQuantile from '@stdlib/stats-base-dists-chisquare-quantile';
import { type CaptureData, observedTotal } from './capture-data.ts';
import { designMatrix, type LogLinearModel } from './log-linear-model.ts';
import { fitPoisson, isFailure } from './poisson-regression.ts';

/** A multinomial estimate of N with its profile-likelihood confidence interval. */
export type ProfileInterval = {
  /** The multinomial maximum-likelihood estimate (slightly below the Poisson one). */
  N: number;
  lower: number;
  /** Infinity when the likelihood never falls far enough: the data cannot bound N from above. */
  upper: number;
};

/** Convergence of each refit: the profile is flat near its maximum, so it needs precise fits. */
const PROFILE_TOLERANCE = 1e-12;

/** The interval stops being searched at this many times the observed count: above it, it is unbounded. */
const UPPER_LIMIT_FACTOR = 1000;

/**
 * Cormack's (1992) profile-likelihood interval for N under a log-linear model: for each candidate N,
 * the model is refitted with N − n units in the unobserved cell, and the multinomial log-likelihood
 *   ℓ(N) = log N! − log (N − n)! + Σ_h y_h log(μ̂_h / N)   (over all 2^t cells)
 * is compared with its maximum; the interval holds the N within χ²₁(1 − α)/2 of it.
 */
export function profileLikelihoodInterval(
  data: CaptureData,
  model: LogLinearModel,
  poissonN: number,
  alpha = 0.05,
): ProfileInterval | undefined {
  const n = observedTotal(data);
  const design = designMatrix(model, true);
  const y = Float64Array.from(data.counts);
  let start: Float64Array | undefined;
  const profile = (N: number): number => {
    y[0] = N - n;
    // A warm start from the last N is fast, but a far jump can overshoot: then start afresh.
    let fit = fitPoisson(design, y, start, PROFILE_TOLERANCE);
    if (isFailure(fit)) fit = fitPoisson(design, y, undefined, PROFILE_TOLERANCE);
    if (isFailure(fit)) return Number.NaN;
    start = fit.coefficients;
    let total = gammaln(N + 1) - gammaln(N - n + 1);
    for (let h = 0; h < y.length; h++) {
      const count = y[h] as number;
      if (count > 0) total += count * Math.log((fit.fitted[h] as number) / N);
    }
    return total;
  };
  const limit = n * UPPER_LIMIT_FACTOR;
  // The maximum lies close to the Poisson estimate: search around it on a log scale.
  const best = maximise(profile, n, Math.min(limit, Math.max(poissonN * 4, n + 10)));
  if (!Number.isFinite(best.value)) return undefined;
  const threshold = best.value - chisquareQuantile(1 - alpha, 1) / 2;
  const below = (N: number) => profile(N) < threshold;
  const lower = profile(n) >= threshold ? n : bisect(below, n, best.at, true);
  let high = Math.max(best.at * 2, n + 10);
  while (!below(high) && high < limit) high *= 2;
  const upper = below(high) ? bisect(below, best.at, high, false) : Number.POSITIVE_INFINITY;
  return { N: best.at, lower, upper };
}

/** Golden-section search for the maximum of a unimodal function on [low, high]. */
function maximise(f: (x: number) => number, low: number, high: number): { at: number; value: number } {
  const ratio = (Math.sqrt(5) - 1) / 2;
  let a = low;
  let b = high;
  let c = b - ratio * (b - a);
  let d = a + ratio * (b - a);
  let fc = f(c);
  let fd = f(d);
  while (b - a > 1e-6 * Math.max(1, a)) {
    if (fc > fd) {
      b = d;
      d = c;
      fd = fc;
      c = b - ratio * (b - a);
      fc = f(c);
    } else {
      a = c;
      c = d;
      fc = fd;
      d = a + ratio * (b - a);
      fd = f(d);
    }
  }
  const at = (a + b) / 2;
  return { at, value: f(at) };
}

/** The boundary between `inside` and `outside` points, where `isOutside` changes, to 1e-7 relative. */
function bisect(isOutside: (x: number) => boolean, from: number, to: number, outsideAtFrom: boolean): number {
  let a = from;
  let b = to;
  while (b - a > 1e-7 * Math.max(1, a)) {
    const middle = (a + b) / 2;
    if (isOutside(middle) === outsideAtFrom) a = middle;
    else b = middle;
  }
  return (a + b) / 2;
}
