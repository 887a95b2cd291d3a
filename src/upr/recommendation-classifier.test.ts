import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { classifyRecommendationsCsv } from './classify-recommendations-csv.ts';
import { classificationFigures, firstTwoWordsBaseline } from './evaluate-recommendation-classifier.ts';
import { isHeldOut, splitFold } from './held-out-split.ts';
import { keywordIssues } from './issue-keywords.ts';
import { readLabelledRecommendations, recordContext } from './labelled-recommendation.ts';
import { loadRecommendationClassifier, SHIPPED_CLASSIFIER_PATH } from './load-recommendation-classifier.ts';
import {
  classifyRecommendation,
  DEFAULT_TRAINING_OPTIONS,
  RecommendationClassifierModel,
  trainRecommendationClassifier,
} from './recommendation-classifier.ts';
import { recommendationFeatures, recommendationWords } from './recommendation-features.ts';

const CSV = fileURLToPath(new URL('../../../shared/data/upr-info/recommendations.csv', import.meta.url));

// Issue 12 asks for action accuracy ≥ 0.93 and issue micro-F1 ≥ 0.90. The shipped model reaches
// the issue target (held out 0.9002, with or without UPR Info's context columns) but not the
// action one (0.9015 with the context columns, 0.9000 from the text alone; see docs/upr.md): the
// issue floors are the target, the action floors the level achieved, so that a regression fails.
// Raise the action floors to the target once a model reaches it.
const ACTION_ACCURACY_FLOOR = 0.901;
const ISSUE_MICRO_F1_FLOOR = 0.9;
const TEXT_ONLY_ACTION_ACCURACY_FLOOR = 0.899;
const TEXT_ONLY_ISSUE_MICRO_F1_FLOOR = 0.9;

