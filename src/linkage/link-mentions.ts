import { candidatePairs } from './blocking.ts';
import { calibratePrior } from './calibrate-prior.ts';
import { clusterMentions } from './cluster.ts';
import { pairComparer } from './compare-pair.ts';
import { type EmResult, type FsParameters, fitEm, initialM } from './em.ts';
import { extractFeatures, type Features } from './features.ts';
import {
  FIELD_COUNT,
  FIELDS,
  LEVEL_COUNTS,
  levelOf,
  NAME_EXACT,
  NAME_FIELD,
  PATTERN_COUNT,
} from './fields.ts';
import type { Mention } from './mention.ts';
import { describeModel, type LinkageModel, log2Odds, scoringTables, tfAdjustment } from './model.ts';
import { DETENTION_FIELD, PERSON_FIELD_INDEX, personFields, timeWeight } from './person-fields.ts';
import { explainPair, type ScoredPair } from './scored-pair.ts';
import { estimateU } from './u-estimate.ts';

export type LinkOptions = {
  /** Reviewers' merges: these mentions are one person, whatever the model says. */
  mustLink?: [string, string][];
  /** Reviewers' splits: these mentions are never in one cluster, not even through a third. */
  cannotLink?: [string, string][];
  /** Match probability at which a pair links (default 0.5). */
  threshold?: number;
  /** Pairs with a probability in [low, high) go to human review (default [0.2, 0.8]). */
  reviewBand?: [number, number];
  /** Random pairs sampled for u (default 100,000); seed of that sample (default 1). */
  uSamples?: number;
  seed?: number;
  /**
   * How u enters: 'random' (default) EM estimates m, λ and the name field's u on the candidate
   * pairs, the other fields' u staying at their random-pair values; scores weigh m against the
   * random-pair u with the prior scaled to all pairs. 'fixed' keeps every u at the random-pair
   * values during EM; 'em' estimates every u by EM and scores with EM's u and λ on candidate pairs.
   */
  uMode?: 'random' | 'fixed' | 'em';
  /**
   * Clustering: 'profile' (default) compares clusters as people — birth year, sex, origin and
   * facilities through one true value (or stays) per person (`latent-fields.ts`), the random-partition
   * size prior, names and detention years by their mean pairwise weights — in two passes, the second
   * with name frequencies among the first pass's people; 'fields' uses mean pairwise weights for every
   * field (`field-linkage.ts`); 'probability' and 'log-odds' average linkage on pairwise probabilities
   * or on log2 odds clamped to ±cap.
   */
  linkage?: 'probability' | 'log-odds' | 'fields' | 'profile';
  /**
   * For 'profile': the weight of the random-partition prior log2 Γ(a + b) − log2 Γ(a) − log2 Γ(b)
   * on joining clusters of a and b mentions (default 1, the Ewens partition's own; 0 leaves only
   * the pairwise prior).
   */
  sizePrior?: number;
  cap?: number;
};

export type LinkStats = {
  mentions: number;
  candidatePairs: number;
  oversizedBlocks: number;
  distinctNamePairs: number;
  links: number;
  uncertain: number;
  clusters: number;
  seconds: {
    features: number;
    blocking: number;
    comparing: number;
    u: number;
    em: number;
    scoring: number;
    clustering: number;
    total: number;
  };
  /** CPU seconds of the same phases (all of the process's threads). */
  cpuSeconds: LinkStats['seconds'];
};

export type LinkResult = {
  /** Mention id → cluster id (the smallest member id, by code unit order). */
  clusters: Map<string, string>;
  links: ScoredPair[];
  uncertain: ScoredPair[];
  model: LinkageModel;
  stats: LinkStats;
};

export class LinkInputError extends Error {}

/**
 * Record linkage of person mentions (Fellegi–Sunter): blocking, comparison, u from random pairs, m
 * and λ by EM on the candidate pairs, term-frequency-adjusted scores, and clustering that honours
 * reviewers' merges and splits. Pure: no I/O; the same input gives the same output.
 */
