import { type CaptureData, captureCount, marginOf, observedTotal, termName } from './capture-data.ts';
import { cholesky } from './linear-algebra.ts';
import {
  designMatrix,
  type LogLinearModel,
  modelName,
  parameterCount,
  withoutColumns,
} from './log-linear-model.ts';
import { fitPoisson, isFailure, type PoissonFit, type SparseDesign } from './poisson-regression.ts';

/** A fitted log-linear model and its estimate of the population size. */
export type ModelFit = {
  name: string;
  model: LogLinearModel;
  /** Estimated population size: observed units plus the expected number on no list. */
  N: number;
  /** Standard error of N by linearisation (Poisson sampling of the observed counts included). */
  se: number;
  deviance: number;
  df: number;
  aic: number;
  bic: number;
  parameters: number;
  poisson: PoissonFit;
};

/** A model that gives no estimate, and why: reported as a warning, never as a number. */
export type NotEstimable = { name: string; model: LogLinearModel; reason: string };

/**
 * A standard error beyond this means a parameter is running off to infinity (a fitted cell pushed to
 * zero): the fit "converges" only because the likelihood flattens, and the MLE does not exist.
 */
const DIVERGENT_STANDARD_ERROR = 100;

/**
 * Fits one model to the observed histories. Checks first that its estimate can exist: every list and
 * every interaction in the model must have someone on it (a zero margin sends its parameter to −∞),
 * and the design must be of full rank.
 */
export function fitLogLinearModel(
  data: CaptureData,
  model: LogLinearModel,
  start?: Float64Array,
): ModelFit | NotEstimable {
  const zero = zeroMargin(data, model);
  if (zero) return { name: modelName(model), model, reason: zero };
  const design = designMatrix(model);
  // Without heterogeneity, hierarchical models short of the t-way interaction are always identifiable.
  const plain = !model.heterogeneity && model.interactions.every((term) => term !== (1 << model.lists) - 1);
  if (!plain && !structurallyIdentifiable(design))
    return {
      name: modelName(model),
      model,
      reason: 'not identifiable: the model has more parameters than the lists can inform',
    };
  const y = observedCounts(data);
  let dropped: number[] = [];
  let fit = fitPoisson(design, y, start);
  if (model.heterogeneity === 'chao') {
    // Chao's lower bound allows only convex bends (heterogeneity): a concave one is set to zero, as
    // Rcapture does; a bend where no one was seen (its parameter → −∞) is dropped too, highest k first.
    const chaoColumns = [...Array(model.lists - 2).keys()].map(
      (i) => parameterCount(model) - (model.lists - 2) + i,
    );
    for (;;) {
      const current = fit;
      const drop = isFailure(current)
        ? chaoColumns.filter((j) => !dropped.includes(j)).slice(-1)
        : chaoColumns.filter((j) => !dropped.includes(j) && (current.coefficients[j] as number) < 0);
      if (drop.length === 0) break;
      dropped = [...dropped, ...drop];
      fit = fitPoisson(withoutColumns(design, dropped), y);
      if (!isFailure(fit))
        fit = { ...fit, coefficients: reinsert(fit.coefficients, dropped, design.columns) };
    }
  }
  if (isFailure(fit))
    return {
      name: modelName(model),
      model,
      reason:
        'the fit diverges (a parameter goes to infinity, or no one is left unobserved): the estimate does not exist for these data',
    };
  for (let j = 0; j < fit.variances.length; j++) {
    if ((fit.variances[j] as number) > DIVERGENT_STANDARD_ERROR ** 2)
      return {
        name: modelName(model),
        model,
        reason: 'a parameter goes to infinity: the estimate does not exist for these data',
      };
  }
  const n = observedTotal(data);
  const unobserved = Math.exp(fit.coefficients[0] as number);
  const parameters = design.columns - dropped.length;
  const variance = unobserved * unobserved * (fit.variances[0] as number) + unobserved;
  return {
    // Named only when asked: a model search fits tens of thousands and reports ten.
    get name() {
      return modelName(model);
    },
    model: dropped.length ? { ...model, omitColumns: dropped } : model,
    N: n + unobserved,
    se: Math.sqrt(variance),
    deviance: fit.deviance,
    df: y.length - parameters,
    aic: -2 * fit.logLikelihood + 2 * parameters,
    bic: -2 * fit.logLikelihood + Math.log(n) * parameters,
    parameters,
    poisson: fit,
  };
}

/** The first term of the model with no one on it, described; undefined if none. */
export function zeroMargin(data: CaptureData, model: LogLinearModel): string | undefined {
  if (observedTotal(data) === 0) return 'no one is on any list';
  let overlap = 0;
  for (let h = 1; h < data.counts.length; h++) if (captureCount(h) > 1) overlap += data.counts[h] ?? 0;
  if (overlap === 0)
    return 'no one is on more than one list (zero margins of every overlap): the estimate does not exist';
  if (!model.common) {
    for (let j = 0; j < model.lists; j++) {
      if (marginOf(data, 1 << j) === 0)
        return `list ${data.lists[j]} has no one on it (zero margin): the estimate does not exist`;
    }
  }
  for (const term of model.interactions) {
    if (marginOf(data, term) === 0) {
      const names = data.lists.filter((_, j) => term & (1 << j)).join(', ');
      return `no one is on all of ${names} (zero margin of interaction ${termName(term)}): the estimate does not exist`;
    }
  }
  return undefined;
}

/** Whether a fit gave no estimate. */
export function isNotEstimable(fit: ModelFit | NotEstimable): fit is NotEstimable {
  return 'reason' in fit;
}

function reinsert(coefficients: Float64Array, dropped: number[], columns: number): Float64Array {
  const full = new Float64Array(columns);
  let i = 0;
  for (let j = 0; j < columns; j++) full[j] = dropped.includes(j) ? 0 : (coefficients[i++] as number);
  return full;
}

/** Whether the design has full column rank (with unit weights): else no data could identify the model. */
function structurallyIdentifiable(design: SparseDesign): boolean {
  const p = design.columns;
  const product = new Float64Array(p * p);
  for (let i = 0; i + 1 < design.rowStart.length; i++) {
    const end = design.rowStart[i + 1] as number;
    for (let a = design.rowStart[i] as number; a < end; a++) {
      for (let b = design.rowStart[i] as number; b < end; b++) {
        const at = (design.index[a] as number) * p + (design.index[b] as number);
        product[at] = (product[at] as number) + (design.value[a] as number) * (design.value[b] as number);
      }
    }
  }
  return cholesky(product, p) !== undefined;
}

/** The counts of the observable histories as a typed array, made once per dataset. */
const observedCountsOf = new WeakMap<number[], Float64Array>();
function observedCounts(data: CaptureData): Float64Array {
  let y = observedCountsOf.get(data.counts);
  if (!y) {
    y = Float64Array.from(data.counts.slice(1));
    observedCountsOf.set(data.counts, y);
  }
  return y;
}
