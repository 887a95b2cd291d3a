import type { CaptureData } from './capture-data.ts';
import { estimateLcmcr } from './estimate-lcmcr.ts';
import { estimateLogLinear } from './estimate-log-linear.ts';
import type { EstimateReport, Method } from './estimate-report.ts';
import { estimateStepwise } from './estimate-stepwise.ts';
import type { Heterogeneity } from './log-linear-model.ts';

/** Everything the three methods can be told; each reads its own. */
export type EstimateOptions = {
  method: Method;
  maxOrder?: number;
  heterogeneity?: Heterogeneity;
  criterion?: 'aic' | 'bic';
  top?: number;
  seed?: number;
  sweeps?: number;
  burnIn?: number;
  classes?: number;
  bootstrap?: number;
  threshold?: number;
};

/** Estimates the population size from capture histories by the chosen method. */
export function estimate(data: CaptureData, options: EstimateOptions): EstimateReport {
  if (options.method === 'stepwise')
    return estimateStepwise(data, {
      threshold: options.threshold,
      bootstrap: options.bootstrap,
      seed: options.seed,
    });
  if (options.method === 'lcmcr')
    return estimateLcmcr(data, {
      seed: options.seed,
      sweeps: options.sweeps,
      burnIn: options.burnIn,
      classes: options.classes,
    });
  return estimateLogLinear(data, options);
}
