import { z } from 'zod';
import type { LabelledRecommendation, RecommendationContext } from './labelled-recommendation.ts';
import type { SparseExample } from './linear-models.ts';
import { FEATURE_FAMILIES, type FeatureFamily, recommendationFeatures } from './recommendation-features.ts';
import {
  loadScorer,
  type Scorer,
  type ScorerOptions,
  StoredScorer,
  scorerProbabilities,
  storeScorer,
  trainScorer,
} from './task-scorer.ts';

/** UPR Info's action categories, 1 (minimal action) … 5 (specific action). */
export const ACTION_CATEGORIES = [1, 2, 3, 4, 5] as const;

/** A trained classifier as shipped in `data/upr/` (JSON). */
export const RecommendationClassifierModel = z.strictObject({
  format: z.literal('daylight-upr-recommendation-classifier/3'),
  /** How and from what it was trained, and what it measured on the held-out part. */
  training: z.record(z.string(), z.unknown()),
  action: z.strictObject({
    families: z.array(z.enum(FEATURE_FAMILIES)),
    features: z.array(z.string()),
    classes: z.array(z.int().min(1).max(5)),
    scorer: StoredScorer,
  }),
  issues: z.strictObject({
    families: z.array(z.enum(FEATURE_FAMILIES)),
    features: z.array(z.string()),
    labels: z.array(z.string().min(1)),
    /** Per issue: the probability above which the issue is given. */
    thresholds: z.array(z.number()),
    scorer: StoredScorer,
  }),
});
export type RecommendationClassifierModel = z.infer<typeof RecommendationClassifierModel>;

/** What the classifier says of one recommendation. */
export type RecommendationClassification = { action: number; issues: string[] };

/** Hyper-parameters of training. */
export type ClassifierTrainingOptions = {
  /** The feature families the action model learns from. */
  actionFeatures: FeatureFamily[];
  /** The feature families the issue models learn from. */
  issueFeatures: FeatureFamily[];
  /** Features seen in fewer training recommendations are ignored. */
  minFeatureCount: number;
  action: ScorerOptions;
  issues: ScorerOptions;
  /** Linear weights smaller than this (in absolute value) are dropped from the shipped model. */
  pruneBelow: number;
  /**
   * Per-issue thresholds are chosen on this share of the training part, held apart (0: every
   * issue's threshold is `threshold`).
   */
  thresholdShare: number;
  threshold: number;
  /**
   * How far each issue's own threshold is pulled towards the one threshold best for all issues
   * together (0: each issue's own; 1: the common one).
   */
  thresholdPooling: number;
};

/** The options the shipped model is trained with. */
export const DEFAULT_TRAINING_OPTIONS: ClassifierTrainingOptions = {
  actionFeatures: ['words', 'opening', 'shape', 'means', 'action-rules', 'recommending-state', 'session'],
  issueFeatures: ['words', 'issue-keywords'],
  minFeatureCount: 3,
  pruneBelow: 0.01,
  action: {
    linear: { epochs: 10, learningRate: 0.05, l2: 1e-5, seed: 12 },
    network: { hidden: 64, epochs: 5, learningRate: 0.05, l2: 1e-5, seed: 12, networks: 3 },
    networkWeight: 0.7,
  },
  issues: {
    linear: null,
    network: { hidden: 256, epochs: 8, learningRate: 0.05, l2: 1e-5, seed: 12, networks: 3 },
    networkWeight: 1,
  },
  thresholdShare: 0,
  threshold: 0.3,
  thresholdPooling: 0,
};

/**
 * The plain baseline for issues: one L2-regularised logistic regression per issue on words,
 * threshold 0.5 (the issue models of the first shipped classifier, untuned).
 */
export const PLAIN_ISSUE_BASELINE_OPTIONS: ClassifierTrainingOptions = {
  ...DEFAULT_TRAINING_OPTIONS,
  actionFeatures: ['words'],
  issueFeatures: ['words'],
  action: { linear: { epochs: 0, learningRate: 0.05, l2: 1e-5, seed: 12 }, network: null, networkWeight: 0 },
  issues: { linear: { epochs: 32, learningRate: 0.3, l2: 1e-4, seed: 12 }, network: null, networkWeight: 0 },
  thresholdShare: 0,
  threshold: 0.5,
};

/** A model ready to predict. */
export type CompiledClassifier = {
  action: { families: FeatureFamily[]; index: Map<string, number>; classes: number[]; scorer: Scorer };
  issues: {
    families: FeatureFamily[];
    index: Map<string, number>;
    labels: string[];
    thresholds: number[];
    scorer: Scorer;
  };
};

