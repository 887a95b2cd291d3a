/**
 * Linear models over sparse binary features, trained by stochastic gradient descent with AdaGrad
 * step sizes and L2 regularisation: a multinomial logistic regression (one label among several)
 * and independent binary logistic regressions (any number of labels). Pure and deterministic:
 * the same examples, options and seed give the same weights.
 */

/** One training example: indices of its active features and the indices of its labels. */
export type SparseExample = { features: number[]; labels: number[] };

/** How to train. */
export type TrainingOptions = {
  epochs: number;
  /** Initial step size (AdaGrad scales it per weight). */
  learningRate: number;
  /** L2 penalty per example, applied to the weights an example touches. */
  l2: number;
  /** Seeds the order in which examples are visited in each epoch. */
  seed: number;
};

/**
 * Weights, feature-major so that one feature's weights for all labels sit together (the training
 * loop visits them in that order): `weights[feature * labelCount + label]`.
 */
export type LinearWeights = { labelCount: number; featureCount: number; weights: Float64Array };

/** A small deterministic pseudo-random generator (mulberry32) for shuffling. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffledOrder(count: number, random: () => number): number[] {
  const order = Array.from({ length: count }, (_, i) => i);
  for (let i = count - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j] as number, order[i] as number];
  }
  return order;
}

/** Label scores of one example: the sum of its features' weights, per label. */
export function linearScores(model: LinearWeights, features: readonly number[]): Float64Array {
  const labels = model.labelCount;
  const scores = new Float64Array(labels);
  for (const f of features) {
    const at = f * labels;
    for (let label = 0; label < labels; label++)
      scores[label] = (scores[label] as number) + (model.weights[at + label] as number);
  }
  return scores;
}

/** Softmax in place, stable for large scores. */
export function softmax(scores: Float64Array): Float64Array {
  let max = Number.NEGATIVE_INFINITY;
  for (const s of scores) max = Math.max(max, s);
  let total = 0;
  for (let i = 0; i < scores.length; i++) {
    scores[i] = Math.exp((scores[i] as number) - max);
    total += scores[i] as number;
  }
  for (let i = 0; i < scores.length; i++) scores[i] = (scores[i] as number) / total;
  return scores;
}

/** The logistic function. */
export function sigmoid(x: number): number {
  return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
}

function train(
  examples: readonly SparseExample[],
  labelCount: number,
  featureCount: number,
  options: TrainingOptions,
  probabilities: (scores: Float64Array) => Float64Array,
): LinearWeights {
  const model: LinearWeights = {
    labelCount,
    featureCount,
    weights: new Float64Array(labelCount * featureCount),
  };
  const squaredGradients = new Float64Array(labelCount * featureCount).fill(1e-8);
  const random = seededRandom(options.seed);
  const target = new Float64Array(labelCount);
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (const index of shuffledOrder(examples.length, random)) {
      const example = examples[index] as SparseExample;
      const p = probabilities(linearScores(model, example.features));
      target.fill(0);
      for (const label of example.labels) target[label] = 1;
      for (let label = 0; label < labelCount; label++)
        target[label] = (p[label] as number) - (target[label] as number);
      for (const f of example.features) {
        for (let label = 0; label < labelCount; label++) {
          const error = target[label] as number;
          const at = f * labelCount + label;
          const w = model.weights[at] as number;
          const gradient = error + options.l2 * w;
          squaredGradients[at] = (squaredGradients[at] as number) + gradient * gradient;
          model.weights[at] =
            w - (options.learningRate * gradient) / Math.sqrt(squaredGradients[at] as number);
        }
      }
    }
  }
  return model;
}

/** Multinomial logistic regression: each example has exactly one label. */
export function trainSoftmaxRegression(
  examples: readonly SparseExample[],
  labelCount: number,
  featureCount: number,
  options: TrainingOptions,
): LinearWeights {
  return train(examples, labelCount, featureCount, options, softmax);
}

/** One binary logistic regression per label (one-vs-rest): each example has any number of labels. */
export function trainBinaryRegressions(
  examples: readonly SparseExample[],
  labelCount: number,
  featureCount: number,
  options: TrainingOptions,
): LinearWeights {
  return train(examples, labelCount, featureCount, options, (scores) => scores.map(sigmoid));
}
