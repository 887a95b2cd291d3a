// Trains the recommendation classifier shipped in data/upr/ from UPR Info's export, on the
// training part of the fixed split (src/upr/held-out-split.ts), and measures it on the held-out
// part against two baselines. Deterministic: same CSV, same model file.
// `node --disable-warning=ExperimentalWarning bench/upr-train.ts [--file CSV] [--output JSON] [--no-write]`
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import {
  classificationFigures,
  firstTwoWordsBaseline,
} from '../src/upr/evaluate-recommendation-classifier.ts';
import { isHeldOut } from '../src/upr/held-out-split.ts';
import { readLabelledRecommendations } from '../src/upr/labelled-recommendation.ts';
import {
  classifyRecommendation,
  compileClassifier,
  DEFAULT_TRAINING_OPTIONS,
  PLAIN_ISSUE_BASELINE_OPTIONS,
  trainRecommendationClassifier,
} from '../src/upr/recommendation-classifier.ts';

const { values } = parseArgs({
  options: {
    file: {
      type: 'string',
      default: fileURLToPath(new URL('../../shared/data/upr-info/recommendations.csv', import.meta.url)),
    },
    output: {
      type: 'string',
      default: fileURLToPath(new URL('../data/upr/recommendation-classifier.json', import.meta.url)),
    },
    'no-write': { type: 'boolean', default: false },
    options: { type: 'string' },
  },
});
const file = values.file as string;
const options = values.options
  ? { ...DEFAULT_TRAINING_OPTIONS, ...JSON.parse(values.options) }
  : DEFAULT_TRAINING_OPTIONS;
const rows = readLabelledRecommendations(file);
const training = rows.filter((r) => !isHeldOut(r.text));
const heldOut = rows.filter((r) => isHeldOut(r.text));
const round = (x: number) => Math.round(x * 10000) / 10000;

let start = performance.now();
const model = trainRecommendationClassifier(training, options);
const trainSeconds = (performance.now() - start) / 1000;
const classifier = compileClassifier(model);
start = performance.now();
const figures = classificationFigures(heldOut, (text, context) =>
  classifyRecommendation(classifier, text, { atLeastOneIssue: true }, context),
);
const evaluateSeconds = (performance.now() - start) / 1000;
// The same rows given as text alone (a CSV with only a Text column).
const textOnly = classificationFigures(heldOut, (text) => classifyRecommendation(classifier, text));
const baselineAction = firstTwoWordsBaseline(training);
const actionBaseline = classificationFigures(heldOut, (text) => ({ action: baselineAction(text) }));
// The issue baseline: plain L2-regularised logistic regressions on words only, threshold 0.5.
start = performance.now();
const plain = compileClassifier(trainRecommendationClassifier(training, PLAIN_ISSUE_BASELINE_OPTIONS));
const issueBaseline = classificationFigures(heldOut, (text) => ({
  issues: classifyRecommendation(plain, text, { atLeastOneIssue: false }).issues,
}));
const csvHash = createHash('sha256').update(readFileSync(file)).digest('hex');
model.training = {
  source: "UPR Info's database export, recommendations.csv (30,530 rows, sessions 1–16 and 19)",
  source_sha256: csvHash,
  command: 'node --disable-warning=ExperimentalWarning bench/upr-train.ts',
  split:
    'held out: rows whose words hash (sha256, first 4 bytes mod 5) to 0 — src/upr/held-out-split.ts; trained on the rest',
  training_rows: training.length,
  held_out_rows: heldOut.length,
  options,
  held_out: {
    action_accuracy: round(figures.actionAccuracy),
    issue_micro_f1: round(figures.issueMicroF1),
    issue_precision: round(figures.issuePrecision),
    issue_recall: round(figures.issueRecall),
    text_only_action_accuracy: round(textOnly.actionAccuracy),
    text_only_issue_micro_f1: round(textOnly.issueMicroF1),
    baseline_action_first_two_words: round(actionBaseline.actionAccuracy),
    baseline_issue_plain_logistic_regression_on_words: round(issueBaseline.issueMicroF1),
  },
};
const json = `${JSON.stringify(model)}\n`;
process.stdout.write(
  `${training.length} training rows, ${heldOut.length} held out; features: action ${model.action.members.map((m) => m.features.length).join(' + ')}, issues ${model.issues.members.map((m) => m.features.length).join(' + ')}\n` +
    `trained in ${trainSeconds.toFixed(1)} s, evaluated in ${evaluateSeconds.toFixed(2)} s\n` +
    `${JSON.stringify(model.training.held_out, null, 2)}\nmodel: ${(json.length / 1e6).toFixed(2)} MB\n`,
);
if (!values['no-write']) {
  writeFileSync(values.output as string, json);
  process.stdout.write(`written to ${values.output}\n`);
}
