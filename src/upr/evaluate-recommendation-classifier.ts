import type { LabelledRecommendation, RecommendationContext } from './labelled-recommendation.ts';
import type { RecommendationClassification } from './recommendation-classifier.ts';
import { recommendationWords } from './recommendation-features.ts';

/** How predictions compare with UPR Info's coding. */
export type ClassificationFigures = {
  rows: number;
  /** Share of rows whose action category is UPR Info's. */
  actionAccuracy: number;
  /** Micro-averaged F1 over all (row, issue) pairs. */
  issueMicroF1: number;
  issuePrecision: number;
  issueRecall: number;
};

/** Action accuracy and issue micro-F1 of predictions against the rows' own coding. */
export function classificationFigures(
  rows: readonly LabelledRecommendation[],
  predict: (text: string, context: RecommendationContext) => Partial<RecommendationClassification>,
): ClassificationFigures {
  let actionRight = 0;
  let truePositives = 0;
  let predicted = 0;
  let actual = 0;
  for (const row of rows) {
    const p = predict(row.text, row.context ?? {});
    if (p.action === row.action) actionRight++;
    if (p.issues) {
      const given = new Set(p.issues);
      predicted += given.size;
      actual += row.issues.length;
      for (const issue of row.issues) if (given.has(issue)) truePositives++;
    }
  }
  const precision = predicted === 0 ? 0 : truePositives / predicted;
  const recall = actual === 0 ? 0 : truePositives / actual;
  return {
    rows: rows.length,
    actionAccuracy: actionRight / rows.length,
    issueMicroF1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall),
    issuePrecision: precision,
    issueRecall: recall,
  };
}

/**
 * The baseline for the action category: the most frequent category of the recommendation's first
 * two words in the training rows (else of its first word, else overall).
 */
export function firstTwoWordsBaseline(training: readonly LabelledRecommendation[]): (text: string) => number {
  const counts = new Map<string, number[]>();
  const count = (key: string, action: number) => {
    const c = counts.get(key) ?? [0, 0, 0, 0, 0, 0];
    c[action] = (c[action] as number) + 1;
    counts.set(key, c);
  };
  for (const row of training) {
    const words = recommendationWords(row.text);
    count(`2:${words.slice(0, 2).join(' ')}`, row.action);
    count(`1:${words.slice(0, 1).join(' ')}`, row.action);
    count('0:', row.action);
  }
  const majority = (c: number[]) => c.indexOf(Math.max(...c));
  return (text) => {
    const words = recommendationWords(text);
    const c =
      counts.get(`2:${words.slice(0, 2).join(' ')}`) ??
      counts.get(`1:${words.slice(0, 1).join(' ')}`) ??
      (counts.get('0:') as number[]);
    return majority(c);
  };
}
