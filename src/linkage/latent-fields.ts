/**
 * Person-level evidence for clustering. A person has one true birth year, sex, province and
 * locality; each mention reports it with noise. A cluster's marginal likelihood sums over the true
 * value: L(S) = Σ_t p(t) Π_{o ∈ S} P(o | t), where an observation is the truth bent by a noise
 * kernel (years) or, with probability ε, any value drawn from the base distribution q. The evidence
 * that clusters A and B are one person is then log L(A ∪ B) − log L(A) − log L(B), which grows
 * with the number of agreeing mentions and turns sharply negative when two well-attested values
 * disagree, where the mean of pairwise weights says the same for 2 mentions as for 20.
 *
 * Profiles are the distinct values of a cluster with their counts. All logs are natural here;
 * callers convert to bits.
 */

export type CategoricalModel = {
  kind: 'categorical';
  /** Probability that a mention reports a value drawn from `base` instead of the truth. */
  epsilon: number;
  /** q: base probability of each value id (also the prior of the true value). */
  base: Float64Array;
};

export type YearModel = {
  kind: 'year';
  epsilon: number;
  /** Kernel of the reported year around the truth, d = −4 … 4 (index d + 4); sums to 1. */
  kernel: Float64Array;
  /** q over year indices 0 … base.length − 1 (the caller's years less its first). */
  base: Float64Array;
};

/**
 * Where a person was held: one stay, or two (share `twoStays`), each at a facility drawn from
 * `base`; each mention names one of the person's stays (either, alike), misnamed with
 * probability ε. Two clusters cleanly split between two facilities are then unlikely to be one
 * person held twice, where a single pair at two facilities says little.
 */
export type StaysModel = {
  kind: 'stays';
  epsilon: number;
  twoStays: number;
  base: Float64Array;
};

export type LatentModel = CategoricalModel | YearModel | StaysModel;

/** Distinct values and their counts, values ascending. */
export type Profile = { values: number[]; counts: number[] };

export const emptyProfile = (): Profile => ({ values: [], counts: [] });

export function addToProfile(profile: Profile, value: number, count = 1): void {
  const { values, counts } = profile;
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((values[mid] as number) < value) lo = mid + 1;
    else hi = mid;
  }
  if (values[lo] === value) counts[lo]! += count;
  else {
    values.splice(lo, 0, value);
    counts.splice(lo, 0, count);
  }
}

/** A ∪ B into `out` (overwritten). */
export function mergeProfiles(a: Profile, b: Profile, out: Profile): Profile {
  out.values.length = 0;
  out.counts.length = 0;
  let i = 0;
  let j = 0;
  while (i < a.values.length || j < b.values.length) {
    const x = i < a.values.length ? (a.values[i] as number) : Number.POSITIVE_INFINITY;
    const y = j < b.values.length ? (b.values[j] as number) : Number.POSITIVE_INFINITY;
    if (x === y) {
      out.values.push(x);
      out.counts.push((a.counts[i++] as number) + (b.counts[j++] as number));
    } else if (x < y) {
      out.values.push(x);
      out.counts.push(a.counts[i++] as number);
    } else {
      out.values.push(y);
      out.counts.push(b.counts[j++] as number);
    }
  }
  return out;
}

const terms: number[] = [];

function logSumExp(xs: number[]): number {
  let max = Number.NEGATIVE_INFINITY;
  for (const x of xs) if (x > max) max = x;
  if (max === Number.NEGATIVE_INFINITY) return max;
  let sum = 0;
  for (const x of xs) sum += Math.exp(x - max);
  return max + Math.log(sum);
}

const MIN_MASS = 1e-9;

/** log L(S) of a profile; 0 for an empty one. */
export function logLikelihood(model: LatentModel, profile: Profile): number {
  if (profile.values.length === 0) return 0;
  return model.kind === 'categorical'
    ? categorical(model, profile)
    : model.kind === 'year'
      ? years(model, profile)
      : stays(model, profile);
}

function categorical(model: CategoricalModel, profile: Profile): number {
  const { epsilon, base } = model;
  const { values, counts } = profile;
  // Every observation an outlier, plus the gain of each observed value being the truth.
  let allNoise = 0;
  let covered = 0;
  terms.length = 0;
  for (let k = 0; k < values.length; k++) {
    const q = base[values[k] as number] as number;
    const n = counts[k] as number;
    allNoise += n * Math.log(epsilon * q);
    covered += q;
    terms.push(Math.log(q) + n * Math.log((1 - epsilon + epsilon * q) / (epsilon * q)));
  }
  terms.push(Math.log(Math.max(MIN_MASS, 1 - covered)));
  return allNoise + logSumExp(terms);
}

