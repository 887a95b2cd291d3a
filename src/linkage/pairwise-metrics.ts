/** Pairwise precision, recall and F1 of a clustering against the truth, counting pairs of mentions. */
export type PairwiseMetrics = {
  precision: number;
  recall: number;
  f1: number;
  truePairs: number;
  predictedPairs: number;
  correctPairs: number;
};

function pairsWithin(groups: Map<string, number>): number {
  let total = 0;
  for (const size of groups.values()) total += (size * (size - 1)) / 2;
  return total;
}

function sizes(keys: Iterable<string>): Map<string, number> {
  const out = new Map<string, number>();
  for (const k of keys) out.set(k, (out.get(k) ?? 0) + 1);
  return out;
}

/** `predicted` and `truth` map every mention id to a cluster and to a person. */
export function pairwiseMetrics(predicted: Map<string, string>, truth: Map<string, string>): PairwiseMetrics {
  const ids = [...truth.keys()];
  const truePairs = pairsWithin(sizes(ids.map((id) => truth.get(id)!)));
  const predictedPairs = pairsWithin(sizes(ids.map((id) => predicted.get(id) ?? `self:${id}`)));
  const correctPairs = pairsWithin(
    sizes(ids.map((id) => `${predicted.get(id) ?? `self:${id}`}\u0000${truth.get(id)}`)),
  );
  const precision = predictedPairs === 0 ? 1 : correctPairs / predictedPairs;
  const recall = truePairs === 0 ? 1 : correctPairs / truePairs;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, truePairs, predictedPairs, correctPairs };
}

/** The share of true same-person pairs that blocking made candidates. */
export function blockingRecall(
  pairs: { count: number; left: Int32Array; right: Int32Array },
  personOf: readonly string[],
): number {
  const truePairs = pairsWithin(sizes(personOf));
  let found = 0;
  for (let k = 0; k < pairs.count; k++)
    if (personOf[pairs.left[k] as number] === personOf[pairs.right[k] as number]) found++;
  return truePairs === 0 ? 1 : found / truePairs;
}
