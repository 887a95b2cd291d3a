import type { Features } from './features.ts';
import { FIELD_COUNT, FIELDS, LEVEL_COUNTS, levelOf, NAME_FIELD } from './fields.ts';
import { type ScoringTables, tfAdjustment } from './model.ts';

/** One field's part in a pair's score: its comparison level and its weight (log2 Bayes factor). */
export type FieldEvidence = {
  field: string;
  /** The comparison level, or "missing" (weight 0). */
  level: string;
  weight: number;
  /** Name only: how much of the weight is the term-frequency adjustment for this particular name. */
  frequency_adjustment?: number;
};

/** A scored pair with its explanation: prior + Σ field weights = weight; probability = 1 / (1 + 2^−weight). */
export type ScoredPair = {
  a: string;
  b: string;
  probability: number;
  weight: number;
  prior_weight: number;
  fields: FieldEvidence[];
};

/** The explanation of one pair from its pattern and shared name key. */
export function explainPair(
  f: Features,
  tables: ScoringTables,
  i: number,
  j: number,
  pattern: number,
  sharedKey: number,
): ScoredPair {
  const fields: FieldEvidence[] = [];
  let weight = tables.priorWeight;
  for (let field = 0; field < FIELD_COUNT; field++) {
    const level = levelOf(pattern, field);
    const missing = level === LEVEL_COUNTS[field];
    let w = tables.levelWeight[field]![level]!;
    const evidence: FieldEvidence = {
      field: FIELDS[field]!.name,
      level: missing ? 'missing' : FIELDS[field]!.levels[level]!,
      weight: w,
    };
    if (field === NAME_FIELD && sharedKey >= 0) {
      const adjustment = tfAdjustment(tables, pattern, sharedKey);
      w += adjustment;
      evidence.weight = w;
      evidence.frequency_adjustment = adjustment;
    }
    weight += w;
    fields.push(evidence);
  }
  const [a, b] = f.ids[i]! < f.ids[j]! ? [f.ids[i]!, f.ids[j]!] : [f.ids[j]!, f.ids[i]!];
  return { a, b, probability: 1 / (1 + 2 ** -weight), weight, prior_weight: tables.priorWeight, fields };
}
