import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { classifyRecommendationsCsv } from './classify-recommendations-csv.ts';
import { classificationFigures, firstTwoWordsBaseline } from './evaluate-recommendation-classifier.ts';
import { isHeldOut } from './held-out-split.ts';
import { readLabelledRecommendations } from './labelled-recommendation.ts';
import { loadRecommendationClassifier, SHIPPED_CLASSIFIER_PATH } from './load-recommendation-classifier.ts';
import {
  classifyRecommendation,
  DEFAULT_TRAINING_OPTIONS,
  RecommendationClassifierModel,
  trainRecommendationClassifier,
} from './recommendation-classifier.ts';

const CSV = fileURLToPath(new URL('../../../shared/data/upr-info/recommendations.csv', import.meta.url));

// Issue 12 asks for action accuracy ≥ 0.93 and issue micro-F1 ≥ 0.90. The shipped model does not
// reach them yet (held-out: 0.8949 and 0.8890, see docs/upr.md); these floors are the level it
// achieves, so that a regression fails. Raise them to the targets once a model reaches them.
const ACTION_ACCURACY_FLOOR = 0.894;
const ISSUE_MICRO_F1_FLOOR = 0.888;

describe('recommendation classifier', () => {
  const classifier = loadRecommendationClassifier();

  test('held-out figures of the shipped model beat both baselines and hold the achieved level', () => {
    const rows = readLabelledRecommendations(CSV);
    const training = rows.filter((r) => !isHeldOut(r.text));
    const heldOut = rows.filter((r) => isHeldOut(r.text));
    assert.ok(heldOut.length > 5000 && training.length > 20000);
    const figures = classificationFigures(heldOut, (text) => classifyRecommendation(classifier, text));
    const baseline = firstTwoWordsBaseline(training);
    const actionBaseline = classificationFigures(heldOut, (text) => ({ action: baseline(text) }));
    const model = RecommendationClassifierModel.parse(
      JSON.parse(readFileSync(SHIPPED_CLASSIFIER_PATH, 'utf8')),
    );
    const recorded = model.training.held_out as Record<string, number>;
    const issueBaseline = recorded.baseline_issue_plain_logistic_regression_on_words as number;
    process.stdout.write(
      `held out ${heldOut.length}: action ${figures.actionAccuracy.toFixed(4)} (first two words ${actionBaseline.actionAccuracy.toFixed(4)}), ` +
        `issues micro-F1 ${figures.issueMicroF1.toFixed(4)} (plain logistic regression ${issueBaseline})\n`,
    );
    assert.ok(
      figures.actionAccuracy > actionBaseline.actionAccuracy,
      'action beats the first-two-words baseline',
    );
    assert.ok(figures.issueMicroF1 > issueBaseline, 'issues beat the plain logistic regression');
    assert.ok(figures.actionAccuracy >= ACTION_ACCURACY_FLOOR, `action accuracy ${figures.actionAccuracy}`);
    assert.ok(figures.issueMicroF1 >= ISSUE_MICRO_F1_FLOOR, `issue micro-F1 ${figures.issueMicroF1}`);
    // The shipped file says what it measured: the same figures.
    assert.equal(Math.round(figures.actionAccuracy * 10000) / 10000, recorded.action_accuracy);
    assert.equal(Math.round(figures.issueMicroF1 * 10000) / 10000, recorded.issue_micro_f1);
  });

  test('typical recommendations', () => {
    assert.equal(classifyRecommendation(classifier, 'Continue its efforts to combat poverty.').action, 2);
    assert.equal(
      classifyRecommendation(classifier, 'Consider ratifying the Convention against Torture.').action,
      3,
    );
    const ratify = classifyRecommendation(
      classifier,
      'Ratify the Convention against Torture and its Optional Protocol.',
    );
    assert.equal(ratify.action, 5);
    assert.ok(ratify.issues.includes('International instruments'));
    assert.ok(ratify.issues.includes('Torture and other CID treatment'));
  });

  test('training is deterministic', () => {
    const rows = readLabelledRecommendations(CSV).slice(0, 600);
    const a = trainRecommendationClassifier(rows, { ...DEFAULT_TRAINING_OPTIONS, minFeatureCount: 2 });
    const b = trainRecommendationClassifier(rows, { ...DEFAULT_TRAINING_OPTIONS, minFeatureCount: 2 });
    assert.deepEqual(a, b);
  });

  test('CSV: fills Action and Issue in UPR Info format, keeps the other columns', () => {
    const input =
      'To,Text,From,Action,Issue\nDPR Korea,"Abolish the death penalty, and establish a moratorium.",Spain,,\n';
    const result = classifyRecommendationsCsv(input, 'in.csv', classifier);
    assert.ok(result.ok);
    const [header, row] = result.csv.trim().split('\n');
    assert.equal(header, 'To,Text,From,Action,Issue');
    assert.match(
      row as string,
      /^DPR Korea,"Abolish the death penalty, and establish a moratorium.",Spain,5,/,
    );
    assert.match(row as string, /Death penalty/);
  });

  test('CSV: bad input names file, line and field', () => {
    const noText = classifyRecommendationsCsv('To,Words\nX,Y\n', 'in.csv', classifier);
    assert.deepEqual(noText, {
      ok: false,
      problems: [{ file: 'in.csv', line: 1, field: 'Text', message: 'column missing from the header' }],
    });
    const empty = classifyRecommendationsCsv('Text,From\nRatify CAT,Spain\n  ,Chile\n', 'in.csv', classifier);
    assert.equal(empty.ok, false);
    assert.deepEqual(!empty.ok && empty.problems, [
      { file: 'in.csv', line: 3, field: 'Text', message: 'no recommendation text' },
    ]);
    const broken = classifyRecommendationsCsv('Text,From\n"Ratify CAT,Spain\n', 'in.csv', classifier);
    assert.equal(broken.ok, false);
  });
});
