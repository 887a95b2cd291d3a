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

/**
 * How to train a scorer: a linear model, networks (`networks` of them, seeds `seed`, `seed + 1`…,
 * their probabilities averaged), or both; `networkWeight` is the networks' share (0–1).
 */
export type ScorerOptions = {
  linear: TrainingOptions | null;
  network: (NetworkOptions & { networks: number }) | null;
  networkWeight: number;
};

export type Scorer = {
  kind: OutputKind;
  linear: LinearWeights | null;
  networks: SparseNetwork[];
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
  const network = options.network;
  const networks =
    network === null
      ? []
      : Array.from({ length: network.networks }, (_, run) =>
          (kind === 'softmax' ? trainSoftmaxNetwork : trainSigmoidNetwork)(
            examples,
            labelCount,
            featureCount,
            { ...network, seed: network.seed + run },
          ),
        );
  const networkWeight = linear === null ? 1 : networks.length === 0 ? 0 : options.networkWeight;
  return { kind, linear, networks, networkWeight };
}

/** Label probabilities of one example: the models' probabilities, mixed. */
export function scorerProbabilities(scorer: Scorer, features: readonly number[]): Float64Array {
  const probabilities = (scores: Float64Array) =>
    scorer.kind === 'softmax' ? softmax(scores) : scores.map(sigmoid);
  const linear = scorer.linear && probabilities(linearScores(scorer.linear, features));
  let network: Float64Array | null = null;
  for (const each of scorer.networks) {
    const p = probabilities(networkScores(each, features));
    if (network === null) network = p;
    else for (let i = 0; i < p.length; i++) network[i] = (network[i] as number) + (p[i] as number);
  }
  if (network !== null)
    for (let i = 0; i < network.length; i++) network[i] = (network[i] as number) / scorer.networks.length;
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

/**
 * A network's weights in base64 (compact, quick to read): the embeddings feature-major, one signed
 * byte per weight with one scale per feature (32-bit floats: the feature's largest weight / 127);
 * biases and output weights (unit-major) in thousandths as 16-bit little-endian integers.
 */
const StoredNetwork = z.strictObject({
  hidden: z.int().min(1),
  embeddings: z.base64(),
  embedding_scales: z.base64(),
  hidden_bias: z.base64(),
  output: z.base64(),
  output_bias: z.base64(),
});

/** A scorer as stored in the shipped JSON. */
export const StoredScorer = z.strictObject({
  linear: z.array(SparseRow).nullable(),
  networks: z.array(StoredNetwork),
  network_weight: z.number().min(0).max(1),
});
export type StoredScorer = z.infer<typeof StoredScorer>;

/** Weights in thousandths, each clamped to a signed 16-bit integer, little-endian, in base64. */
function packWeights(values: Float64Array): string {
  const bytes = new DataView(new ArrayBuffer(values.length * 2));
  values.forEach((v, i) => {
    bytes.setInt16(i * 2, Math.max(-32768, Math.min(32767, Math.round(v * 1000))), true);
  });
  return Buffer.from(bytes.buffer).toString('base64');
}

/** Rows of `width` weights as signed bytes, each row with its own scale (largest |weight| / 127). */
function packRows(values: Float64Array, width: number): { bytes: string; scales: string } {
  const rows = values.length / width;
  const bytes = new Int8Array(values.length);
  const scales = new Float32Array(rows);
  for (let row = 0; row < rows; row++) {
    let max = 0;
    for (let j = 0; j < width; j++) max = Math.max(max, Math.abs(values[row * width + j] as number));
    const scale = Math.fround(max / 127);
    scales[row] = scale;
    if (scale === 0) continue;
    for (let j = 0; j < width; j++)
      bytes[row * width + j] = Math.max(
        -127,
        Math.min(127, Math.round((values[row * width + j] as number) / scale)),
      );
  }
  const littleEndian = new DataView(new ArrayBuffer(rows * 4));
  scales.forEach((scale, i) => {
    littleEndian.setFloat32(i * 4, scale, true);
  });
  return {
    bytes: Buffer.from(bytes.buffer).toString('base64'),
    scales: Buffer.from(littleEndian.buffer).toString('base64'),
  };
}

function unpackRows(packedBytes: string, packedScales: string, width: number): Float64Array {
  const bytes = Buffer.from(packedBytes, 'base64');
  const scales = Buffer.from(packedScales, 'base64');
  const view = new DataView(scales.buffer, scales.byteOffset, scales.byteLength);
  const values = new Float64Array(bytes.byteLength);
  for (let i = 0; i < values.length; i++)
    values[i] = bytes.readInt8(i) * view.getFloat32(Math.floor(i / width) * 4, true);
  return values;
}

function unpackWeights(packed: string): Float64Array {
  const buffer = Buffer.from(packed, 'base64');
  const bytes = new DataView(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  return Float64Array.from({ length: buffer.byteLength / 2 }, (_, i) => bytes.getInt16(i * 2, true) / 1000);
}

/** The compact form of a scorer; linear weights below `pruneBelow` are dropped. */
export function storeScorer(scorer: Scorer, pruneBelow: number): StoredScorer {
  const { linear } = scorer;
  return {
    linear: linear && sparseRows(linear, pruneBelow),
    networks: scorer.networks.map((network) => {
      const embeddings = packRows(network.embeddings, network.hidden);
      return {
        hidden: network.hidden,
        embeddings: embeddings.bytes,
        embedding_scales: embeddings.scales,
        hidden_bias: packWeights(network.hiddenBias),
        output: packWeights(network.output),
        output_bias: packWeights(network.outputBias),
      };
    }),
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
  return {
    kind,
    linear: stored.linear && denseWeights(stored.linear, featureCount),
    networks: stored.networks.map((network) => ({
      featureCount,
      hidden: network.hidden,
      outputs: labelCount,
      embeddings: unpackRows(network.embeddings, network.embedding_scales, network.hidden),
      hiddenBias: unpackWeights(network.hidden_bias),
      output: unpackWeights(network.output),
      outputBias: unpackWeights(network.output_bias),
    })),
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
