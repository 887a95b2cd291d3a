// How far UPR Info's action coding can be learnt from the text (issue 12's action target, 0.93):
//  1. five-fold cross-validation of the shipped action configuration (folds = the held-out split's
//     hash residues, so fold 0 is the held-out part), with the first-two-words baseline per fold;
//  2. a learning curve on the held-out part (1/8 … all of the training part): what more data of the
//     same kind would give;
//  3. how consistently the coding treats texts that differ by a few words: for each held-out text,
//     the training text of another review sharing the most words (Jaccard on word sets), and how
//     often the two have the same action, by band;
//  4. a second coder: bench/data/upr-action-second-coder.tsv, 120 held-out texts coded blind from
//     UPR Info's published rules (Database_Action_Category.pdf), against UPR Info and the model.
// `npm run bench -- upr-action-ceiling [--file CSV] [--quick]` (~6 minutes; --quick skips 1 and 2)
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { firstTwoWordsBaseline } from '../src/upr/evaluate-recommendation-classifier.ts';
import { isHeldOut, splitFold } from '../src/upr/held-out-split.ts';
import {
  type LabelledRecommendation,
  readLabelledRecommendations,
} from '../src/upr/labelled-recommendation.ts';
import { loadRecommendationClassifier } from '../src/upr/load-recommendation-classifier.ts';
import {
  type ClassifierTrainingOptions,
  classifyAction,
  compileClassifier,
  DEFAULT_TRAINING_OPTIONS,
  trainRecommendationClassifier,
} from '../src/upr/recommendation-classifier.ts';
import { recommendationWords } from '../src/upr/recommendation-features.ts';

const { values } = parseArgs({
  options: {
    file: {
      type: 'string',
      default: fileURLToPath(new URL('../../shared/data/upr-info/recommendations.csv', import.meta.url)),
    },
    quick: { type: 'boolean', default: false },
  },
});
const rows = readLabelledRecommendations(values.file as string);
const ACTION_ONLY: ClassifierTrainingOptions = { ...DEFAULT_TRAINING_OPTIONS, issues: [] };
const TARGET = 0.93;
const f4 = (x: number) => x.toFixed(4);

function accuracy(test: readonly LabelledRecommendation[], predict: (r: LabelledRecommendation) => number) {
  let right = 0;
  for (const r of test) if (predict(r) === r.action) right++;
  return right / test.length;
}

function trainedAccuracy(train: readonly LabelledRecommendation[], test: readonly LabelledRecommendation[]) {
  const classifier = compileClassifier(trainRecommendationClassifier(train, ACTION_ONLY));
  return {
    context: accuracy(test, (r) => classifyAction(classifier, r.text, r.context ?? {})),
    text: accuracy(test, (r) => classifyAction(classifier, r.text)),
  };
}

if (!values.quick) {
  // 1. Cross-validation.
  process.stdout.write('1. five-fold cross-validation (fold 0 = the held-out part)\n');
  const folds = rows.map((r) => splitFold(r.text));
  const results: number[] = [];
  for (let k = 0; k < 5; k++) {
    const train = rows.filter((_, i) => folds[i] !== k);
    const test = rows.filter((_, i) => folds[i] === k);
    const start = performance.now();
    const { context, text } = trainedAccuracy(train, test);
    const baseline = firstTwoWordsBaseline(train);
    const base = accuracy(test, (r) => baseline(r.text));
    results.push(context);
    process.stdout.write(
      `   fold ${k}: ${test.length} rows, action ${f4(context)} (text alone ${f4(text)}; first two words ${f4(base)}) ${((performance.now() - start) / 1000).toFixed(0)} s\n`,
    );
  }
  const mean = results.reduce((a, b) => a + b, 0) / results.length;
  const sd = Math.sqrt(results.reduce((a, b) => a + (b - mean) ** 2, 0) / (results.length - 1));
  process.stdout.write(`   mean ${f4(mean)}, sd ${f4(sd)} (target ${TARGET})\n`);

  // 2. Learning curve on the held-out part; subsets by a salted hash so identical texts stay together.
  process.stdout.write('2. learning curve on the held-out part\n');
  const training = rows.filter((r) => !isHeldOut(r.text));
  const heldOut = rows.filter((r) => isHeldOut(r.text));
  const eighth = (r: LabelledRecommendation) =>
    createHash('sha256')
      .update(`curve ${recommendationWords(r.text).join(' ')}`)
      .digest()
      .readUInt32BE(0) % 8;
  const points: { n: number; acc: number }[] = [];
  for (const share of [1, 2, 4, 8]) {
    const train = training.filter((r) => eighth(r) < share);
    const { context } = trainedAccuracy(train, heldOut);
    points.push({ n: train.length, acc: context });
    process.stdout.write(
      `   ${share}/8 of the training part (${train.length} rows): action ${f4(context)}\n`,
    );
  }
  // Gain per doubling of the training rows, and two extrapolations from the last doubling: the
  // same gain for every further doubling (how much more data the target would need), or each
  // doubling gaining half the one before (the limit that gives).
  const gains = points.slice(1).map((p, i) => p.acc - (points[i] as { acc: number }).acc);
  const last = gains[gains.length - 1] as number;
  const now = (points[points.length - 1] as { acc: number }).acc;
  const doublings = (TARGET - now) / last;
  process.stdout.write(
    `   gain per doubling ${gains.map((g) => f4(g)).join(', ')}; at ${f4(last)} per doubling the target needs ${doublings.toFixed(1)} more doublings (${(2 ** doublings).toFixed(0)} times the data); with halving gains the limit is ${f4(now + last)}\n`,
  );
}

