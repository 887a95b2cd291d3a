import { type CaptureData, captureCount, MIN_LISTS, observedTotal } from './capture-data.ts';
import { CAVEATS, type Estimate, type EstimateReport } from './estimate-report.ts';
import { type FailedModel, type FittedModel, fitModels, isFailedModel } from './fit-models.ts';
import { hierarchicalModels, TooManyModels } from './hierarchical-models.ts';
import { chapmanEstimate } from './lincoln-petersen.ts';
import { HETEROGENEITY, type Heterogeneity, type LogLinearModel, modelName } from './log-linear-model.ts';
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

/** The most hierarchical models a search fits (six lists up to two-way interactions: 32,768). */
const MAX_MODELS = 50_000;

/** Warnings listed one by one before they are summarised. */
const MAX_LISTED_WARNINGS = 8;

/**
 * Fits the classical closed-population models (M0, Mt, Mh and Mth with Darroch, Poisson, Gamma and
 * Chao heterogeneity) and every hierarchical log-linear model up to `maxOrder`, ranks them by BIC or
 * AIC, and reports the best with profile-likelihood intervals. Models whose estimate does not exist
 * become warnings.
 */
export function estimateLogLinear(data: CaptureData, options: LogLinearOptions = {}): EstimateReport {
  const plan = planLogLinear(data, options);
  if ('report' in plan) return plan.report;
  return reportLogLinear(data, options, plan.models, fitModels(data, plan.models));
}

/** The models to fit, or, when no model can give an estimate, the report that says so. */
export function planLogLinear(
  data: CaptureData,
  options: LogLinearOptions,
): { models: LogLinearModel[] } | { report: EstimateReport } {
  const t = data.lists.length;
  const maxOrder = maxOrderOf(data, options);
  const noEstimate = (warning: string) => ({
    report: {
      n_observed: observedTotal(data),
      lists: data.lists,
      estimates: [],
      selected: null,
      warnings: [warning],
      caveats: CAVEATS,
      details: { models_fitted: 0, criterion: options.criterion ?? 'bic', max_order: maxOrder },
    },
  });
  if (!overlaps(data))
    return noEstimate('no one is on more than one list (zero margins of every overlap): no estimate exists');
  try {
    return { models: candidateModels(t, maxOrder, options.heterogeneity) };
  } catch (error) {
    if (!(error instanceof TooManyModels)) throw error;
    return noEstimate(
      `too many models to fit every one (${error.message}, with ${t} lists up to order ${maxOrder}): use --method stepwise or a lower --max-order`,
    );
  }
}

/** Ranks the fitted models and reports the best with profile-likelihood intervals. */
export function reportLogLinear(
  data: CaptureData,
  options: LogLinearOptions,
  models: LogLinearModel[],
  results: (FittedModel | FailedModel)[],
): EstimateReport {
  const t = data.lists.length;
  const criterion = options.criterion ?? 'bic';
  const fits = results.filter((result): result is FittedModel => !isFailedModel(result));
  const failures = results
    .filter(isFailedModel)
    .map((failed) => `${modelName(failed.model)}: ${failed.reason}`);
  fits.sort((a, b) => a[criterion] - b[criterion]);
  const warnings = summarise(failures, models.length);
  const estimates: Estimate[] = [];
  for (const fit of fits.slice(0, options.top ?? 10)) {
    const name = modelName(fit.model);
    const interval = profileLikelihoodInterval(data, fit.model, fit.N, options.alpha);
    if (!interval) {
      warnings.push(`${name}: no profile-likelihood interval could be computed; left out`);
      continue;
    }
    if (!Number.isFinite(interval.upper))
      warnings.push(`${name}: the data do not bound the population from above (interval has no upper end)`);
    estimates.push({
      method: 'loglinear',
      model: name,
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
    details: {
      models_fitted: models.length,
      models_estimable: fits.length,
      criterion,
      max_order: maxOrderOf(data, options),
    },
  };
}

function maxOrderOf(data: CaptureData, options: LogLinearOptions): number {
  return Math.max(1, Math.min(options.maxOrder ?? 2, data.lists.length - 1));
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
    for (const interactions of hierarchicalModels(t, maxOrder, MAX_MODELS)) {
      if (interactions.length === 0) continue;
      models.push({ lists: t, interactions });
      if (heterogeneity && t >= 3) models.push({ lists: t, interactions, heterogeneity });
    }
  }
  return models;
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
