import type { FsParameters } from './em.ts';
import type { Features } from './features.ts';
import {
  FIELD_COUNT,
  FIELDS,
  LEVEL_COUNTS,
  levelOf,
  NAME_EXACT,
  NAME_FIELD,
  PATTERN_COUNT,
} from './fields.ts';

/** The fitted model as reported: m, u and weight per field level, the prior, and how EM went. */
export type LinkageModel = {
  fields: { field: string; levels: { level: string; m: number; u: number; weight: number }[] }[];
  /** Share of matches among candidate pairs (from EM). */
  lambda: number;
  /** Probability that two mentions drawn at random are the same person; its log2 odds start every score. */
  prior: number;
  priorWeight: number;
  iterations: number;
  converged: boolean;
};

/** What scoring needs, in typed arrays: weight per pattern, and the name term-frequency terms. */
export type ScoringTables = {
  patternWeight: Float64Array;
  /** Field × level weights (log2 m/u), 0 for missing. */
  levelWeight: number[][];
  priorWeight: number;
  /** log2 Σ share² over coarse name keys: the chance that two random named mentions share one. */
  logSharedKey: number;
  /** Per coarse name key: −log2 of its share among named mentions. */
  keyLogShare: Float64Array;
  /** Per pattern: its name level. */
  nameLevel: Uint8Array;
};

export function log2Odds(p: number): number {
  return Math.log2(p / (1 - p));
}

/**
 * Scoring tables from m (EM on candidate pairs) and u (random pairs). The prior is λ scaled from
 * candidate pairs to all pairs, since nearly every true match is a candidate and u describes all pairs.
 */
export function scoringTables(
  f: Features,
  m: number[][],
  u: number[][],
  lambda: number,
  candidatePairs: number,
  priorOnCandidates = false,
): ScoringTables {
  const allPairs = (f.count * (f.count - 1)) / 2;
  const prior = priorOnCandidates
    ? lambda
    : Math.min(Math.max((lambda * candidatePairs) / Math.max(allPairs, 1), 1e-12), 0.5);
  const levelWeight = LEVEL_COUNTS.map((l, field) =>
    Array.from({ length: l + 1 }, (_, level) =>
      level === l ? 0 : Math.log2((m[field] as number[])[level]! / (u[field] as number[])[level]!),
    ),
  );
  const patternWeight = new Float64Array(PATTERN_COUNT);
  for (let p = 0; p < PATTERN_COUNT; p++) {
    let w = 0;
    for (let field = 0; field < FIELD_COUNT; field++)
      w += (levelWeight[field] as number[])[levelOf(p, field)]!;
    patternWeight[p] = w;
  }
  const keyLogShare = Float64Array.from(
    f.coarseCount,
    (c) => -Math.log2(Math.max(c, 1) / Math.max(f.named, 1)),
  );
  let sumOfSquares = 0;
  for (const c of f.coarseCount) sumOfSquares += (c / Math.max(f.named, 1)) ** 2;
  const nameLevel = new Uint8Array(PATTERN_COUNT);
  for (let p = 0; p < PATTERN_COUNT; p++) nameLevel[p] = levelOf(p, NAME_FIELD);
  return {
    patternWeight,
    levelWeight,
    priorWeight: log2Odds(prior),
    logSharedKey: Math.log2(Math.max(sumOfSquares, 1e-300)),
    keyLogShare,
    nameLevel,
  };
}

/**
 * The term-frequency adjustment when two names are close or the same and share coarse key k (same
 * surname, same-sounding given name): log2(Σ share² / share_k). Agreeing on a name is worth
 * log2(m_level / u_level) for the average name; for this one, u_level scales with how common it is:
 * P(level, key k | non-match) ≈ share_k² · q and u_level ≈ Σ share² · q, while P(level, key k | match)
 * ≈ share_k · m_level, so the Bayes factor is m_level / u_level · Σ share² / share_k (for the exact
 * level this is Splink's m / share_k). Zero when no key is shared.
 */
export function tfAdjustment(tables: ScoringTables, _pattern: number, key: number): number {
  if (key < 0) return 0;
  return tables.logSharedKey + (tables.keyLogShare[key] as number);
}

export function describeModel(
  parameters: FsParameters,
  u: number[][],
  tables: ScoringTables,
  em: { iterations: number; converged: boolean },
): LinkageModel {
  return {
    fields: FIELDS.map((field, f) => ({
      field: field.name,
      levels: field.levels.map((level, l) => ({
        level,
        m: (parameters.m[f] as number[])[l]!,
        u: (u[f] as number[])[l]!,
        weight: (tables.levelWeight[f] as number[])[l]!,
      })),
    })),
    lambda: parameters.lambda,
    prior: 1 / (1 + 2 ** -tables.priorWeight),
    priorWeight: tables.priorWeight,
    iterations: em.iterations,
    converged: em.converged,
  };
}