function vocabulary(lists: readonly string[][], minCount: number): string[] {
  const counts = new Map<string, number>();
  for (const features of lists) for (const f of features) counts.set(f, (counts.get(f) ?? 0) + 1);
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

/** Per-issue thresholds, chosen on a share of the examples held apart from a provisional model. */
function issueThresholds(
  examples: readonly SparseExample[],
  labelCount: number,
  featureCount: number,
  options: ClassifierTrainingOptions,
): number[] {
  if (options.thresholdShare <= 0) return Array.from({ length: labelCount }, () => options.threshold);
  const fit = examples.filter((_, i) => !thresholdFold(i, options.thresholdShare));
  const tune = examples.filter((_, i) => thresholdFold(i, options.thresholdShare));
  const provisional = trainScorer('sigmoid', fit, labelCount, featureCount, options.issues);
  const tuneScores = tune.map((e) => scorerProbabilities(provisional, e.features));
  const scored = Array.from({ length: labelCount }, (_, label) =>
    tune.map((e, i) => ({
      p: (tuneScores[i] as Float64Array)[label] as number,
      positive: e.labels.includes(label),
    })),
  );
  const pooling = options.thresholdPooling;
  const common = pooling > 0 ? bestThreshold(scored.flat()) : 0.5;
  return scored.map((s) => (1 - pooling) * bestThreshold(s) + pooling * common);
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
  const actionLists = rows.map((r) => recommendationFeatures(r.text, options.actionFeatures, r.context));
  const actionFeatures = vocabulary(actionLists, options.minFeatureCount);
  const actionIndex = new Map(actionFeatures.map((f, i) => [f, i]));
  const issueLists = rows.map((r) => recommendationFeatures(r.text, options.issueFeatures, r.context));
  const issueFeatures = vocabulary(issueLists, options.minFeatureCount);
  const issueIndex = new Map(issueFeatures.map((f, i) => [f, i]));
  const issueLabels = [...new Set(rows.flatMap((r) => r.issues))].sort();
  const labelIndex = new Map(issueLabels.map((l, i) => [l, i]));
  const actionClasses = [...ACTION_CATEGORIES];
  const actionExamples: SparseExample[] = rows.map((r, i) => ({
    features: indexed(actionLists[i] as string[], actionIndex),
    labels: [actionClasses.indexOf(r.action as 1)],
  }));
  const issueExamples: SparseExample[] = rows.map((r, i) => ({
    features: indexed(issueLists[i] as string[], issueIndex),
    labels: r.issues.map((issue) => labelIndex.get(issue) as number),
  }));
  const action = trainScorer(
    'softmax',
    actionExamples,
    actionClasses.length,
    actionFeatures.length,
    options.action,
  );
  const thresholds = issueThresholds(issueExamples, issueLabels.length, issueFeatures.length, options);
  const issues = trainScorer(
    'sigmoid',
    issueExamples,
    issueLabels.length,
    issueFeatures.length,
    options.issues,
  );
  return {
    format: 'daylight-upr-recommendation-classifier/3',
    training,
    action: {
      families: options.actionFeatures,
      features: actionFeatures,
      classes: actionClasses,
      scorer: storeScorer(action, options.pruneBelow),
    },
    issues: {
      families: options.issueFeatures,
      features: issueFeatures,
      labels: issueLabels,
      thresholds,
      scorer: storeScorer(issues, options.pruneBelow),
    },
  };
}

/** Prepares a (shipped or freshly trained) model for prediction. */
export function compileClassifier(model: RecommendationClassifierModel): CompiledClassifier {
  const { action, issues } = model;
  return {
    action: {
      families: action.families,
      index: new Map(action.features.map((f, i) => [f, i])),
      classes: action.classes,
      scorer: loadScorer('softmax', action.scorer, action.features.length, action.classes.length),
    },
    issues: {
      families: issues.families,
      index: new Map(issues.features.map((f, i) => [f, i])),
      labels: issues.labels,
      thresholds: issues.thresholds,
      scorer: loadScorer('sigmoid', issues.scorer, issues.features.length, issues.labels.length),
    },
  };
}

/**
 * UPR Info's action category and issues for a recommendation's text (and, when known, its
 * context: recommending state, session…; missing context is simply not used): the most probable
 * action; every issue above its threshold, or the single most probable issue when none is (UPR
 * Info gives every recommendation at least one issue).
 */
export function classifyRecommendation(
  classifier: CompiledClassifier,
  text: string,
  options: { atLeastOneIssue: boolean } = { atLeastOneIssue: true },
  context: RecommendationContext = {},
): RecommendationClassification {
  const { action, issues } = classifier;
  const actionProbabilities = scorerProbabilities(
    action.scorer,
    indexed(recommendationFeatures(text, action.families, context), action.index),
  );
  let bestAction = 0;
  for (let i = 1; i < actionProbabilities.length; i++)
    if ((actionProbabilities[i] as number) > (actionProbabilities[bestAction] as number)) bestAction = i;
  const probabilities = scorerProbabilities(
    issues.scorer,
    indexed(recommendationFeatures(text, issues.families, context), issues.index),
  );
  let bestIssue = 0;
  const given: string[] = [];
  probabilities.forEach((p, i) => {
    if (p > (probabilities[bestIssue] as number)) bestIssue = i;
    if (p >= (issues.thresholds[i] as number)) given.push(issues.labels[i] as string);
  });
  if (given.length === 0 && options.atLeastOneIssue) given.push(issues.labels[bestIssue] as string);
  return { action: action.classes[bestAction] as number, issues: given };
}
