import { type CaptureData, captureCount, MIN_LISTS, observedTotal } from './capture-data.ts';
import { CAVEATS, type Estimate, type EstimateReport } from './estimate-report.ts';
import { fitLogLinearModel, isNotEstimable, type ModelFit } from './fit-log-linear-model.ts';
import { hierarchicalModels } from './hierarchical-models.ts';
import { chapmanEstimate } from './lincoln-petersen.ts';
import {
  HETEROGENEITY,
  type Heterogeneity,
  type LogLinearModel,
  parameterCount,
} from './log-linear-model.ts';
import { profileLikelihoodInterval } from './profile-likelihood-interval.ts';

/** Options of the log-linear method. */
export type LogLinearOptions = {
  /** Highest order of interaction between lists (default 2, at most t − 1). */
  maxOrder?: number;
  /** Also fit every hierarchical model with this heterogeneity term (Rcapture's closedpMS.t `h`). */
  heterogeneity?: Heterogeneity;
  /** Rank by BIC (default, as Rcapture's closedpMS.t) or AIC. */
  criterion?: 'aic' | 'bic';
  /** How many of the best-ranked models to report, each with its profile interval (default 10). */
  top?: number;
  /** 1 − confidence level (default 0.05). */
  alpha?: number;
};

/** Warnings listed one by one before they are summarised. */
const MAX_LISTED_WARNINGS = 8;

/**
 * Fits the classical closed-population models (M0, Mt, Mh and Mth with Darroch, Poisson, Gamma and
 * Chao heterogeneity) and every hierarchical log-linear model up to `maxOrder`, ranks them by BIC or
 * AIC, and reports the best with profile-likelihood intervals. Models whose estimate does not exist
 * become warnings.
 */
export function estimateLogLinear(data: CaptureData, options: LogLinearOptions = {}): EstimateReport {
  const t = data.lists.length;
  const criterion = options.criterion ?? 'bic';
  const maxOrder = Math.max(1, Math.min(options.maxOrder ?? 2, t - 1));
  if (!overlaps(data))
    return {
      n_observed: observedTotal(data),
      lists: data.lists,
      estimates: [],
      selected: null,
      warnings: ['no one is on more than one list (zero margins of every overlap): no estimate exists'],
      caveats: CAVEATS,
      details: { models_fitted: 0, criterion, max_order: maxOrder },
    };
  const models = candidateModels(t, maxOrder, options.heterogeneity);
  const fits: ModelFit[] = [];
  const failures: string[] = [];
  // Each hierarchical model starts from the fit of the model with one interaction less: a few
  // Newton steps instead of a cold start (the models come in an order where that one came first).
  const solved = new Map<string, Float64Array>();
  for (const model of models) {
    const fit = fitLogLinearModel(data, model, warmStart(model, solved));
    if (isNotEstimable(fit)) failures.push(`${fit.name}: ${fit.reason}`);
    else {
      fits.push(fit);
      if (!model.heterogeneity && !model.common)
        solved.set(model.interactions.join(','), fit.poisson.coefficients);
    }
  }
  fits.sort((a, b) => a[criterion] - b[criterion]);
  const warnings = summarise(failures, models.length);
  const estimates: Estimate[] = [];
  for (const fit of fits.slice(0, options.top ?? 10)) {
    const interval = profileLikelihoodInterval(data, fit.model, fit.N, options.alpha);
    if (!interval) {
      warnings.push(`${fit.name}: no profile-likelihood interval could be computed; left out`);
      continue;
    }
    if (!Number.isFinite(interval.upper))
      warnings.push(
        `${fit.name}: the data do not bound the population from above (interval has no upper end)`,
      );
    estimates.push({
      method: 'loglinear',
      model: fit.name,
      N: fit.N,
      lower: interval.lower,
      upper: interval.upper,
      aic: fit.aic,
      bic: fit.bic,
      deviance: fit.deviance,
      df: fit.df,
      interval: `${Math.round((1 - (options.alpha ?? 0.05)) * 100)}% profile likelihood (multinomial N ${interval.N.toFixed(1)})`,
    });
  }
  if (t === 2) {
    const chapman = chapmanEstimate(data, options.alpha);
    if (chapman) estimates.push(chapman);
  }
  warnings.push(...dataWarnings(data));
  return {
    n_observed: observedTotal(data),
    lists: data.lists,
    estimates,
    selected: estimates[0] ?? null,
    warnings,
    caveats: CAVEATS,
    details: { models_fitted: models.length, models_estimable: fits.length, criterion, max_order: maxOrder },
  };
}

/** M0, Mt, Mh and Mth (t ≥ 3), and every hierarchical Mt model up to maxOrder (with `h` if asked). */
export function candidateModels(
  t: number,
  maxOrder: number,
  heterogeneity?: Heterogeneity,
): LogLinearModel[] {
  const models: LogLinearModel[] = [
    { lists: t, common: true, interactions: [] },
    { lists: t, interactions: [] },
  ];
  if (t >= 3) {
    for (const h of HETEROGENEITY)
      models.push({ lists: t, common: true, interactions: [], heterogeneity: h });
    for (const h of HETEROGENEITY) models.push({ lists: t, interactions: [], heterogeneity: h });
  }
  if (maxOrder >= 2) {
    for (const interactions of hierarchicalModels(t, maxOrder)) {
      if (interactions.length === 0) continue;
      models.push({ lists: t, interactions });
      if (heterogeneity && t >= 3) models.push({ lists: t, interactions, heterogeneity });
    }
  }
  return models;
}

function warmStart(model: LogLinearModel, solved: Map<string, Float64Array>): Float64Array | undefined {
  if (model.common || model.interactions.length === 0) return undefined;
  const width = parameterCount(model);
  const start = new Float64Array(width);
  const same = model.heterogeneity ? solved.get(model.interactions.join(',')) : undefined;
  const parent = same ?? solved.get(model.interactions.slice(0, -1).join(','));
  if (!parent) return undefined;
  start.set(parent);
  return start;
}

function summarise(failures: string[], total: number): string[] {
  if (failures.length <= MAX_LISTED_WARNINGS) return failures;
  return [
    ...failures.slice(0, MAX_LISTED_WARNINGS),
    `… and ${failures.length - MAX_LISTED_WARNINGS} more of ${total} models give no estimate`,
  ];
}

/** Warnings about the data themselves: lists too small, overlaps too sparse to trust. */
function dataWarnings(data: CaptureData): string[] {
  const warnings: string[] = [];
  if (data.lists.length < MIN_LISTS) warnings.push('fewer than two lists: nothing to estimate from');
  const overlap = overlaps(data);
  if (overlap > 0 && overlap < 10)
    warnings.push(
      `only ${overlap} units are on more than one list: every estimate rests on very few overlaps`,
    );
  if (data.lists.length === 2)
    warnings.push(
      'two lists cannot reveal dependence between them: the estimate assumes they are independent',
    );
  return warnings;
}

/** Units on two lists or more. */
function overlaps(data: CaptureData): number {
  let overlap = 0;
  for (let h = 1; h < data.counts.length; h++) if (captureCount(h) > 1) overlap += data.counts[h] ?? 0;
  return overlap;
}
