import { z } from 'zod';
import type { LabelledRecommendation, RecommendationContext } from './labelled-recommendation.ts';
import type { SparseExample } from './linear-models.ts';
import { FEATURE_FAMILIES, type FeatureFamily, recommendationFeatures } from './recommendation-features.ts';
import {
  loadScorer,
  type OutputKind,
  type Scorer,
  type ScorerOptions,
  StoredScorer,
  scorerProbabilities,
  storeScorer,
  trainScorer,
} from './task-scorer.ts';

/** UPR Info's action categories, 1 (minimal action) … 5 (specific action). */
export const ACTION_CATEGORIES = [1, 2, 3, 4, 5] as const;

/**
 * One member of a task's ensemble as shipped: its feature families, its vocabulary and its
 * scorer. A task's probabilities are its members' probabilities, averaged; members differ in what
 * they read (words, stems, word pairs, character four-grams), which makes their errors differ.
 */
const StoredMember = z.strictObject({
  families: z.array(z.enum(FEATURE_FAMILIES)),
  features: z.array(z.string()),
  scorer: StoredScorer,
});

/** A trained classifier as shipped in `data/upr/` (JSON). */
export const RecommendationClassifierModel = z.strictObject({
  format: z.literal('daylight-upr-recommendation-classifier/4'),
  /** How and from what it was trained, and what it measured on the held-out part. */
  training: z.record(z.string(), z.unknown()),
  action: z.strictObject({
    classes: z.array(z.int().min(1).max(5)),
    members: z.array(StoredMember).min(1),
  }),
  issues: z.strictObject({
    labels: z.array(z.string().min(1)),
    /** Per issue: the probability above which the issue is given. */
    thresholds: z.array(z.number()),
    members: z.array(StoredMember).min(1),
  }),
});
export type RecommendationClassifierModel = z.infer<typeof RecommendationClassifierModel>;

/** What the classifier says of one recommendation. */
export type RecommendationClassification = { action: number; issues: string[] };

/**
 * How to train one member of a task's ensemble: the feature families it learns from, its scorer
 * and, when not the common one, its minimum feature count.
 */
export type MemberOptions = { families: FeatureFamily[]; scorer: ScorerOptions; minFeatureCount?: number };

