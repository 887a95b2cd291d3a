/** Convergence diagnostics of one chain's draws. */
export type ChainDiagnostics = {
  /** Effective sample size (Geyer's initial positive sequence of autocorrelations). */
  effectiveSampleSize: number;
  /** Geweke's z: mean of the first 10% against the last 50%, by batch-means variances. |z| > 2 is suspect. */
  gewekeZ: number;
};

/** Effective sample size and Geweke's z of a chain. */
export function chainDiagnostics(draws: ArrayLike<number>): ChainDiagnostics {
  const values = Array.from(draws);
  const early = values.slice(0, Math.floor(values.length * 0.1));
  const late = values.slice(Math.floor(values.length * 0.5));
  const z =
    (mean(early) - mean(late)) / Math.sqrt(varianceOfMean(early) + varianceOfMean(late) || Number.MIN_VALUE);
  return { effectiveSampleSize: effectiveSampleSize(values), gewekeZ: z };
}

function mean(values: number[]): number {
  return values.reduce((sum, v) => sum + v, 0) / Math.max(values.length, 1);
}

/** Variance of the mean of a correlated series, by non-overlapping batch means (√n batches). */
function varianceOfMean(values: number[]): number {
  const batches = Math.max(2, Math.floor(Math.sqrt(values.length)));
  const size = Math.floor(values.length / batches);
  if (size < 1) return 0;
  const means: number[] = [];
  for (let b = 0; b < batches; b++) means.push(mean(values.slice(b * size, (b + 1) * size)));
  const m = mean(means);
  const variance = means.reduce((sum, v) => sum + (v - m) ** 2, 0) / (batches - 1);
  return variance / batches;
}

/** n / (1 + 2 Σ ρ_k), summing autocorrelation pairs while their sum stays positive (Geyer 1992). */
export function effectiveSampleSize(values: number[]): number {
  const n = values.length;
  const m = mean(values);
  const variance = values.reduce((sum, v) => sum + (v - m) ** 2, 0) / n;
  if (variance === 0) return n;
  const autocorrelation = (lag: number) => {
    let sum = 0;
    for (let i = 0; i + lag < n; i++) sum += ((values[i] as number) - m) * ((values[i + lag] as number) - m);
    return sum / n / variance;
  };
  let total = 0;
  for (let lag = 1; lag + 1 < n; lag += 2) {
    const pair = autocorrelation(lag) + autocorrelation(lag + 1);
    if (pair <= 0) break;
    total += pair;
  }
  return n / (1 + 2 * total);
}