export function linkMentions(mentions: readonly Mention[], options: LinkOptions = {}): LinkResult {
  const threshold = options.threshold ?? 0.5;
  const [reviewLow, reviewHigh] = options.reviewBand ?? [0.2, 0.8];
  if (!(threshold > 0 && threshold < 1))
    throw new LinkInputError('threshold: expected a probability in (0, 1)');
  if (!(reviewLow >= 0 && reviewLow <= reviewHigh && reviewHigh <= 1))
    throw new LinkInputError('reviewBand: expected [low, high] with 0 ≤ low ≤ high ≤ 1');
  const clock = timer();
  const index = new Map<string, number>();
  mentions.forEach((m, i) => {
    if (index.has(m.id))
      throw new LinkInputError(`duplicate mention id at positions ${index.get(m.id)! + 1} and ${i + 1}`);
    index.set(m.id, i);
  });
  const constraintPairs = (pairs: [string, string][] | undefined, what: string) =>
    (pairs ?? []).map(([a, b]) => {
      const x = index.get(a);
      const y = index.get(b);
      if (x === undefined || y === undefined)
        throw new LinkInputError(`${what}: a pair names a mention id not in the input`);
      return [x, y] as const;
    });
  const mustLink = constraintPairs(options.mustLink, 'mustLink');
  const cannotLink = constraintPairs(options.cannotLink, 'cannotLink');

  const f = extractFeatures(mentions);
  clock('features');
  const candidates = candidatePairs(f);
  clock('blocking');
  const comparer = pairComparer(f);
  const n = candidates.count;
  const patterns = new Uint16Array(n);
  const shared = new Int32Array(n);
  const counts = new Float64Array(PATTERN_COUNT);
  const { left, right } = candidates;
  for (let k = 0; k < n; k++) {
    const p = comparer.compare(left[k] as number, right[k] as number);
    patterns[k] = p;
    shared[k] = comparer.sharedKey();
    counts[p]!++;
  }
  clock('comparing');
  const u = estimateU(f, comparer, { samples: options.uSamples, seed: options.seed });
  clock('u');

  const uMode = options.uMode ?? 'random';
  const em = fitModel(counts, u, uMode);
  clock('em');
  const m = em.parameters.m;
  /** Weights of every candidate pair under name frequencies `fx`, the prior, links and review pairs. */
  const score = (fx: Features) => {
    const lambda = em.parameters.lambda;
    const tables =
      uMode === 'em'
        ? scoringTables(fx, m, em.parameters.u, em.parameters.lambda, n, true)
        : scoringTables(fx, m, u, em.parameters.lambda, n);
    const weight = new Float64Array(n);
    const { patternWeight } = tables;
    for (let k = 0; k < n; k++) {
      const key = shared[k] as number;
      weight[k] =
        patternWeight[patterns[k] as number]! +
        (key >= 0 ? tfAdjustment(tables, patterns[k] as number, key) : 0);
    }
    if (uMode === 'random') tables.priorWeight = calibratePrior(weight, lambda * n);
    const { priorWeight } = tables;
    // Thresholds on probabilities compared as log2 odds: no exponential per pair.
    const linkAt = log2Odds(threshold) - priorWeight;
    const reviewFrom = log2Odds(reviewLow) - priorWeight;
    const reviewTo = log2Odds(reviewHigh) - priorWeight;
    let linkCount = 0;
    const linkedPairs: number[] = [];
    const uncertainPairs: number[] = [];
    for (let k = 0; k < n; k++) {
      const w = weight[k] as number;
      if (w >= linkAt) {
        linkCount++;
        linkedPairs.push(k);
      }
      if (w >= reviewFrom && w < reviewTo) uncertainPairs.push(k);
    }
    return { tables, weight, priorWeight, linkCount, linkedPairs, uncertainPairs };
  };

  /** Clusters from scored pairs. */
  const cluster = (
    { tables, weight, priorWeight, linkedPairs }: ReturnType<typeof score>,
    sizePrior = options.sizePrior ?? 1,
  ) => {
    const { patternWeight } = tables;
    const linkage = linkageOf(options, f.count);
    const linkLeft = Int32Array.from(linkedPairs, (k) => left[k] as number);
    const linkRight = Int32Array.from(linkedPairs, (k) => right[k] as number);
    const linkProbability = Float64Array.from(
      linkedPairs,
      (k) => 1 / (1 + 2 ** -(priorWeight + (weight[k] as number))),
    );
    return clusterMentions({
      count: f.count,
      links: { left: linkLeft, right: linkRight, probability: linkProbability },
      probability: (i, j) => {
        const p = comparer.compare(i, j);
        const key = comparer.sharedKey();
        const w = priorWeight + (patternWeight[p] as number) + (key >= 0 ? tfAdjustment(tables, p, key) : 0);
        return 1 / (1 + 2 ** -w);
      },
      fieldWeights: (i, j, out) => {
        const p = comparer.compare(i, j);
        const key = comparer.sharedKey();
        for (let field = 0; field < FIELD_COUNT; field++) {
          const level = levelOf(p, field);
          out[field] =
            level === LEVEL_COUNTS[field]
              ? Number.NaN
              : (tables.levelWeight[field] as number[])[level]! +
                (field === NAME_FIELD && key >= 0 ? tfAdjustment(tables, p, key) : 0);
        }
        if (linkage === 'profile')
          out[DETENTION_FIELD] = timeWeight(
            tables.levelWeight[DETENTION_FIELD] as number[],
            levelOf(p, DETENTION_FIELD),
          );
      },
      priorWeight,
      fieldCount: FIELD_COUNT,
      mustLink,
      cannotLink,
      threshold,
      linkage,
      latent:
        linkage === 'profile'
          ? {
              fields: personFields(f, m, u),
              fieldIndex: PERSON_FIELD_INDEX,
              sizePrior,
            }
          : undefined,
      cap: options.cap,
    });
  };

  let scored = score(f);
  clock('scoring');
  const profile = linkageOf(options, f.count) === 'profile';
  // The first pass only counts people per name: without the size prior it joins less, so a name
  // is never made to look rarer than it is by a wrong join (which would make the second join more).
  let label = cluster(scored, profile ? 0 : undefined);
  if (profile) {
    // A second pass with name frequencies among the first pass's people (`personKeyCounts`).
    clock('clustering');
    scored = score({ ...f, ...personKeyCounts(f, label) });
    clock('scoring');
    label = cluster(scored);
  }
  const { tables, linkCount, linkedPairs, uncertainPairs } = scored;
  // Cluster id: the smallest member id.
  const smallest = new Map<number, string>();
  for (let i = 0; i < f.count; i++) {
    const r = label[i] as number;
    const id = f.ids[i] as string;
    const s = smallest.get(r);
    if (s === undefined || id < s) smallest.set(r, id);
  }
  const clusters = new Map<string, string>();
  for (let i = 0; i < f.count; i++) clusters.set(f.ids[i] as string, smallest.get(label[i] as number)!);
  clock('clustering');

  const explain = (k: number) =>
    explainPair(f, tables, left[k] as number, right[k] as number, patterns[k] as number, shared[k] as number);
  const links = linkedPairs.map(explain);
  const uncertain = uncertainPairs.map(explain);
  const times = clock.finish();
  return {
    clusters,
    links,
    uncertain,
    model: describeModel(em.parameters, uMode === 'em' ? em.parameters.u : u, tables, em),
    stats: {
      mentions: f.count,
      candidatePairs: n,
      oversizedBlocks: candidates.oversizedBlocks,
      distinctNamePairs: comparer.namePairs(),
      links: linkCount,
      uncertain: uncertain.length,
      clusters: smallest.size,
      seconds: times.wall,
      cpuSeconds: times.cpu,
    },
  };
}

