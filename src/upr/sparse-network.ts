/**
 * A small neural network over sparse binary features: one hidden layer of rectified linear units
 * (the sum of the active features' embeddings plus a bias) and a linear output layer, read as a
 * softmax (one label among several) or as independent sigmoids (any number of labels). The hidden
 * layer lets features combine ("take measures" with "including by criminalising"), which a linear
 * model cannot. Trained by SGD with AdaGrad steps and L2; pure and deterministic: the same
 * examples, options and seed give the same weights.
 */
import { type SparseExample, seededRandom, sigmoid, softmax } from './linear-models.ts';

/** How to train a network. */
export type NetworkOptions = {
  hidden: number;
  epochs: number;
  learningRate: number;
  l2: number;
  seed: number;
};

/** Weights: `embeddings[feature * hidden + unit]`, `output[unit * outputs + label]`. */
export type SparseNetwork = {
  featureCount: number;
  hidden: number;
  outputs: number;
  embeddings: Float64Array;
  hiddenBias: Float64Array;
  output: Float64Array;
  outputBias: Float64Array;
};

/** The hidden layer's activations for the active features. */
function hiddenLayer(network: SparseNetwork, features: readonly number[], into: Float64Array): Float64Array {
  const { hidden, embeddings } = network;
  into.set(network.hiddenBias);
  for (const f of features) {
    const at = f * hidden;
    for (let j = 0; j < hidden; j++) into[j] = (into[j] as number) + (embeddings[at + j] as number);
  }
  for (let j = 0; j < hidden; j++) if ((into[j] as number) < 0) into[j] = 0;
  return into;
}

/** Output scores (before softmax or sigmoid) of one example. */
export function networkScores(network: SparseNetwork, features: readonly number[]): Float64Array {
  const h = hiddenLayer(network, features, new Float64Array(network.hidden));
  return outputScores(network, h);
}

function outputScores(network: SparseNetwork, h: Float64Array): Float64Array {
  const { hidden, outputs, output } = network;
  const scores = new Float64Array(network.outputBias);
  for (let j = 0; j < hidden; j++) {
    const a = h[j] as number;
    if (a === 0) continue;
    const at = j * outputs;
    for (let k = 0; k < outputs; k++) scores[k] = (scores[k] as number) + a * (output[at + k] as number);
  }
  return scores;
}

function trainNetwork(
  examples: readonly SparseExample[],
  outputs: number,
  featureCount: number,
  options: NetworkOptions,
  probabilities: (scores: Float64Array) => Float64Array,
): SparseNetwork {
  const { hidden, learningRate: rate, l2 } = options;
  const random = seededRandom(options.seed);
  const scale = 0.1;
  const network: SparseNetwork = {
    featureCount,
    hidden,
    outputs,
    embeddings: Float64Array.from({ length: featureCount * hidden }, () => (random() * 2 - 1) * scale),
    hiddenBias: new Float64Array(hidden).fill(0.01),
    output: Float64Array.from({ length: hidden * outputs }, () => (random() * 2 - 1) * scale),
    outputBias: new Float64Array(outputs),
  };
  const g2 = {
    embeddings: new Float64Array(featureCount * hidden).fill(1e-8),
    hiddenBias: new Float64Array(hidden).fill(1e-8),
    output: new Float64Array(hidden * outputs).fill(1e-8),
    outputBias: new Float64Array(outputs).fill(1e-8),
  };
  const step = (w: Float64Array, g: Float64Array, at: number, gradient: number) => {
    const value = gradient + l2 * (w[at] as number);
    g[at] = (g[at] as number) + value * value;
    w[at] = (w[at] as number) - (rate * value) / Math.sqrt(g[at] as number);
  };
  const h = new Float64Array(hidden);
  const dh = new Float64Array(hidden);
  const error = new Float64Array(outputs);
  const order = Array.from({ length: examples.length }, (_, i) => i);
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j] as number, order[i] as number];
    }
    for (const index of order) {
      const example = examples[index] as SparseExample;
      const features = example.features;
      hiddenLayer(network, features, h);
      const p = probabilities(outputScores(network, h));
      error.set(p);
      for (const label of example.labels) error[label] = (error[label] as number) - 1;
      dh.fill(0);
      for (let j = 0; j < hidden; j++) {
        const a = h[j] as number;
        const at = j * outputs;
        let back = 0;
        for (let k = 0; k < outputs; k++) {
          back += (network.output[at + k] as number) * (error[k] as number);
          if (a !== 0) step(network.output, g2.output, at + k, a * (error[k] as number));
        }
        if (a > 0) dh[j] = back;
      }
      for (let k = 0; k < outputs; k++) step(network.outputBias, g2.outputBias, k, error[k] as number);
      for (let j = 0; j < hidden; j++) {
        const d = dh[j] as number;
        if (d === 0) continue;
        step(network.hiddenBias, g2.hiddenBias, j, d);
        for (const f of features) step(network.embeddings, g2.embeddings, f * hidden + j, d);
      }
    }
  }
  return network;
}

/** A network whose outputs are one softmax: each example has exactly one label. */
export function trainSoftmaxNetwork(
  examples: readonly SparseExample[],
  labelCount: number,
  featureCount: number,
  options: NetworkOptions,
): SparseNetwork {
  return trainNetwork(examples, labelCount, featureCount, options, softmax);
}

/** A network whose outputs are independent sigmoids: each example has any number of labels. */
export function trainSigmoidNetwork(
  examples: readonly SparseExample[],
  labelCount: number,
  featureCount: number,
  options: NetworkOptions,
): SparseNetwork {
  return trainNetwork(examples, labelCount, featureCount, options, (scores) => scores.map(sigmoid));
}
