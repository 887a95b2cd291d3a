import gammaln from '@stdlib/math-base-special-gammaln';
import { cholesky, choleskySolve, inverseDiagonal } from './linear-algebra.ts';

/**
 * A design matrix stored by rows, keeping only the non-zero entries: capture-recapture designs are
 * mostly zeros and ones, so the normal equations cost far less than with a dense matrix.
 */
export type SparseDesign = {
  columns: number;
  /** Row i's entries are at rowStart[i] .. rowStart[i + 1] − 1 of `index` (column) and `value`. */
  rowStart: Int32Array;
  index: Int32Array;
  value: Float64Array;
  /**
   * Set when every column is the indicator "history contains these lists" (intercept, main effects,
   * interactions) and row i is history `first + i` of `lists` lists: the normal equations are then
   * superset sums of the weights, computed in t·2^t steps instead of row by row.
   */
  subsets?: { lists: number; first: number; terms: Int32Array };
};

/** Number of rows of a design. */
export function rowCount(design: SparseDesign): number {
  return design.rowStart.length - 1;
}

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
// R's glm stops at 1e-8 (Rcapture fits with glm); 1e-9 keeps the published figures to every printed digit.
// The profile likelihood asks for more: its maximum is flat.
const TOLERANCE = 1e-9;

/**
 * Fits log E(y) = Xβ by IRLS (Fisher scoring; the canonical link makes it Newton's method).
 * Starts from `start` when given (a neighbouring model's fit), else from log(y + 0.5).
 */
