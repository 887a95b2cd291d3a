import beta from '@stdlib/random-base-beta';
import binomial from '@stdlib/random-base-binomial';
import gamma from '@stdlib/random-base-gamma';
import mt19937 from '@stdlib/random-base-mt19937';
import negativeBinomial from '@stdlib/random-base-negative-binomial';

/** Seeded random draws: the same seed gives the same sequence, so every estimate can be reproduced. */
export type RandomSource = {
  uniform: () => number;
  /** Gamma with shape and rate. */
  gamma: (shape: number, rate: number) => number;
  beta: (a: number, b: number) => number;
  binomial: (n: number, p: number) => number;
  /** Failures before the r-th success, each trial succeeding with probability p. */
  negativeBinomial: (r: number, p: number) => number;
  /** Splits n among categories with the given (unnormalised) weights. */
  multinomial: (n: number, weights: ArrayLike<number>, into?: Int32Array) => Int32Array;
};

/** Up to this many units, a multinomial is drawn unit by unit. */
const SMALL_MULTINOMIAL = 24;

/** A Mersenne Twister stream (stdlib) with the draws the samplers need. */
export function randomSource(seed: number): RandomSource {
  // The factory's declared type omits `normalized` (uniform on [0, 1)), which every stdlib PRNG has.
  const generator = mt19937.factory({ seed: (seed >>> 0) + 1 }) as unknown as { normalized: () => number };
  const uniform = generator.normalized;
  const options = { prng: uniform };
  const drawGamma = gamma.factory(options);
  const drawBeta = beta.factory(options);
  const drawBinomial = binomial.factory(options);
  const drawNegativeBinomial = negativeBinomial.factory(options);
  const drawBinomialSafe = (n: number, p: number): number => {
    if (n <= 0 || p <= 0) return 0;
    if (p >= 1) return n;
    if (p > 0.5) return n - drawBinomialSafe(n, 1 - p);
    // stdlib's sampler is slow when n is large and n·p small: invert the distribution function there.
    return n * p < 30 ? binomialByInversion(uniform, n, p) : drawBinomial(n, p);
  };
  return {
    uniform,
    gamma: drawGamma,
    beta: drawBeta,
    binomial: drawBinomialSafe,
    negativeBinomial: drawNegativeBinomial,
    multinomial: (n, weights, into) => {
      const counts = into ?? new Int32Array(weights.length);
      let remainingWeight = 0;
      for (let i = 0; i < weights.length; i++) remainingWeight += weights[i] as number;
      // Few units: draw each one's category directly, cheaper than a chain of binomials.
      if (n <= SMALL_MULTINOMIAL) {
        counts.fill(0);
        for (let unit = 0; unit < n; unit++) {
          let u = uniform() * remainingWeight;
          let i = 0;
          while (i < weights.length - 1 && u >= (weights[i] as number)) u -= weights[i++] as number;
          counts[i] = (counts[i] as number) + 1;
        }
        return counts;
      }
      let remaining = n;
      for (let i = 0; i < weights.length; i++) {
        const w = weights[i] as number;
        const draw = i === weights.length - 1 ? remaining : drawBinomialSafe(remaining, w / remainingWeight);
        counts[i] = draw;
        remaining -= draw;
        remainingWeight -= w;
      }
      return counts;
    },
  };
}

/** Binomial draw by sequential search from 0 (expected n·p + 1 steps; p ≤ 0.5, n·p small). */
function binomialByInversion(uniform: () => number, n: number, p: number): number {
  const ratio = p / (1 - p);
  let probability = (1 - p) ** n;
  let u = uniform();
  let k = 0;
  while (u > probability && k < n) {
    u -= probability;
    probability *= (ratio * (n - k)) / (k + 1);
    k++;
  }
  return k;
}
