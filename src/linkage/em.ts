import { FIELD_COUNT, LEVEL_COUNTS, levelOf } from './fields.ts';

/** Fellegi–Sunter parameters: share of matches λ, and per field and level P(level | match), P(level | non-match). */
export type FsParameters = { lambda: number; m: number[][]; u: number[][] };

export type EmResult = {
  parameters: FsParameters;
  iterations: number;
  converged: boolean;
  logLikelihood: number;
};

export type EmOptions = {
  /**
   * Keep u as given (estimated elsewhere, e.g. from random pairs) for every field (true) or for the
   * fields marked true; estimate the rest with m and λ.
   */
  fixU?: boolean | readonly boolean[];
  /** Keep m as given for the fields marked true (learnt in an earlier session). */
  fixM?: readonly boolean[];
  /**
   * Pseudo-pairs of prior weight on the starting m (a Dirichlet prior, so MAP-EM): keeps a small
   * data set from driving m to 0 or 1; negligible against thousands of pairs. Default 0.
   */
  pseudoCount?: number;
  maxIterations?: number;
  /** Stop when no parameter moves by more than this. */
  tolerance?: number;
};

const FLOOR = 1e-6;

/**
 * Expectation–maximisation for the two-class Fellegi–Sunter mixture under conditional independence,
 * over comparison patterns and their counts (so its cost does not grow with the number of pairs).
 * A missing field contributes nothing to either class. `counts[p]` is how many pairs have pattern p.
 */
export function fitEm(counts: ArrayLike<number>, initial: FsParameters, options: EmOptions = {}): EmResult {
  const maxIterations = options.maxIterations ?? 2000;
  const tolerance = options.tolerance ?? 1e-6;
  const patterns: number[] = [];
  const weights: number[] = [];
  for (let p = 0; p < counts.length; p++)
    if ((counts[p] as number) > 0) {
      patterns.push(p);
      weights.push(counts[p] as number);
    }
  if (patterns.length === 0) return { parameters: initial, iterations: 0, converged: true, logLikelihood: 0 };
  const levels = patterns.map((p) => Array.from({ length: FIELD_COUNT }, (_, f) => levelOf(p, f)));
  const pseudo = options.pseudoCount ?? 0;
  let { lambda } = initial;
  let m = initial.m.map((row) => [...row]);
  let u = initial.u.map((row) => [...row]);
  let iterations = 0;
  let converged = false;
  let logLikelihood = Number.NEGATIVE_INFINITY;
  while (iterations < maxIterations) {
    iterations++;
    const mNext = LEVEL_COUNTS.map((l) => new Array<number>(l).fill(0));
    const uNext = LEVEL_COUNTS.map((l) => new Array<number>(l).fill(0));
    let matched = 0;
    let total = 0;
    logLikelihood = 0;
    for (let k = 0; k < patterns.length; k++) {
      const level = levels[k] as number[];
      let pm = lambda;
      let pu = 1 - lambda;
      for (let f = 0; f < FIELD_COUNT; f++) {
        const l = level[f] as number;
        if (l === LEVEL_COUNTS[f]) continue;
        pm *= (m[f] as number[])[l]!;
        pu *= (u[f] as number[])[l]!;
      }
      const g = pm / (pm + pu);
      const c = weights[k] as number;
      logLikelihood += c * Math.log(pm + pu);
      matched += c * g;
      total += c;
      for (let f = 0; f < FIELD_COUNT; f++) {
        const l = level[f] as number;
        if (l === LEVEL_COUNTS[f]) continue;
        (mNext[f] as number[])[l]! += c * g;
        (uNext[f] as number[])[l]! += c * (1 - g);
      }
    }
    const normalise = (rows: number[][]) =>
      rows.map((row) => {
        const sum = row.reduce((a, b) => a + b, 0);
        if (sum <= 0) return row.map(() => 1 / row.length);
        const floored = row.map((v) => Math.max(v / sum, FLOOR));
        const s = floored.reduce((a, b) => a + b, 0);
        return floored.map((v) => v / s);
      });
    const lambdaNext = Math.min(Math.max(matched / total, FLOOR), 1 - FLOOR);
    if (pseudo > 0)
      for (let f = 0; f < FIELD_COUNT; f++)
        for (let l = 0; l < (LEVEL_COUNTS[f] as number); l++)
          (mNext[f] as number[])[l]! += pseudo * (initial.m[f] as number[])[l]!;
    const mFitted = normalise(mNext);
    const mNew = options.fixM
      ? m.map((row, f) => (options.fixM?.[f] ? row : (mFitted[f] as number[])))
      : mFitted;
    const fitted = normalise(uNext);
    const fix = options.fixU;
    const uNew =
      fix === true
        ? u
        : Array.isArray(fix)
          ? u.map((row, f) => (fix[f] ? row : (fitted[f] as number[])))
          : fitted;
    let change = Math.abs(lambdaNext - lambda);
    for (let f = 0; f < FIELD_COUNT; f++)
      for (let l = 0; l < (LEVEL_COUNTS[f] as number); l++) {
        change = Math.max(
          change,
          Math.abs((mNew[f] as number[])[l]! - (m[f] as number[])[l]!),
          Math.abs((uNew[f] as number[])[l]! - (u[f] as number[])[l]!),
        );
      }
    lambda = lambdaNext;
    m = mNew;
    u = uNew;
    if (change < tolerance) {
      converged = true;
      break;
    }
  }
  return { parameters: { lambda, m, u }, iterations, converged, logLikelihood };
}

/** A neutral start for m: each field's levels increasingly likely towards agreement. */
export function initialM(): number[][] {
  return LEVEL_COUNTS.map((l) => {
    const raw = Array.from({ length: l }, (_, k) => 2 ** (2 * k));
    const sum = raw.reduce((a, b) => a + b, 0);
    return raw.map((v) => v / sum);
  });
}
