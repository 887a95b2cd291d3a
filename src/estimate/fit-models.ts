import type { CaptureData } from './capture-data.ts';
import { fitLogLinearModel, isNotEstimable, type ModelFit } from './fit-log-linear-model.ts';
import { type LogLinearModel, parameterCount } from './log-linear-model.ts';

/** What model selection needs of one fit: plain data, so that it can cross a worker boundary. */
export type FittedModel = Pick<ModelFit, 'model' | 'N' | 'se' | 'deviance' | 'df' | 'aic' | 'bic'>;

/** A model without an estimate, and why. */
export type FailedModel = { model: LogLinearModel; reason: string };

/** Whether a model gave no estimate. */
export function isFailedModel(result: FittedModel | FailedModel): result is FailedModel {
  return 'reason' in result;
}

/**
 * Fits each model in turn. Each hierarchical model starts from the fit of the model with one
 * interaction less when that came earlier in the list (as `hierarchicalModels` orders them): a
 * few Newton steps instead of a cold start.
 */
export function fitModels(data: CaptureData, models: LogLinearModel[]): (FittedModel | FailedModel)[] {
  const solved = new Map<number | string, Float64Array>();
  return models.map((model) => {
    const fit = fitLogLinearModel(data, model, warmStart(model, solved));
    if (isNotEstimable(fit)) return { model, reason: fit.reason };
    if (!model.heterogeneity && !model.common)
      solved.set(model.interactions.join(','), fit.poisson.coefficients);
    const { N, se, deviance, df, aic, bic } = fit;
    return { model: fit.model, N, se, deviance, df, aic, bic };
  });
}

function warmStart(
  model: LogLinearModel,
  solved: Map<number | string, Float64Array>,
): Float64Array | undefined {
  if (model.common || model.interactions.length === 0) return undefined;
  const same = model.heterogeneity ? solved.get(termsKey(model.interactions)) : undefined;
  const parent = same ?? solved.get(termsKey(model.interactions.slice(0, -1)));
  if (!parent) return undefined;
  const start = new Float64Array(parameterCount(model));
  start.set(parent);
  return start;
}

/** Position of each two-list term among all pairs of 8 lists (−1 for other terms). */
const PAIR_INDEX = (() => {
  const index = new Int32Array(256).fill(-1);
  let next = 0;
  for (let a = 0; a < 8; a++) for (let b = a + 1; b < 8; b++) index[(1 << a) | (1 << b)] = next++;
  return index;
})();

/** A set of terms as a key: a number (a bit per pair, 28 bits at most) when all are pairs, else a string. */
function termsKey(terms: number[]): number | string {
  let key = 0;
  for (const term of terms) {
    const at = PAIR_INDEX[term] ?? -1;
    if (at < 0) return [...terms].sort((x, y) => x - y).join(',');
    key += 2 ** at;
  }
  return key;
}