/**
 * EM in two sessions, as blocking on names demands. Among candidate pairs, "same name" is a far
 * stronger pattern than "same person", and a single EM over them happily learns the former. So:
 * (1) on the candidate pairs whose names share a key, where the name says nothing more, EM learns
 * m (and u) of every other field: the classes there can only be same person or namesake;
 * (2) on all candidate pairs, with those m held, EM learns the name field's m, every u and λ.
 */
function fitModel(counts: Float64Array, u: number[][], uMode: 'random' | 'fixed' | 'em'): EmResult {
  const start: FsParameters = { lambda: 0.1, m: initialM(), u };
  const sameName = new Float64Array(counts.length);
  for (let p = 0; p < counts.length; p++)
    if (levelOf(p, NAME_FIELD) === NAME_EXACT) sameName[p] = counts[p] as number;
  const others = FIELDS.map((_, field) => field !== NAME_FIELD);
  const pseudoCount = 2;
  const first = fitEm(sameName, start, { fixU: uMode === 'fixed', pseudoCount });
  const m = first.parameters.m.map((row, field) =>
    field === NAME_FIELD ? (start.m[field] as number[]) : row,
  );
  const second = fitEm(counts, { lambda: 0.1, m, u }, { fixM: others, fixU: uMode === 'fixed', pseudoCount });
  return {
    ...second,
    iterations: first.iterations + second.iterations,
    converged: first.converged && second.converged,
  };
}