function years(model: YearModel, profile: Profile): number {
  const { epsilon, kernel, base } = model;
  const { values, counts } = profile;
  const q = (y: number) => {
    return y >= 0 && y < base.length ? (base[y] as number) : 0;
  };
  const floor = MIN_MASS;
  let allNoise = 0;
  for (let k = 0; k < values.length; k++)
    allNoise += (counts[k] as number) * Math.log(epsilon * Math.max(floor, q(values[k] as number)));
  const low = (values[0] as number) - 4;
  const high = (values[values.length - 1] as number) + 4;
  terms.length = 0;
  let covered = 0;
  for (let t = low; t <= high; t++) {
    const prior = Math.max(floor, q(t));
    covered += prior;
    let s = Math.log(prior);
    for (let k = 0; k < values.length; k++) {
      const y = values[k] as number;
      const d = y - t;
      const kern = d >= -4 && d <= 4 ? (kernel[d + 4] as number) : 0;
      s += (counts[k] as number) * Math.log((1 - epsilon) * kern + epsilon * Math.max(floor, q(y)));
    }
    terms.push(s);
  }
  terms.push(Math.log(Math.max(MIN_MASS, 1 - covered)) + allNoise);
  return logSumExp(terms);
}

const stayTerms: number[] = [];

function stays(model: StaysModel, profile: Profile): number {
  const { epsilon, twoStays, base } = model;
  const { values, counts } = profile;
  const V = values.length;
  const q = values.map((v) => base[v] as number);
  const other = Math.max(MIN_MASS, 1 - q.reduce((a, b) => a + b, 0));
  // P(value k | truth t), t = V standing for a facility not among the values.
  const p = (k: number, t: number) => (t === k ? 1 - epsilon : 0) + epsilon * (q[k] as number);
  stayTerms.length = 0;
  for (let t = 0; t <= V; t++) {
    let s = Math.log(t < V ? (q[t] as number) : other);
    for (let k = 0; k < V; k++) s += (counts[k] as number) * Math.log(p(k, t));
    stayTerms.push(s);
  }
  const one = logSumExp(stayTerms);
  // Two stays, drawn independently (ordered); the same facility twice is one stay again.
  stayTerms.length = 0;
  for (let t = 0; t <= V; t++)
    for (let r = t; r <= V; r++) {
      let s =
        Math.log(t < V ? (q[t] as number) : other) +
        Math.log(r < V ? (q[r] as number) : other) +
        (t === r ? 0 : Math.LN2);
      for (let k = 0; k < V; k++) s += (counts[k] as number) * Math.log((p(k, t) + p(k, r)) / 2);
      stayTerms.push(s);
    }
  const two = logSumExp(stayTerms);
  return logSumExp([Math.log(1 - twoStays) + one, Math.log(twoStays) + two]);
}

/** Base distribution of value ids from their observations, with a pseudo-count of ½ each. */
export function baseOf(values: ArrayLike<number>, size: number): Float64Array {
  const q = new Float64Array(size).fill(0.5);
  let total = 0.5 * size;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (v >= 0) {
      q[v]! += 1;
      total += 1;
    }
  }
  for (let v = 0; v < size; v++) q[v]! /= total;
  return q;
}

/**
 * ε of a categorical field from the pairwise model: two mentions of one person agree with
 * probability m ≈ 1 − (1 − s)(2ε − ε²), s = Σ q² being the chance agreement of two noisy reports.
 */
export function categoricalEpsilon(mAgree: number, base: Float64Array): number {
  let s = 0;
  for (const q of base) s += q * q;
  const x = (1 - mAgree) / (1 - s);
  const epsilon = 1 - Math.sqrt(Math.max(0, 1 - Math.min(1, x)));
  return Math.min(0.5, Math.max(0.002, epsilon));
}

/**
 * The year kernel and ε from the pairwise model's m of the levels [more than 4 apart, 2–4, 1,
 * same] and u of the same levels (the differences of unrelated years, for outliers): the kernel
 * k(0) = 1 − a − b, k(±1) = a/2, k(±2…±4) = b/6, whose difference distribution, mixed with
 * outliers, comes closest to m (grid search, chi-square distance).
 */
export function fitYearNoise(
  m: readonly number[],
  u: readonly number[],
): { kernel: Float64Array; epsilon: number } {
  let best = { kernel: new Float64Array(9), epsilon: 0.01, distance: Number.POSITIVE_INFINITY };
  const kernel = new Float64Array(9);
  for (let ai = 0; ai <= 30; ai++)
    for (let bi = 0; bi <= 20; bi++) {
      const a = ai * 0.02;
      const b = bi * 0.02;
      if (a + b > 0.9) continue;
      kernel.fill(b / 6);
      kernel[3] = a / 2;
      kernel[5] = a / 2;
      kernel[4] = 1 - a - b;
      const level = [0, 0, 0, 0];
      for (let x = 0; x < 9; x++)
        for (let y = 0; y < 9; y++) {
          const d = Math.abs(x - y);
          const l = d === 0 ? 3 : d === 1 ? 2 : d <= 4 ? 1 : 0;
          level[l]! += (kernel[x] as number) * (kernel[y] as number);
        }
      for (const epsilon of [0.002, 0.005, 0.01, 0.02, 0.04, 0.08, 0.15]) {
        const clean = (1 - epsilon) ** 2;
        let distance = 0;
        for (let l = 0; l < 4; l++) {
          const predicted = clean * (level[l] as number) + (1 - clean) * (u[l] as number);
          distance += ((m[l] as number) - predicted) ** 2 / Math.max(predicted, 1e-4);
        }
        if (distance < best.distance) best = { kernel: Float64Array.from(kernel), epsilon, distance };
      }
    }
  return { kernel: best.kernel, epsilon: best.epsilon };
}
