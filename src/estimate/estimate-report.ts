/** Estimation methods, as named in reports and on the command line. */
export const METHODS = ['loglinear', 'stepwise', 'lcmcr'] as const;
export type Method = (typeof METHODS)[number];

/** One estimate of the population size, always with its interval. */
export type Estimate = {
  method: Method | 'chapman';
  model: string;
  N: number;
  lower: number;
  /** Infinity (null in JSON) when the data cannot bound the population from above. */
  upper: number;
  aic: number | null;
  bic: number | null;
  deviance?: number;
  df?: number;
  /** What the interval is: profile likelihood, bootstrap percentile, posterior quantiles… */
  interval: string;
};

/** What an estimation returns: the estimates, the one selected, and what the reader must know. */
export type EstimateReport = {
  n_observed: number;
  lists: string[];
  estimates: Estimate[];
  selected: Estimate | null;
  /** Problems with these data or models: estimates that do not exist, unbounded intervals, sparse lists. */
  warnings: string[];
  /** Assumptions every estimate rests on (see docs/methodology.md). */
  caveats: string[];
  /** Method-specific details: models fitted, criterion, bootstrap or sampler diagnostics. */
  details: Record<string, unknown>;
};

/** The assumptions no reader of an estimate may be spared. */
export const CAVEATS = [
  'closed population: no one joined or left the population between the lists',
  'units are matched without error across lists (a missed or false match biases N)',
  'the selected model captures the dependence between lists and the heterogeneity between people; if people no list reaches differ from those some list reaches, N is too low',
  'the interval covers sampling error under the model only, not the choice of model',
];