type Phase = keyof LinkStats['seconds'];

/**
 * Wall and CPU seconds per phase: `lap(phase)` adds the time since the previous lap to it. CPU time
 * is the process's (all threads, garbage collection included): on a shared machine it is the code's
 * own cost where wall time is not.
 */
function timer() {
  const phases = (): LinkStats['seconds'] => ({
    features: 0,
    blocking: 0,
    comparing: 0,
    u: 0,
    em: 0,
    scoring: 0,
    clustering: 0,
    total: 0,
  });
  const wall = phases();
  const cpu = phases();
  const start = performance.now();
  const startCpu = process.cpuUsage();
  let last = start;
  let lastCpu = startCpu;
  const lap = (phase: Phase) => {
    const now = performance.now();
    const nowCpu = process.cpuUsage();
    wall[phase] += (now - last) / 1000;
    cpu[phase] += (nowCpu.user - lastCpu.user + nowCpu.system - lastCpu.system) / 1e6;
    last = now;
    lastCpu = nowCpu;
  };
  lap.finish = () => {
    const c = process.cpuUsage(startCpu);
    wall.total = (performance.now() - start) / 1000;
    cpu.total = (c.user + c.system) / 1e6;
    return { wall, cpu };
  };
  return lap;
}

/**
 * Below this many mentions the person-level fields fall back on mean pairwise weights: their noise
 * is read off EM's m, and EM learns little from a few hundred pairs.
 */
export const MIN_PROFILE_MENTIONS = 1000;

function linkageOf(options: LinkOptions, mentions: number): NonNullable<LinkOptions['linkage']> {
  const linkage = options.linkage ?? 'profile';
  return linkage === 'profile' && mentions < MIN_PROFILE_MENTIONS ? 'fields' : linkage;
}

/**
 * Name-key frequencies among people instead of mentions: each cluster counts once per coarse key it
 * carries. A person named in fifteen testimonies makes a name look fifteen times commoner among
 * mentions than it is among people, and agreeing on it weigh four bits less than it should.
 */
function personKeyCounts(f: Features, label: Int32Array): { coarseCount: Int32Array; named: number } {
  const coarseCount = new Int32Array(f.coarseCount.length);
  const seen = new Map<number, Set<number>>();
  for (let i = 0; i < f.count; i++) {
    const id = f.name[i] as number;
    if (id < 0) continue;
    const c = label[i] as number;
    let keys = seen.get(c);
    if (!keys) {
      keys = new Set();
      seen.set(c, keys);
    }
    for (const k of (f.names[id] as Features['names'][number]).coarse) keys.add(k);
  }
  for (const keys of seen.values()) for (const k of keys) coarseCount[k]!++;
  return { coarseCount, named: seen.size };
}
