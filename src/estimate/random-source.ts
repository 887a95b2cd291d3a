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
  const drawBinomialSafe = (n: number, p: number) => (n <= 0 || p <= 0 ? 0 : p >= 1 ? n : drawBinomial(n, p));
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
