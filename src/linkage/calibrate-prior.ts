/**
 * The prior log2 odds at which the scores of the candidate pairs expect as many matches as EM found
 * among them: Σ σ(prior + w_k) = expected. The scores weigh m against the random-pair u, EM weighed
 * it against the candidate pairs' own u; this makes the two models agree on how many matches there
 * are. Weights are binned (1/32 bit) so the search costs the same for any number of pairs.
 */
export function calibratePrior(weights: Float64Array, expected: number): number {
  const LOW = -80;
  const HIGH = 80;
  const STEP = 1 / 32;
  const bins = new Float64Array(Math.ceil((HIGH - LOW) / STEP) + 1);
  for (const w of weights) {
    const b = Math.round((Math.min(HIGH, Math.max(LOW, w)) - LOW) / STEP);
    bins[b]! += 1;
  }
  const expectedAt = (prior: number) => {
    let sum = 0;
    for (let b = 0; b < bins.length; b++) {
      const c = bins[b] as number;
      if (c > 0) sum += c / (1 + 2 ** -(prior + LOW + b * STEP));
    }
    return sum;
  };
  if (expected <= 0) return LOW;
  if (expected >= weights.length) return HIGH;
  let lo = -100;
  let hi = 100;
  for (let k = 0; k < 60; k++) {
    const mid = (lo + hi) / 2;
    if (expectedAt(mid) < expected) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}