export function fitPoisson(
  design: SparseDesign,
  y: ArrayLike<number>,
  start?: Float64Array,
  tolerance = TOLERANCE,
): PoissonFit | PoissonFailure {
  const p = design.columns;
  const m = rowCount(design);
  const { rowStart, index, value } = design;
  const work = workspace(m, p, design.subsets ? 1 << design.subsets.lists : 0);
  const eta = work.eta;
  const mu = new Float64Array(m);
  if (start && design.subsets) {
    subsetLinearPredictor(design.subsets, start, work.weightSums, eta);
  } else if (start) {
    for (let i = 0; i < m; i++) eta[i] = linearPredictor(design, i, start);
  } else {
    for (let i = 0; i < m; i++) eta[i] = Math.log((y[i] as number) + 0.5);
  }
  for (let i = 0; i < m; i++) mu[i] = Math.exp(eta[i] as number);
  let deviance = devianceAt(y, eta, mu);
  let beta: Float64Array = new Float64Array(p);
  let factor: Float64Array | undefined;
  const { information, factorBuffer, score, solveBuffer } = work;
  const subsets = design.subsets;
  const weightSums = subsets ? work.weightSums : undefined;
  const responseSums = subsets ? work.responseSums : undefined;
  for (let iteration = 1; iteration <= MAX_ITERATIONS; iteration++) {
    information.fill(0);
    score.fill(0);
    if (subsets && weightSums && responseSums) {
      supersetNormalEquations(subsets, mu, eta, y, weightSums, responseSums, information, score);
    } else
      for (let i = 0; i < m; i++) {
        const w = mu[i] as number;
        const z = (eta[i] as number) + ((y[i] as number) - w) / w;
        const end = rowStart[i + 1] as number;
        for (let a = rowStart[i] as number; a < end; a++) {
          const ia = index[a] as number;
          const wa = w * (value[a] as number);
          score[ia] = (score[ia] as number) + wa * z;
          for (let b = rowStart[i] as number; b <= a; b++) {
            const ib = index[b] as number;
            const at = ia >= ib ? ia * p + ib : ib * p + ia;
            information[at] = (information[at] as number) + wa * (value[b] as number);
          }
        }
      }
    for (let i = 0; i < p; i++)
      for (let j = 0; j < i; j++) information[j * p + i] = information[i * p + j] as number;
    factor = cholesky(information, p, factorBuffer);
    if (!factor) return { failure: 'not-identifiable' };
    beta = choleskySolve(factor, p, score, solveBuffer, work.beta);
    if (subsets && weightSums) subsetLinearPredictor(subsets, beta, weightSums, eta);
    else for (let i = 0; i < m; i++) eta[i] = linearPredictor(design, i, beta);
    for (let i = 0; i < m; i++) mu[i] = Math.exp(eta[i] as number);
    const next = devianceAt(y, eta, mu);
    if (!Number.isFinite(next)) return { failure: 'diverged' };
    const change = Math.abs(next - deviance) / (Math.abs(next) + 0.1);
    deviance = next;
    if (change < tolerance) {
      return {
        coefficients: Float64Array.from(beta),
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

/** Scratch arrays of one size, reused from fit to fit: a model search makes tens of thousands of fits. */
type Workspace = {
  eta: Float64Array;
  information: Float64Array;
  factorBuffer: Float64Array;
  score: Float64Array;
  solveBuffer: Float64Array;
  beta: Float64Array;
  weightSums: Float64Array;
  responseSums: Float64Array;
};
const workspaces = new Map<number, Workspace>();
function workspace(m: number, p: number, cells: number): Workspace {
  const key = (m * 1024 + p) * 1024 + cells;
  let work = workspaces.get(key);
  if (!work) {
    work = {
      eta: new Float64Array(m),
      information: new Float64Array(p * p),
      factorBuffer: new Float64Array(p * p),
      score: new Float64Array(p),
      solveBuffer: new Float64Array(p),
      beta: new Float64Array(p),
      weightSums: new Float64Array(cells),
      responseSums: new Float64Array(cells),
    };
    workspaces.set(key, work);
  }
  return work;
}

/** XᵀWX and XᵀWz for subset-indicator columns: entry (S, T) is the sum of weights over histories ⊇ S ∪ T. */
function supersetNormalEquations(
  subsets: NonNullable<SparseDesign['subsets']>,
  mu: Float64Array,
  eta: Float64Array,
  y: ArrayLike<number>,
  weightSums: Float64Array,
  responseSums: Float64Array,
  information: Float64Array,
  score: Float64Array,
): void {
  const cells = 1 << subsets.lists;
  weightSums.fill(0);
  responseSums.fill(0);
  for (let i = 0; i < mu.length; i++) {
    const w = mu[i] as number;
    weightSums[subsets.first + i] = w;
    responseSums[subsets.first + i] = w * (eta[i] as number) + (y[i] as number) - w;
  }
  for (let j = 0; j < subsets.lists; j++) {
    const bit = 1 << j;
    for (let h = 0; h < cells; h++) {
      if (h & bit) continue;
      weightSums[h] = (weightSums[h] as number) + (weightSums[h | bit] as number);
      responseSums[h] = (responseSums[h] as number) + (responseSums[h | bit] as number);
    }
  }
  const terms = subsets.terms;
  const p = terms.length;
  for (let a = 0; a < p; a++) {
    const ta = terms[a] as number;
    score[a] = responseSums[ta] as number;
    for (let b = 0; b <= a; b++) information[a * p + b] = weightSums[ta | (terms[b] as number)] as number;
  }
}

/** η_h = Σ of β_S over the model's terms S ⊆ h: a subset-sum transform in t·2^t steps. */
function subsetLinearPredictor(
  subsets: NonNullable<SparseDesign['subsets']>,
  beta: Float64Array,
  scratch: Float64Array,
  eta: Float64Array,
): void {
  scratch.fill(0);
  const terms = subsets.terms;
  for (let a = 0; a < terms.length; a++) scratch[terms[a] as number] = beta[a] as number;
  const cells = 1 << subsets.lists;
  for (let j = 0; j < subsets.lists; j++) {
    const bit = 1 << j;
    for (let h = 0; h < cells; h++)
      if (h & bit) scratch[h] = (scratch[h] as number) + (scratch[h ^ bit] as number);
  }
  for (let i = 0; i < eta.length; i++) eta[i] = scratch[subsets.first + i] as number;
}

function linearPredictor(design: SparseDesign, i: number, beta: Float64Array): number {
  let sum = 0;
  const end = design.rowStart[i + 1] as number;
  for (let a = design.rowStart[i] as number; a < end; a++)
    sum += (design.value[a] as number) * (beta[design.index[a] as number] as number);
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

/**
 * The deviance where μ = exp(η): 2 Σ [y log y − y η − y + μ], with Σ y log y and Σ y computed once
 * per count vector — no logarithm per cell, which the many-model search calls millions of times.
 */
function devianceAt(y: ArrayLike<number>, eta: ArrayLike<number>, mu: ArrayLike<number>): number {
  const { yLogY, total: sumY } = countSums(y);
  let sum = yLogY - sumY;
  for (let i = 0; i < mu.length; i++) sum += (mu[i] as number) - (y[i] as number) * (eta[i] as number);
  return 2 * sum;
}

const countSumCache = new WeakMap<object, { yLogY: number; total: number }>();
function countSums(y: ArrayLike<number>): { yLogY: number; total: number } {
  let sums = countSumCache.get(y);
  if (!sums) {
    sums = { yLogY: 0, total: 0 };
    for (let i = 0; i < y.length; i++) {
      const yi = y[i] as number;
      if (yi > 0) sums.yLogY += yi * Math.log(yi);
      sums.total += yi;
    }
    countSumCache.set(y, sums);
  }
  return sums;
}

/** Σ [y log μ − μ − log y!]: the full log-likelihood, as R's glm uses for AIC. */
export function poissonLogLikelihood(y: ArrayLike<number>, mu: ArrayLike<number>): number {
  let total = -logFactorials(y);
  for (let i = 0; i < mu.length; i++) {
    const yi = y[i] as number;
    const mi = mu[i] as number;
    total += (yi > 0 ? yi * Math.log(mi) : 0) - mi;
  }
  return total;
}

/** Σ log y! of a count vector, remembered per vector: thousands of models share the same counts. */
const logFactorialSums = new WeakMap<object, number>();
function logFactorials(y: ArrayLike<number>): number {
  let sum = logFactorialSums.get(y);
  if (sum === undefined) {
    sum = 0;
    for (let i = 0; i < y.length; i++) sum += gammaln((y[i] as number) + 1);
    logFactorialSums.set(y, sum);
  }
  return sum;
}

/** Whether a fit failed. */
export function isFailure(fit: PoissonFit | PoissonFailure): fit is PoissonFailure {
  return 'failure' in fit;
}
