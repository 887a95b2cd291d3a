import betaQuantile from '@stdlib/stats-base-dists-beta-quantile';

/** A proportion's exact (Clopper–Pearson) confidence interval: x successes in n trials. */
export function clopperPearson(x: number, n: number, level = 0.95): [number, number] {
  const alpha = 1 - level;
  const lower = x === 0 ? 0 : betaQuantile(alpha / 2, x, n - x + 1);
  const upper = x === n ? 1 : betaQuantile(1 - alpha / 2, x + 1, n - x);
  return [lower, upper];
}

/** A comparison of two rates: counts over exposures (e.g. acts per interview), after against before. */
export type RateRatio = {
  ratio: number;
  /** Exact conditional interval (binomial on after / (after + before)); null bounds are unbounded. */
  interval: [number, number | null];
  level: number;
};

/**
 * The ratio of the rate after to the rate before, with an exact conditional confidence interval:
 * given a + b events, a is binomial with p = Ea·RR / (Ea·RR + Eb), so Clopper–Pearson bounds on p
 * give bounds on RR = p / (1 − p) · Eb / Ea. Exact at small counts, where a Wald interval is not.
 */
export function rateRatio(
  after: { count: number; exposure: number },
  before: { count: number; exposure: number },
  level = 0.95,
): RateRatio | undefined {
  if (after.exposure <= 0 || before.exposure <= 0 || after.count + before.count === 0) return undefined;
  const [pl, pu] = clopperPearson(after.count, after.count + before.count, level);
  const scale = before.exposure / after.exposure;
  const toRatio = (p: number) => (p / (1 - p)) * scale;
  return {
    ratio:
      before.count === 0
        ? Number.POSITIVE_INFINITY
        : after.count / after.exposure / (before.count / before.exposure),
    interval: [toRatio(pl), pu >= 1 ? null : toRatio(pu)],
    level,
  };
}
