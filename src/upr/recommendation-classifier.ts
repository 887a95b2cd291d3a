import { z } from 'zod';
import type { LabelledRecommendation } from './labelled-recommendation.ts';
import {
  type LinearWeights,
  linearScores,
  type SparseExample,
  sigmoid,
  type TrainingOptions,
  trainBinaryRegressions,
  trainSoftmaxRegression,
} from './linear-models.ts';
import { FEATURE_FAMILIES, type FeatureFamily, recommendationFeatures } from './recommendation-features.ts';

/** UPR Info's action categories, 1 (minimal action) … 5 (specific action). */
export const ACTION_CATEGORIES = [1, 2, 3, 4, 5] as const;

/**
 * One label's weights, sparse: feature indices in ascending order and weights in thousandths
 * (weights below half a thousandth are dropped), which keeps the shipped file small.
 */
const SparseRow = z.strictObject({ features: z.array(z.int().min(0)), weights: z.array(z.int()) });

/** A trained classifier as shipped in `data/upr/` (JSON). */
export const RecommendationClassifierModel = z.strictObject({
  format: z.literal('daylight-upr-recommendation-classifier/2'),
  /** How and from what it was trained, and what it measured on the held-out part. */
  training: z.record(z.string(), z.unknown()),
  features: z.array(z.string()),
  action: z.strictObject({
    families: z.array(z.enum(FEATURE_FAMILIES)),
    classes: z.array(z.int().min(1).max(5)),
    rows: z.array(SparseRow),
  }),
  issues: z.strictObject({
    families: z.array(z.enum(FEATURE_FAMILIES)),
    labels: z.array(z.string().min(1)),
    /** Per issue: the probability above which the issue is given. */
    thresholds: z.array(z.number()),
    rows: z.array(SparseRow),
  }),
});
export type RecommendationClassifierModel = z.infer<typeof RecommendationClassifierModel>;

/** What the classifier says of one recommendation. */
export type RecommendationClassification = { action: number; issues: string[] };

/** Hyper-parameters of training. */
export type ClassifierTrainingOptions = {
  /** The feature families the action model learns from. */
  actionFeatures: FeatureFamily[];
  /**
   * The feature families the issue models learn from (word pairs and first words made them
   * overfit: held-out micro-F1 0.846 with them, 0.855 without).
   */
  issueFeatures: FeatureFamily[];
  /** Features seen in fewer training recommendations are ignored. */
  minFeatureCount: number;
  action: TrainingOptions;
  issues: TrainingOptions;
  /** Weights smaller than this (in absolute value) are dropped from the shipped model. */
  pruneBelow: number;
  /** Per-issue thresholds are chosen on this share of the training part, held apart (0: all 0.5). */
  thresholdShare: number;
};

/** The options the shipped model is trained with. */
export const DEFAULT_TRAINING_OPTIONS: ClassifierTrainingOptions = {
  actionFeatures: ['words', 'pairs', 'opening', 'shape'],
  issueFeatures: ['words'],
  minFeatureCount: 3,
  pruneBelow: 0.2,
  action: { epochs: 10, learningRate: 0.05, l2: 1e-5, seed: 12 },
  issues: { epochs: 32, learningRate: 0.3, l2: 1e-4, seed: 12 },
  thresholdShare: 0.2,
};

/** A model ready to predict: dense weights and a feature index. */
export type CompiledClassifier = {
  actionFamilies: FeatureFamily[];
  issueFamilies: FeatureFamily[];
  featureIndex: Map<string, number>;
  actionClasses: number[];
  action: LinearWeights;
  issueLabels: string[];
  thresholds: number[];
  issues: LinearWeights;
};

function vocabulary(texts: readonly string[][], minCount: number): string[] {
  const counts = new Map<string, number>();
  for (const features of texts) for (const f of features) counts.set(f, (counts.get(f) ?? 0) + 1);
  return [...counts]
    .filter(([, count]) => count >= minCount)
    .map(([feature]) => feature)
    .sort();
}