describe('recommendation classifier', () => {
  const classifier = loadRecommendationClassifier();

  test('held-out figures of the shipped model beat both baselines, reach the issue target and hold the achieved action level', () => {
    const rows = readLabelledRecommendations(CSV);
    const training = rows.filter((r) => !isHeldOut(r.text));
    const heldOut = rows.filter((r) => isHeldOut(r.text));
    assert.ok(heldOut.length > 5000 && training.length > 20000);
    const figures = classificationFigures(heldOut, (text, context) =>
      classifyRecommendation(classifier, text, { atLeastOneIssue: true }, context),
    );
    const textOnly = classificationFigures(heldOut, (text) => classifyRecommendation(classifier, text));
    const baseline = firstTwoWordsBaseline(training);
    const actionBaseline = classificationFigures(heldOut, (text) => ({ action: baseline(text) }));
    const model = RecommendationClassifierModel.parse(
      JSON.parse(readFileSync(SHIPPED_CLASSIFIER_PATH, 'utf8')),
    );
    const recorded = model.training.held_out as Record<string, number>;
    const issueBaseline = recorded.baseline_issue_plain_logistic_regression_on_words as number;
    process.stdout.write(
      `held out ${heldOut.length}: action ${figures.actionAccuracy.toFixed(4)} (first two words ${actionBaseline.actionAccuracy.toFixed(4)}), ` +
        `issues micro-F1 ${figures.issueMicroF1.toFixed(4)} (plain logistic regression ${issueBaseline}); ` +
        `text alone: action ${textOnly.actionAccuracy.toFixed(4)}, issues ${textOnly.issueMicroF1.toFixed(4)}\n`,
    );
    assert.ok(
      figures.actionAccuracy > actionBaseline.actionAccuracy,
      'action beats the first-two-words baseline',
    );
    assert.ok(figures.issueMicroF1 > issueBaseline, 'issues beat the plain logistic regression');
    assert.ok(figures.actionAccuracy >= ACTION_ACCURACY_FLOOR, `action accuracy ${figures.actionAccuracy}`);
    assert.ok(figures.issueMicroF1 >= ISSUE_MICRO_F1_FLOOR, `issue micro-F1 ${figures.issueMicroF1}`);
    assert.ok(
      textOnly.actionAccuracy >= TEXT_ONLY_ACTION_ACCURACY_FLOOR,
      `text alone: ${textOnly.actionAccuracy}`,
    );
    assert.ok(
      textOnly.issueMicroF1 >= TEXT_ONLY_ISSUE_MICRO_F1_FLOOR,
      `text alone: ${textOnly.issueMicroF1}`,
    );
    // The shipped file says what it measured: the same figures.
    assert.equal(Math.round(figures.actionAccuracy * 10000) / 10000, recorded.action_accuracy);
    assert.equal(Math.round(figures.issueMicroF1 * 10000) / 10000, recorded.issue_micro_f1);
    assert.equal(Math.round(textOnly.actionAccuracy * 10000) / 10000, recorded.text_only_action_accuracy);
  });

  test('the split: five folds by the words, fold 0 held out, each about a fifth of the rows', () => {
    const a = 'Ratify the Optional Protocol to the Convention against Torture.';
    assert.equal(
      splitFold(a),
      splitFold('  ratify the optional protocol, to the Convention against torture'),
    );
    const rows = readLabelledRecommendations(CSV);
    const sizes = [0, 0, 0, 0, 0];
    for (const r of rows) {
      const fold = splitFold(r.text);
      sizes[fold] = (sizes[fold] as number) + 1;
      assert.equal(isHeldOut(r.text), fold === 0);
    }
    for (const size of sizes) assert.ok(size > 0.17 * rows.length && size < 0.23 * rows.length, `${sizes}`);
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
    const rows = readLabelledRecommendations(CSV).slice(0, 300);
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

  test('CSV: the context columns, when present, are used; text alone still works', () => {
    const text = 'Take measures to abolish the death penalty';
    const withContext = classifyRecommendationsCsv(
      `Text,From,From-Rgrp,Session\n${text},Spain,WEOG,14\n`,
      'in.csv',
      classifier,
    );
    const alone = classifyRecommendationsCsv(`Text\n${text}\n`, 'in.csv', classifier);
    assert.ok(withContext.ok && alone.ok);
    const context = { from: 'Spain', fromGroup: 'WEOG', session: 14 };
    const expected = classifyRecommendation(classifier, text, { atLeastOneIssue: true }, context);
    const [, row] = withContext.csv.trim().split('\n');
    assert.ok(row?.startsWith(`${text},Spain,WEOG,14,${expected.action},`));
    for (const issue of expected.issues) assert.ok(row?.includes(issue));
    const plain = classifyRecommendation(classifier, text);
    assert.equal(alone.csv.trim().split('\n')[1]?.split(',')[1], String(plain.action));
  });

  test('context features: recommending state, session and cycle; nothing without context', () => {
    const families = ['recommending-state', 'state-under-review', 'session'] as const;
    assert.deepEqual(recommendationFeatures('Ratify CAT', [...families]), ['bias']);
    assert.deepEqual(
      recommendationFeatures('Ratify CAT', [...families], {
        from: 'Spain',
        fromGroup: 'WEOG',
        to: 'DPR Korea',
        toGroup: 'Asia',
        session: 19,
      }).sort(),
      ['bias', 'cc:2', 'cf:Spain', 'cg:WEOG', 'cs:19', 'ct:DPR Korea', 'ctg:Asia'],
    );
    assert.deepEqual(
      recordContext({ From: 'Spain', 'From-Rgrp': '&#40;Unknown&#41;', Session: '7', To: '' }),
      { from: 'Spain', session: 7 },
    );
  });

  test("action rules and issue terms follow UPR Info's methodology; character four-grams", () => {
    const rules = recommendationFeatures('Continue and strengthen efforts to combat torture', [
      'action-rules',
    ]);
    assert.ok(rules.includes('rk:2') && rules.includes('rk2:4') && rules.includes('rkf:4'));
    const means = recommendationFeatures("Improve women's rights by amending the family code", [
      'action-rules',
    ]);
    assert.ok(means.includes('rm:5'));
    const intro = recommendationFeatures('In view of its cooperation, extend a standing invitation', [
      'action-rules',
    ]);
    assert.ok(intro.includes('intro') && intro.includes('ov:extend'));
    assert.deepEqual(
      [
        ...keywordIssues(
          recommendationWords('Ratify the Optional Protocol to the Convention against Torture'),
        ),
      ].sort(),
      ['Detention', 'International instruments', 'Torture and other CID treatment'],
    );
    assert.deepEqual(recommendationFeatures('Ratify a CAT', ['chars']), [
      'c:<rat',
      'c:rati',
      'c:atif',
      'c:tify',
      'c:ify>',
      'c:<a>',
      'c:<cat',
      'c:cat>',
      'bias',
    ]);
    assert.deepEqual([...keywordIssues(recommendationWords('Abolish honour killings'))].sort(), [
      'Rights of the Child',
      "Women's rights",
    ]);
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
