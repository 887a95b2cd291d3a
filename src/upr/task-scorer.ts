/**
 * One task's scorer (the action, or the issues): a linear model, a small network, or both with
 * their probabilities mixed; its vocabulary; and its compact form for the shipped JSON (weights in
 * thousandths, the linear ones sparse). Pure.
 */
import { z } from 'zod';
import {
  type LinearWeights,
  linearScores,
  type SparseExample,
  sigmoid,
  softmax,
  type TrainingOptions,
  trainBinaryRegressions,
  trainSoftmaxRegression,
} from './linear-models.ts';
import {
  type NetworkOptions,
  networkScores,
  type SparseNetwork,
  trainSigmoidNetwork,
  trainSoftmaxNetwork,
} from './sparse-network.ts';

/** `softmax`: one label among several (the action); `sigmoid`: any number of labels (issues). */
export type OutputKind = 'softmax' | 'sigmoid';

/** How to train a scorer: either model or both; `networkWeight` is the network's share (0–1). */
export type ScorerOptions = {
  linear: TrainingOptions | null;
  network: NetworkOptions | null;
  networkWeight: number;
};

export type Scorer = {
  kind: OutputKind;
  linear: LinearWeights | null;
  network: SparseNetwork | null;
  networkWeight: number;
};

/** Trains the scorer's models on examples over `featureCount` features. */
export function trainScorer(
  kind: OutputKind,
  examples: readonly SparseExample[],
  labelCount: number,
  featureCount: number,
  options: ScorerOptions,
): Scorer {
  const linear =
    options.linear === null
      ? null
      : (kind === 'softmax' ? trainSoftmaxRegression : trainBinaryRegressions)(
          examples,
          labelCount,
          featureCount,
          options.linear,
        );
  const network =
    options.network === null
      ? null
      : (kind === 'softmax' ? trainSoftmaxNetwork : trainSigmoidNetwork)(
          examples,
          labelCount,
          featureCount,
          options.network,
        );
  const networkWeight = linear === null ? 1 : network === null ? 0 : options.networkWeight;
  return { kind, linear, network, networkWeight };
}

/** Label probabilities of one example: the models' probabilities, mixed. */
export function scorerProbabilities(scorer: Scorer, features: readonly number[]): Float64Array {
  const probabilities = (scores: Float64Array) =>
    scorer.kind === 'softmax' ? softmax(scores) : scores.map(sigmoid);
  const linear = scorer.linear && probabilities(linearScores(scorer.linear, features));
  const network = scorer.network && probabilities(networkScores(scorer.network, features));
  if (!network) return linear as Float64Array;
  if (!linear) return network;
  const w = scorer.networkWeight;
  return linear.map((p, i) => (1 - w) * p + w * (network[i] as number));
}

/**
 * One label's linear weights, sparse: feature indices in ascending order and weights in
 * thousandths (weights below `pruneBelow` dropped).
 */
const SparseRow = z.strictObject({ features: z.array(z.int().min(0)), weights: z.array(z.int()) });

/** A network's weights in thousandths: embeddings feature-major, output weights unit-major. */
const StoredNetwork = z.strictObject({
  hidden: z.int().min(1),
  embeddings: z.array(z.int()),
  hidden_bias: z.array(z.int()),
  output: z.array(z.int()),
  output_bias: z.array(z.int()),
});

/** A scorer as stored in the shipped JSON. */
export const StoredScorer = z.strictObject({
  linear: z.array(SparseRow).nullable(),
  network: StoredNetwork.nullable(),
  network_weight: z.number().min(0).max(1),
});
export type StoredScorer = z.infer<typeof StoredScorer>;

const thousandths = (values: Float64Array): number[] => Array.from(values, (v) => Math.round(v * 1000));
const fromThousandths = (values: readonly number[]): Float64Array => Float64Array.from(values, (v) => v / 1000);

/** The compact form of a scorer; linear weights below `pruneBelow` are dropped. */
export function storeScorer(scorer: Scorer, pruneBelow: number): StoredScorer {
  const { linear, network } = scorer;
  return {
    linear: linear && sparseRows(linear, pruneBelow),
    network: network && {
      hidden: network.hidden,
      embeddings: thousandths(network.embeddings),
      hidden_bias: thousandths(network.hiddenBias),
      output: thousandths(network.output),
      output_bias: thousandths(network.outputBias),
    },
    network_weight: scorer.networkWeight,
  };
}

/** A stored scorer ready to score, over `featureCount` features and `labelCount` labels. */
export function loadScorer(
  kind: OutputKind,
  stored: StoredScorer,
  featureCount: number,
  labelCount: number,
): Scorer {
  const network = stored.network;
  return {
    kind,
    linear: stored.linear && denseWeights(stored.linear, featureCount),
    network: network && {
      featureCount,
      hidden: network.hidden,
      outputs: labelCount,
      embeddings: fromThousandths(network.embeddings),
      hiddenBias: fromThousandths(network.hidden_bias),
      output: fromThousandths(network.output),
      outputBias: fromThousandths(network.output_bias),
    },
    networkWeight: stored.network_weight,
  };
}

function sparseRows(model: LinearWeights, pruneBelow: number): z.infer<typeof SparseRow>[] {
  const rows: z.infer<typeof SparseRow>[] = [];
  for (let label = 0; label < model.labelCount; label++) {
    const row = { features: [] as number[], weights: [] as number[] };
    for (let f = 0; f < model.featureCount; f++) {
      const w = Math.round((model.weights[f * model.labelCount + label] as number) * 1000);
      if (w !== 0 && Math.abs(w) >= pruneBelow * 1000) {
        row.features.push(f);
        row.weights.push(w);
      }
    }
    rows.push(row);
  }
  return rows;
}

function denseWeights(rows: readonly z.infer<typeof SparseRow>[], featureCount: number): LinearWeights {
  const weights = new Float64Array(rows.length * featureCount);
  rows.forEach((row, label) => {
    row.features.forEach((f, i) => {
      weights[f * rows.length + label] = (row.weights[i] as number) / 1000;
    });
  });
  return { labelCount: rows.length, featureCount, weights };
}