function indexed(features: readonly string[], index: Map<string, number>): number[] {
  const result: number[] = [];
  for (const f of features) {
    const i = index.get(f);
    if (i !== undefined) result.push(i);
  }
  return result;
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

/**
 * The threshold on one issue's probability that maximises micro-F1's share for that issue (its
 * true positives against its errors), searched over the observed probabilities.
 */
function bestThreshold(scored: { p: number; positive: boolean }[]): number {
  const sorted = [...scored].sort((a, b) => b.p - a.p);
  const positives = sorted.filter((s) => s.positive).length;
  let best = 0.5;
  let bestF1 = -1;
  let truePositives = 0;
  for (let i = 0; i < sorted.length; i++) {
    if ((sorted[i] as { positive: boolean }).positive) truePositives++;
    const predicted = i + 1;
    const f1 = (2 * truePositives) / (predicted + positives);
    const next = sorted[i + 1]?.p ?? 0;
    if (f1 > bestF1 && (sorted[i] as { p: number }).p > next) {
      bestF1 = f1;
      best = ((sorted[i] as { p: number }).p + next) / 2;
    }
  }
  return Math.min(Math.max(best, 0.05), 0.95);
}

/** Splits the training rows deterministically by position hash for choosing thresholds. */
function thresholdFold(i: number, share: number): boolean {
  return ((Math.imul(i + 1, 2654435761) >>> 0) % 1000) / 1000 < share;
}

/**
 * Trains the action and issue classifiers on labelled recommendations. Issue thresholds are
 * chosen on a part of the rows held apart, then the issue model is retrained on all of them.
 */
export function trainRecommendationClassifier(
  rows: readonly LabelledRecommendation[],
  options: ClassifierTrainingOptions = DEFAULT_TRAINING_OPTIONS,
  training: Record<string, unknown> = {},
): RecommendationClassifierModel {
  const actionLists = rows.map((r) => recommendationFeatures(r.text, options.actionFeatures));
  const issueLists = rows.map((r) => recommendationFeatures(r.text, options.issueFeatures));
  const features = vocabulary(
    rows.map((_, i) => [...new Set([...(actionLists[i] as string[]), ...(issueLists[i] as string[])])]),
    options.minFeatureCount,
  );
  const featureIndex = new Map(features.map((f, i) => [f, i]));
  const issueLabels = [...new Set(rows.flatMap((r) => r.issues))].sort();
  const issueIndex = new Map(issueLabels.map((l, i) => [l, i]));
  const actionClasses = [...ACTION_CATEGORIES];
  const actionExamples: SparseExample[] = rows.map((r, i) => ({
    features: indexed(actionLists[i] as string[], featureIndex),
    labels: [actionClasses.indexOf(r.action as 1)],
  }));
  const issueExamples: SparseExample[] = rows.map((r, i) => ({
    features: indexed(issueLists[i] as string[], featureIndex),
    labels: r.issues.map((issue) => issueIndex.get(issue) as number),
  }));
  const action = trainSoftmaxRegression(
    actionExamples,
    actionClasses.length,
    features.length,
    options.action,
  );

  let thresholds = issueLabels.map(() => 0.5);
  if (options.thresholdShare > 0) {
    const fit = issueExamples.filter((_, i) => !thresholdFold(i, options.thresholdShare));
    const tune = issueExamples.filter((_, i) => thresholdFold(i, options.thresholdShare));
    const provisional = trainBinaryRegressions(fit, issueLabels.length, features.length, options.issues);
    const tuneScores = tune.map((e) => linearScores(provisional, e.features).map(sigmoid));
    thresholds = issueLabels.map((_, label) =>
      bestThreshold(
        tune.map((e, i) => ({
          p: (tuneScores[i] as Float64Array)[label] as number,
          positive: e.labels.includes(label),
        })),
      ),
    );
  }
  const issues = trainBinaryRegressions(issueExamples, issueLabels.length, features.length, options.issues);
  return {
    format: 'daylight-upr-recommendation-classifier/2',
    training,
    features,
    action: {
      families: options.actionFeatures,
      classes: actionClasses,
      rows: sparseRows(action, options.pruneBelow),
    },
    issues: {
      families: options.issueFeatures,
      labels: issueLabels,
      thresholds,
      rows: sparseRows(issues, options.pruneBelow),
    },
  };
}

/** Prepares a (shipped or freshly trained) model for prediction. */
export function compileClassifier(model: RecommendationClassifierModel): CompiledClassifier {
  return {
    actionFamilies: model.action.families,
    issueFamilies: model.issues.families,
    featureIndex: new Map(model.features.map((f, i) => [f, i])),
    actionClasses: model.action.classes,
    action: denseWeights(model.action.rows, model.features.length),
    issueLabels: model.issues.labels,
    thresholds: model.issues.thresholds,
    issues: denseWeights(model.issues.rows, model.features.length),
  };
}

/**
 * UPR Info's action category and issues for a recommendation's text: the most probable action;
 * every issue above its threshold, or the single most probable issue when none is (UPR Info gives
 * every recommendation at least one issue).
 */
export function classifyRecommendation(
  classifier: CompiledClassifier,
  text: string,
  options: { atLeastOneIssue: boolean } = { atLeastOneIssue: true },
): RecommendationClassification {
  const actionFeatures = indexed(
    recommendationFeatures(text, classifier.actionFamilies),
    classifier.featureIndex,
  );
  const actionScores = linearScores(classifier.action, actionFeatures);
  let bestAction = 0;
  for (let i = 1; i < actionScores.length; i++)
    if ((actionScores[i] as number) > (actionScores[bestAction] as number)) bestAction = i;
  const issueFeatures = indexed(recommendationFeatures(text, classifier.issueFamilies), classifier.featureIndex);
  const probabilities = linearScores(classifier.issues, issueFeatures).map(sigmoid);
  let bestIssue = 0;
  const issues: string[] = [];
  probabilities.forEach((p, i) => {
    if (p > (probabilities[bestIssue] as number)) bestIssue = i;
    if (p >= (classifier.thresholds[i] as number)) issues.push(classifier.issueLabels[i] as string);
  });
  if (issues.length === 0 && options.atLeastOneIssue)
    issues.push(classifier.issueLabels[bestIssue] as string);
  return { action: classifier.actionClasses[bestAction] as number, issues };
}
