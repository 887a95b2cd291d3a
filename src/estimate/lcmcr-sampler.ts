import { type CaptureData, observedTotal } from './capture-data.ts';
import { type RandomSource, randomSource } from './random-source.ts';

/** Settings of the latent-class sampler; the defaults follow Manrique-Vallier (2016). */
export type LcmcrSettings = {
  /** Truncation: the most latent classes (default 10). */
  classes?: number;
  /** Sweeps discarded before keeping any (default 5,000). */
  burnIn?: number;
  /** Sweeps kept (default 10,000). */
  sweeps?: number;
  /** Keep one sweep in `thin` (default 1). */
  thin?: number;
  seed?: number;
  /** Gamma(a, b) prior on the stick-breaking concentration α (default 0.25, 0.25). */
  alphaPrior?: [number, number];
};

/** The kept draws of the population size, and what the sampler saw along the way. */
export type LcmcrDraws = {
  N: Float64Array;
  /** Number of classes holding at least one unit, at each kept sweep. */
  occupied: Int32Array;
  /** Mean weight of the last class: if not small, the truncation is too tight. */
  lastClassWeight: number;
};

/**
 * Gibbs sampler for the Bayesian non-parametric latent-class model of Manrique-Vallier (2016),
 * written from the model's definition:
 *   units fall in class k with probability π_k (truncated stick-breaking, concentration α ~ Gamma);
 *   within class k, list j records a unit independently with probability λ_jk ~ Beta(1, 1);
 *   N has the prior p(N) ∝ 1/N.
 * Each sweep draws the classes of the observed units (by history, multinomially), of the N − n
 * unobserved ones, then λ, the sticks, α, and N − n ~ NegativeBinomial(n, 1 − p0), where p0 is
 * the probability of being on no list.
 */
export function sampleLcmcr(data: CaptureData, settings: LcmcrSettings = {}): LcmcrDraws {
  const K = settings.classes ?? 10;
  const burnIn = settings.burnIn ?? 5000;
  const kept = settings.sweeps ?? 10000;
  const thin = settings.thin ?? 1;
  const [alphaShape, alphaRate] = settings.alphaPrior ?? [0.25, 0.25];
  const random = randomSource(settings.seed ?? 1);
  const t = data.lists.length;
  const H = 1 << t;
  const n = observedTotal(data);
  const histories = [...Array(H).keys()].filter((h) => h > 0 && (data.counts[h] ?? 0) > 0);

  const lambda = new Float64Array(t * K).map(() => random.beta(1, 1));
  const pi = new Float64Array(K);
  const sticks = new Float64Array(K);
  let alpha = 1;
  drawSticksFromPrior(random, sticks, pi, alpha);
  let unobserved = n;

  const weights = new Float64Array(K);
  const draw = new Int32Array(K);
  const classTotal = new Float64Array(K);
  const ones = new Float64Array(t * K);
  const logYes = new Float64Array(t * K);
  const logNo = new Float64Array(t * K);
  const N = new Float64Array(kept);
  const occupied = new Int32Array(kept);
  let lastClassWeight = 0;

  const totalSweeps = burnIn + kept * thin;
  for (let sweep = 0, stored = 0; sweep < totalSweeps; sweep++) {
    for (let i = 0; i < t * K; i++) {
      logYes[i] = Math.log(lambda[i] as number);
      logNo[i] = Math.log(1 - (lambda[i] as number));
    }
    classTotal.fill(0);
    ones.fill(0);
    // Classes of the observed units, history by history.
    for (const h of histories) {
      classWeights(h, t, K, pi, logYes, logNo, weights);
      random.multinomial(data.counts[h] as number, weights, draw);
      for (let k = 0; k < K; k++) {
        const m = draw[k] as number;
        if (m === 0) continue;
        classTotal[k] = (classTotal[k] as number) + m;
        for (let j = 0; j < t; j++) if (h & (1 << j)) ones[j * K + k] = (ones[j * K + k] as number) + m;
      }
    }
    // Classes of the unobserved units (history 0).
    classWeights(0, t, K, pi, logYes, logNo, weights);
    random.multinomial(unobserved, weights, draw);
    for (let k = 0; k < K; k++) classTotal[k] = (classTotal[k] as number) + (draw[k] as number);
    // Capture probabilities within each class.
    for (let j = 0; j < t; j++) {
      for (let k = 0; k < K; k++) {
        const yes = ones[j * K + k] as number;
        lambda[j * K + k] = clamp(random.beta(1 + yes, 1 + (classTotal[k] as number) - yes));
      }
    }
    // Sticks, then α.
    let rest = 0;
    for (let k = 0; k < K; k++) rest += classTotal[k] as number;
    let logRemainder = 0;
    let sumLogOneMinus = 0;
    for (let k = 0; k < K; k++) {
      rest -= classTotal[k] as number;
      const v =
        k === K - 1 ? 1 : Math.min(random.beta(1 + (classTotal[k] as number), alpha + rest), 1 - 1e-12);
      sticks[k] = v;
      pi[k] = Math.exp(logRemainder) * v;
      if (k < K - 1) {
        logRemainder += Math.log1p(-v);
        sumLogOneMinus += Math.log1p(-v);
      }
    }
    alpha = random.gamma(alphaShape + K - 1, alphaRate - sumLogOneMinus);
    // The unobserved: N − n ~ NegativeBinomial(n, 1 − p0) under p(N) ∝ 1/N.
    let p0 = 0;
    for (let k = 0; k < K; k++) {
      let none = pi[k] as number;
      for (let j = 0; j < t; j++) none *= 1 - (lambda[j * K + k] as number);
      p0 += none;
    }
    unobserved = random.negativeBinomial(n, Math.min(1 - p0, 1));
    if (sweep >= burnIn && (sweep - burnIn) % thin === 0) {
      N[stored] = n + unobserved;
      let used = 0;
      for (let k = 0; k < K; k++) if ((classTotal[k] as number) > 0) used++;
      occupied[stored] = used;
      lastClassWeight += (pi[K - 1] as number) / kept;
      stored++;
    }
  }
  return { N, occupied, lastClassWeight };
}

/** π_k · P(history h | class k), normalised is not needed (the multinomial normalises). */
function classWeights(
  h: number,
  t: number,
  K: number,
  pi: Float64Array,
  logYes: Float64Array,
  logNo: Float64Array,
  out: Float64Array,
): void {
  for (let k = 0; k < K; k++) {
    let log = Math.log(pi[k] as number);
    for (let j = 0; j < t; j++)
      log += h & (1 << j) ? (logYes[j * K + k] as number) : (logNo[j * K + k] as number);
    out[k] = Math.exp(log);
  }
}

function drawSticksFromPrior(
  random: RandomSource,
  sticks: Float64Array,
  pi: Float64Array,
  alpha: number,
): void {
  let remainder = 1;
  for (let k = 0; k < sticks.length; k++) {
    const v = k === sticks.length - 1 ? 1 : random.beta(1, alpha);
    sticks[k] = v;
    pi[k] = remainder * v;
    remainder *= 1 - v;
  }
}

/** Keeps probabilities off 0 and 1, where logarithms break. */
function clamp(p: number): number {
  return Math.min(Math.max(p, 1e-12), 1 - 1e-12);
}