// 3. Consistency of the coding between near-identical texts of different reviews.
process.stdout.write('3. held-out texts against the closest training text of another review\n');
{
  const training = rows.filter((r) => !isHeldOut(r.text));
  const heldOut = rows.filter((r) => isHeldOut(r.text));
  const wordSet = (r: LabelledRecommendation) => [...new Set(recommendationWords(r.text))];
  const ids = new Map<string, number>();
  const id = (w: string) => {
    const known = ids.get(w);
    if (known !== undefined) return known;
    ids.set(w, ids.size);
    return ids.size - 1;
  };
  const trainSets = training.map((r) => wordSet(r).map(id));
  const postings: number[][] = [];
  trainSets.forEach((set, t) => {
    for (const w of set) {
      const list = postings[w] ?? [];
      list.push(t);
      postings[w] = list;
    }
  });
  const shared = new Int32Array(training.length);
  const review = (r: LabelledRecommendation) => `${r.context?.to ?? ''}|${r.context?.session ?? ''}`;
  const bands = [0.95, 0.9, 0.8, 0.7, 0.5, 0];
  const tally = bands.map(() => ({ n: 0, same: 0 }));
  const classifier = loadRecommendationClassifier();
  const modelRight = bands.map(() => 0);
  for (const r of heldOut) {
    const set = wordSet(r).flatMap((w) => (ids.has(w) ? [ids.get(w) as number] : []));
    const size = wordSet(r).length;
    shared.fill(0);
    for (const w of set) for (const t of postings[w] ?? []) shared[t] = (shared[t] as number) + 1;
    let bestJ = -1;
    let bestT = -1;
    for (let t = 0; t < training.length; t++) {
      const s = shared[t] as number;
      if (s === 0) continue;
      const j = s / (size + (trainSets[t] as number[]).length - s);
      if (j > bestJ && review(training[t] as LabelledRecommendation) !== review(r)) {
        bestJ = j;
        bestT = t;
      }
    }
    if (bestT < 0) continue;
    const band = bands.findIndex((b) => bestJ >= b);
    const entry = tally[band] as { n: number; same: number };
    entry.n++;
    if ((training[bestT] as LabelledRecommendation).action === r.action) entry.same++;
    if (classifyAction(classifier, r.text, r.context ?? {}) === r.action)
      modelRight[band] = (modelRight[band] as number) + 1;
  }
  bands.forEach((b, i) => {
    const { n, same } = tally[i] as { n: number; same: number };
    const upper = i === 0 ? 1 : (bands[i - 1] as number);
    process.stdout.write(
      `   Jaccard ${b.toFixed(2)}–${upper.toFixed(2)}: ${n} rows, same action ${n ? f4(same / n) : '-'}, shipped model right ${n ? f4((modelRight[i] as number) / n) : '-'}\n`,
    );
  });
}

// 4. The second coder.
process.stdout.write('4. a second coder, blind, from the published rules\n');
{
  const file = new URL('./data/upr-action-second-coder.tsv', import.meta.url);
  const key = (text: string) =>
    createHash('sha256').update(recommendationWords(text).join(' ')).digest('hex').slice(0, 16);
  const byKey = new Map<string, LabelledRecommendation>();
  for (const r of rows) if (isHeldOut(r.text) && !byKey.has(key(r.text))) byKey.set(key(r.text), r);
  const coded = readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '' && !l.startsWith('#'))
    .map((l, i) => {
      const [k, code] = l.split('\t');
      const row = byKey.get(k as string);
      if (!row)
        throw new Error(`${fileURLToPath(file)}: line ${i + 1}: no held-out recommendation with key ${k}`);
      return { row, code: Number(code) };
    });
  const classifier = loadRecommendationClassifier();
  const agree = coded.filter((c) => c.code === c.row.action).length;
  const model = coded.filter(
    (c) => classifyAction(classifier, c.row.text, c.row.context ?? {}) === c.row.action,
  ).length;
  const modelCoder = coded.filter(
    (c) => classifyAction(classifier, c.row.text, c.row.context ?? {}) === c.code,
  ).length;
  // Cohen's kappa between the second coder and UPR Info.
  const p = (pick: (c: (typeof coded)[number]) => number, k: number) =>
    coded.filter((c) => pick(c) === k).length / coded.length;
  let expected = 0;
  for (let k = 1; k <= 5; k++) expected += p((c) => c.code, k) * p((c) => c.row.action, k);
  const observed = agree / coded.length;
  process.stdout.write(
    `   ${coded.length} texts: second coder = UPR Info ${f4(observed)} (Cohen's kappa ${f4((observed - expected) / (1 - expected))}); shipped model = UPR Info ${f4(model / coded.length)}; model = second coder ${f4(modelCoder / coded.length)}\n`,
  );
}