/** Hyper-parameters of training. */
export type ClassifierTrainingOptions = {
  /** The action's ensemble (its members' probabilities averaged). */
  action: MemberOptions[];
  /** The issues' ensemble (its members' probabilities averaged). */
  issues: MemberOptions[];
  /** Features seen in fewer training recommendations are ignored. */
  minFeatureCount: number;
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

/** Two sigmoid networks (seeds 12 and 13, probabilities averaged) with `hidden` units, no linear model. */
function issueNetworks(hidden: number): ScorerOptions {
  return {
    linear: null,
    network: { hidden, epochs: 8, learningRate: 0.05, l2: 1e-5, seed: 12, networks: 2 },
    networkWeight: 1,
  };
}

/** The options the shipped model is trained with. */
export const DEFAULT_TRAINING_OPTIONS: ClassifierTrainingOptions = {
  action: [
    {
      families: ['words', 'opening', 'shape', 'means', 'action-rules', 'recommending-state', 'session'],
      scorer: {
        linear: { epochs: 10, learningRate: 0.05, l2: 1e-5, seed: 12 },
        network: { hidden: 64, epochs: 5, learningRate: 0.05, l2: 1e-5, seed: 12, networks: 3 },
        networkWeight: 0.7,
      },
    },
  ],
  issues: [
    { families: ['words', 'issue-keywords'], scorer: issueNetworks(128) },
    { families: ['words', 'issue-keywords', 'stems'], scorer: issueNetworks(128) },
    { families: ['words', 'issue-keywords', 'pairs'], scorer: issueNetworks(64), minFeatureCount: 6 },
    { families: ['words', 'issue-keywords', 'chars'], scorer: issueNetworks(128), minFeatureCount: 10 },
  ],
  minFeatureCount: 3,
  pruneBelow: 0.01,
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
  action: [
    {
      families: ['words'],
      scorer: {
        linear: { epochs: 0, learningRate: 0.05, l2: 1e-5, seed: 12 },
        network: null,
        networkWeight: 0,
      },
    },
  ],
  issues: [
    {
      families: ['words'],
      scorer: {
        linear: { epochs: 32, learningRate: 0.3, l2: 1e-4, seed: 12 },
        network: null,
        networkWeight: 0,
      },
    },
  ],
  thresholdShare: 0,
  threshold: 0.5,
};

/** One member ready to score: its families, its vocabulary's index and its scorer. */
type CompiledMember = { families: FeatureFamily[]; index: Map<string, number>; scorer: Scorer };

/** A model ready to predict. */
export type CompiledClassifier = {
  action: { classes: number[]; members: CompiledMember[] };
  issues: { labels: string[]; thresholds: number[]; members: CompiledMember[] };
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

/** A member trained on rows, with the vocabulary it was trained over. */
type TrainedMember = CompiledMember & { features: string[] };

function trainMember(
  kind: OutputKind,
  rows: readonly LabelledRecommendation[],
  labelsOf: (row: LabelledRecommendation) => number[],
  labelCount: number,
  member: MemberOptions,
  minFeatureCount: number,
): TrainedMember {
  const lists = rows.map((r) => recommendationFeatures(r.text, member.families, r.context));
  const features = vocabulary(lists, member.minFeatureCount ?? minFeatureCount);
  const index = new Map(features.map((f, i) => [f, i]));
  const examples: SparseExample[] = rows.map((r, i) => ({
    features: indexed(lists[i] as string[], index),
    labels: labelsOf(r),
  }));
  const scorer = trainScorer(kind, examples, labelCount, features.length, member.scorer);
  return { families: member.families, features, index, scorer };
}

/** The members' probabilities for one recommendation, averaged. */
function ensembleProbabilities(
  members: readonly CompiledMember[],
  text: string,
  context: RecommendationContext,
): Float64Array {
  let sum: Float64Array | null = null;
  for (const member of members) {
    const p = scorerProbabilities(
      member.scorer,
      indexed(recommendationFeatures(text, member.families, context), member.index),
    );
    if (sum === null) sum = Float64Array.from(p);
    else for (let i = 0; i < p.length; i++) sum[i] = (sum[i] as number) + (p[i] as number);
  }
  const result = sum as Float64Array;
  for (let i = 0; i < result.length; i++) result[i] = (result[i] as number) / members.length;
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

/** Per-issue thresholds, chosen on a share of the rows held apart from a provisional ensemble. */
function issueThresholds(
  rows: readonly LabelledRecommendation[],
  labelsOf: (row: LabelledRecommendation) => number[],
  labelCount: number,
  options: ClassifierTrainingOptions,
): number[] {
  if (options.thresholdShare <= 0) return Array.from({ length: labelCount }, () => options.threshold);
  const fit = rows.filter((_, i) => !thresholdFold(i, options.thresholdShare));
  const tune = rows.filter((_, i) => thresholdFold(i, options.thresholdShare));
  const provisional = options.issues.map((member) =>
    trainMember('sigmoid', fit, labelsOf, labelCount, member, options.minFeatureCount),
  );
  const tuneScores = tune.map((r) => ensembleProbabilities(provisional, r.text, r.context ?? {}));
  const scored = Array.from({ length: labelCount }, (_, label) =>
    tune.map((r, i) => ({
      p: (tuneScores[i] as Float64Array)[label] as number,
      positive: labelsOf(r).includes(label),
    })),
  );
  const pooling = options.thresholdPooling;
  const common = pooling > 0 ? bestThreshold(scored.flat()) : 0.5;
  return scored.map((s) => (1 - pooling) * bestThreshold(s) + pooling * common);
}

function storeMember(member: TrainedMember, pruneBelow: number): z.infer<typeof StoredMember> {
  return {
    families: member.families,
    features: member.features,
    scorer: storeScorer(member.scorer, pruneBelow),
  };
}

/**
 * Trains the action and issue classifiers on labelled recommendations (each task's members in
 * turn). Issue thresholds, when chosen per issue, are chosen on a part of the rows held apart, then
 * the issue members are retrained on all of them.
 */
export function trainRecommendationClassifier(
  rows: readonly LabelledRecommendation[],
  options: ClassifierTrainingOptions = DEFAULT_TRAINING_OPTIONS,
  training: Record<string, unknown> = {},
): RecommendationClassifierModel {
  const issueLabels = [...new Set(rows.flatMap((r) => r.issues))].sort();
  const labelIndex = new Map(issueLabels.map((l, i) => [l, i]));
  const actionClasses = [...ACTION_CATEGORIES];
  const actionOf = (r: LabelledRecommendation) => [actionClasses.indexOf(r.action as 1)];
  const issuesOf = (r: LabelledRecommendation) => r.issues.map((issue) => labelIndex.get(issue) as number);
  const action = options.action.map((member) =>
    trainMember('softmax', rows, actionOf, actionClasses.length, member, options.minFeatureCount),
  );
  const thresholds = issueThresholds(rows, issuesOf, issueLabels.length, options);
  const issues = options.issues.map((member) =>
    trainMember('sigmoid', rows, issuesOf, issueLabels.length, member, options.minFeatureCount),
  );
  return {
    format: 'daylight-upr-recommendation-classifier/4',
    training,
    action: {
      classes: actionClasses,
      members: action.map((member) => storeMember(member, options.pruneBelow)),
    },
    issues: {
      labels: issueLabels,
      thresholds,
      members: issues.map((member) => storeMember(member, options.pruneBelow)),
    },
  };
}

function compileMember(
  kind: OutputKind,
  member: z.infer<typeof StoredMember>,
  labelCount: number,
): CompiledMember {
  return {
    families: member.families,
    index: new Map(member.features.map((f, i) => [f, i])),
    scorer: loadScorer(kind, member.scorer, member.features.length, labelCount),
  };
}

/** Prepares a (shipped or freshly trained) model for prediction. */
export function compileClassifier(model: RecommendationClassifierModel): CompiledClassifier {
  const { action, issues } = model;
  return {
    action: {
      classes: action.classes,
      members: action.members.map((m) => compileMember('softmax', m, action.classes.length)),
    },
    issues: {
      labels: issues.labels,
      thresholds: issues.thresholds,
      members: issues.members.map((m) => compileMember('sigmoid', m, issues.labels.length)),
    },
  };
}

/** UPR Info's action category for a recommendation's text (and context), the most probable. */
export function classifyAction(
  classifier: Pick<CompiledClassifier, 'action'>,
  text: string,
  context: RecommendationContext = {},
): number {
  const { action } = classifier;
  const probabilities = ensembleProbabilities(action.members, text, context);
  let best = 0;
  for (let i = 1; i < probabilities.length; i++)
    if ((probabilities[i] as number) > (probabilities[best] as number)) best = i;
  return action.classes[best] as number;
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
  const { issues } = classifier;
  const probabilities = ensembleProbabilities(issues.members, text, context);
  let bestIssue = 0;
  const given: string[] = [];
  probabilities.forEach((p, i) => {
    if (p > (probabilities[bestIssue] as number)) bestIssue = i;
    if (p >= (issues.thresholds[i] as number)) given.push(issues.labels[i] as string);
  });
  if (given.length === 0 && options.atLeastOneIssue) given.push(issues.labels[bestIssue] as string);
  return { action: classifyAction(classifier, text, context), issues: given };
}
