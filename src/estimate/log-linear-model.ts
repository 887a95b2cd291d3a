import { captureCount, termName } from './capture-data.ts';
import type { SparseDesign } from './poisson-regression.ts';

/**
 * Forms of heterogeneity in capture probabilities between units (Rcapture's `h`): a column f(k) of
 * the number of lists k a unit is on. `chao` is Chao's lower-bound model: t − 2 columns.
 */
export const HETEROGENEITY = ['darroch', 'poisson', 'gamma', 'chao'] as const;
export type Heterogeneity = (typeof HETEROGENEITY)[number];

/** Rcapture's default constants: Poisson θ = 2 (f = 2^k − 1), Gamma θ = 3.5 (f = −log(1 + k/3.5)). */
const POISSON_THETA = 2;
const GAMMA_THETA = 3.5;

/**
 * A log-linear model for t lists: one main effect per list (Mt) or one common to all (M0), the
 * interactions between lists it keeps (bitmasks of two or more lists; hierarchical models also keep
 * every sub-interaction), and optionally a heterogeneity term.
 */
export type LogLinearModel = {
  lists: number;
  common?: boolean;
  interactions: number[];
  heterogeneity?: Heterogeneity;
  /** Design columns left out (Chao bends fixed at zero by the fit). */
  omitColumns?: number[];
};

/** The model's name in Rcapture's notation: "M0", "Mt", "Mth Darroch", "[12,13,14]", "Mth Chao [12]". */
export function modelName(model: LogLinearModel): string {
  const terms = model.interactions.length
    ? `[${[...model.interactions].sort(byTerm).map(termName).join(',')}]`
    : '';
  const base = model.common ? 'M0' : 'Mt';
  if (model.heterogeneity) {
    const h = `${model.common ? 'Mh' : 'Mth'} ${heterogeneityLabel(model.heterogeneity)}`;
    return terms ? `${h} ${terms}` : h;
  }
  return terms || base;
}

function heterogeneityLabel(h: Heterogeneity): string {
  if (h === 'poisson') return `Poisson${POISSON_THETA}`;
  if (h === 'gamma') return `Gamma${GAMMA_THETA}`;
  if (h === 'chao') return 'Chao (LB)';
  return 'Darroch';
}

/** Orders terms as Rcapture lists them: by order, then by the lists they join. */
export function byTerm(a: number, b: number): number {
  return captureCount(a) - captureCount(b) || termName(a).localeCompare(termName(b));
}

/** The heterogeneity columns' values for a unit on k lists out of t. All are 0 at k = 0. */
export function heterogeneityColumns(h: Heterogeneity, k: number, t: number): number[] {
  if (h === 'darroch') return [(k * k) / 2];
  if (h === 'poisson') return [POISSON_THETA ** k - 1];
  if (h === 'gamma') return [-Math.log(GAMMA_THETA + k) + Math.log(GAMMA_THETA)];
  // Chao: a change of slope in log-frequency after k = j − 1, for j = 3..t (a convex bend is heterogeneity).
  const columns: number[] = [];
  for (let j = 3; j <= t; j++) columns.push(Math.max(0, k - j + 1));
  return columns;
}

/** Number of parameters (columns of the design). */
export function parameterCount(model: LogLinearModel): number {
  const main = model.common ? 1 : model.lists;
  const h = model.heterogeneity ? heterogeneityColumns(model.heterogeneity, 0, model.lists).length : 0;
  return 1 + main + model.interactions.length + h;
}

/**
 * The design over the histories 1..2^t − 1 (the observable ones), or over 0..2^t − 1 with
 * `includeUnobserved` (for the profile likelihood, where the unobserved cell is given a count).
 * Column 0 is the intercept: exp(intercept) is the expected number of units on no list.
 */
export function designMatrix(model: LogLinearModel, includeUnobserved = false): SparseDesign {
  const t = model.lists;
  const first = includeUnobserved ? 0 : 1;
  if (!model.common && !model.heterogeneity && !model.omitColumns?.length) {
    // Subset-indicator columns only: the fit works from the terms, without rows.
    const terms = [0, ...Array.from({ length: t }, (_, j) => 1 << j), ...model.interactions];
    const rowStart = new Int32Array((1 << t) - first + 1);
    return {
      columns: terms.length,
      rowStart,
      index: new Int32Array(0),
      value: new Float64Array(0),
      subsets: { lists: t, first, terms: Int32Array.from(terms) },
    };
  }
  const m = (1 << t) - first;
  const heterogeneity = model.heterogeneity;
  const hColumns = heterogeneity ? heterogeneityColumns(heterogeneity, 0, t).length : 0;
  const width = 1 + t + model.interactions.length + hColumns;
  const rowStart = new Int32Array(m + 1);
  const index = new Int32Array(m * width);
  const value = new Float64Array(m * width);
  let at = 0;
  for (let h = first; h < 1 << t; h++) {
    rowStart[h - first] = at;
    const k = captureCount(h);
    index[at] = 0;
    value[at++] = 1;
    let column = 1;
    if (model.common) {
      if (k > 0) {
        index[at] = column;
        value[at++] = k;
      }
      column++;
    } else {
      for (let j = 0; j < t; j++, column++) {
        if (h & (1 << j)) {
          index[at] = column;
          value[at++] = 1;
        }
      }
    }
    for (const term of model.interactions) {
      if ((h & term) === term) {
        index[at] = column;
        value[at++] = 1;
      }
      column++;
    }
    if (heterogeneity) {
      for (const v of heterogeneityColumns(heterogeneity, k, t)) {
        if (v !== 0) {
          index[at] = column;
          value[at++] = v;
        }
        column++;
      }
    }
  }
  rowStart[m] = at;
  const design: SparseDesign = { columns: parameterCount(model), rowStart, index, value };
  return model.omitColumns?.length ? withoutColumns(design, model.omitColumns) : design;
}

/** The design without some of its columns. */
export function withoutColumns(design: SparseDesign, dropped: number[]): SparseDesign {
  const position = new Int32Array(design.columns).fill(-1);
  let kept = 0;
  for (let j = 0; j < design.columns; j++) if (!dropped.includes(j)) position[j] = kept++;
  const m = design.rowStart.length - 1;
  const rowStart = new Int32Array(m + 1);
  const index: number[] = [];
  const value: number[] = [];
  for (let i = 0; i < m; i++) {
    rowStart[i] = index.length;
    for (let a = design.rowStart[i] as number; a < (design.rowStart[i + 1] as number); a++) {
      const to = position[design.index[a] as number] as number;
      if (to >= 0) {
        index.push(to);
        value.push(design.value[a] as number);
      }
    }
  }
  rowStart[m] = index.length;
  return { columns: kept, rowStart, index: Int32Array.from(index), value: Float64Array.from(value) };
}
