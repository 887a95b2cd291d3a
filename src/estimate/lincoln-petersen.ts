import chisquareQuantile from '@stdlib/stats-base-dists-chisquare-quantile';
import { type CaptureData, marginOf } from './capture-data.ts';
import type { Estimate } from './estimate-report.ts';

/** Lincoln–Petersen: N = n1·n2 / m, for two lists of n1 and n2 units with m on both. */
export function lincolnPetersen(n1: number, n2: number, m: number): number {
  return (n1 * n2) / m;
}

/** Chapman's (1951) nearly unbiased variant: (n1 + 1)(n2 + 1) / (m + 1) − 1, finite even when m = 0. */
export function chapman(n1: number, n2: number, m: number): number {
  return ((n1 + 1) * (n2 + 1)) / (m + 1) - 1;
}

/** Seber's (1970) variance of Chapman's estimator. */
export function chapmanVariance(n1: number, n2: number, m: number): number {
  return ((n1 + 1) * (n2 + 1) * (n1 - m) * (n2 - m)) / ((m + 1) ** 2 * (m + 2));
}

/**
 * Chapman's estimate for two lists, with a log-normal interval (Chao 1987) so that the lower end
 * never falls below the number observed. Undefined when the lists do not overlap.
 */
export function chapmanEstimate(data: CaptureData, alpha = 0.05): Estimate | undefined {
  const n1 = marginOf(data, 1);
  const n2 = marginOf(data, 2);
  const m = marginOf(data, 3);
  if (m === 0) return undefined;
  const n = n1 + n2 - m;
  const N = chapman(n1, n2, m);
  const unseen = N - n;
  // z(1 − α/2) is the square root of the χ²₁ quantile at 1 − α.
  const z = Math.sqrt(chisquareQuantile(1 - alpha, 1));
  const c = unseen > 0 ? Math.exp(z * Math.sqrt(Math.log(1 + chapmanVariance(n1, n2, m) / unseen ** 2))) : 1;
  return {
    method: 'chapman',
    model: 'Chapman (two lists)',
    N,
    lower: n + unseen / c,
    upper: n + unseen * c,
    aic: null,
    bic: null,
    interval: `${Math.round((1 - alpha) * 100)}% log-normal (Chao 1987) with Seber's variance`,
  };
}
