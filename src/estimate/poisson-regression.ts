import gammaln from '@stdlib/math-base-special-gammaln';
import { cholesky, choleskySolve, inverseDiagonal } from './linear-algebra.ts';

/**
 * A design matrix stored by rows, keeping only the non-zero entries: capture-recapture designs are
 * mostly zeros and ones, so the normal equations cost far less than with a dense matrix.
 */
export type SparseDesign = {
  columns: number;
  rows: { index: Int32Array; value: Float64Array }[];
};

/** A Poisson log-linear fit by iteratively reweighted least squares. */
export type PoissonFit = {
  coefficients: Float64Array;
  /** Variance of each coefficient (diagonal of the inverse information). */
  variances: Float64Array;
  fitted: Float64Array;
  deviance: number;
  logLikelihood: number;
  converged: boolean;
  iterations: number;
};

/** Why a fit gave no estimate. */
export type PoissonFailure = { failure: 'not-identifiable' | 'diverged' };

const MAX_ITERATIONS = 60;
const TOLERANCE = 1e-10;

/**
 * Fits log E(y) = Xβ by IRLS (Fisher scoring; the canonical link makes it Newton's method).
 * Starts from `start` when given (a neighbouring model's fit), else from log(y + 0.5).
 */
export function fitPoisson(
  design: SparseDesign,
  y: ArrayLike<number>,
  start?: Float64Array,
): PoissonFit | PoissonFailure {
  const p = design.columns;
  const m = design.rows.length;
  const eta = new Float64Array(m);
  const mu = new Float64Array(m);
  if (start) {
    for (let i = 0; i < m; i++) eta[i] = linearPredictor(design, i, start);
  } else {
    for (let i = 0; i < m; i++) eta[i] = Math.log((y[i] as number) + 0.5);
  }
  for (let i = 0; i < m; i++) mu[i] = Math.exp(eta[i] as number);
  let deviance = poissonDeviance(y, mu);
  let beta: Float64Array = new Float64Array(p);
  let factor: Float64Array | undefined;
  const information = new Float64Array(p * p);
  const score = new Float64Array(p);
  for (let iteration = 1; iteration <= MAX_ITERATIONS; iteration++) {
    information.fill(0);
    score.fill(0);
    for (let i = 0; i < m; i++) {
      const row = design.rows[i] as SparseDesign['rows'][number];
      const w = mu[i] as number;
      const z = (eta[i] as number) + ((y[i] as number) - w) / w;
      for (let a = 0; a < row.index.length; a++) {
        const ia = row.index[a] as number;
        const wa = w * (row.value[a] as number);
        score[ia] = (score[ia] as number) + wa * z;
        for (let b = 0; b <= a; b++) {
          const ib = row.index[b] as number;
          const at = ia >= ib ? ia * p + ib : ib * p + ia;
          information[at] = (information[at] as number) + wa * (row.value[b] as number);
        }
      }
    }
    for (let i = 0; i < p; i++)
      for (let j = 0; j < i; j++) information[j * p + i] = information[i * p + j] as number;
    factor = cholesky(information, p);
    if (!factor) return { failure: 'not-identifiable' };
    beta = choleskySolve(factor, p, score);
    for (let i = 0; i < m; i++) {
      eta[i] = linearPredictor(design, i, beta);
      mu[i] = Math.exp(eta[i] as number);
    }
    const next = poissonDeviance(y, mu);
    if (!Number.isFinite(next)) return { failure: 'diverged' };
    const change = Math.abs(next - deviance) / (Math.abs(next) + 0.1);
    deviance = next;
    if (change < TOLERANCE) {
      return {
        coefficients: beta,
        variances: inverseDiagonal(factor, p),
        fitted: mu,
        deviance,
        logLikelihood: poissonLogLikelihood(y, mu),
        converged: true,
        iterations: iteration,
      };
    }
  }
  return { failure: 'diverged' };
}

function linearPredictor(design: SparseDesign, i: number, beta: Float64Array): number {
  const row = design.rows[i] as SparseDesign['rows'][number];
  let sum = 0;
  for (let a = 0; a < row.index.length; a++)
    sum += (row.value[a] as number) * (beta[row.index[a] as number] as number);
  return sum;
}

/** 2 Σ [y log(y/μ) − (y − μ)]. */
export function poissonDeviance(y: ArrayLike<number>, mu: ArrayLike<number>): number {
  let total = 0;
  for (let i = 0; i < mu.length; i++) {
    const yi = y[i] as number;
    const mi = mu[i] as number;
    total += (yi > 0 ? yi * Math.log(yi / mi) : 0) - (yi - mi);
  }
  return 2 * total;
}

/** Σ [y log μ − μ − log y!]: the full log-likelihood, as R's glm uses for AIC. */
export function poissonLogLikelihood(y: ArrayLike<number>, mu: ArrayLike<number>): number {
  let total = 0;
  for (let i = 0; i < mu.length; i++) {
    const yi = y[i] as number;
    const mi = mu[i] as number;
    total += (yi > 0 ? yi * Math.log(mi) : 0) - mi - gammaln(yi + 1);
  }
  return total;
}

/** Whether a fit failed. */
export function isFailure(fit: PoissonFit | PoissonFailure): fit is PoissonFailure {
  return 'failure' in fit;
}
