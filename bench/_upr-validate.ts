// Scratch harness for choosing settings: trains one task on the training part minus its validation
// part (sha256 of `validation ` + words ≡ 0 mod 5) and prints validation figures. Never touches
// the held-out part. `node bench/_upr-validate.ts --task action|issues --options JSON [--split sessions]`
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { isHeldOut } from '../src/upr/held-out-split.ts';
import {
  type LabelledRecommendation,
  readLabelledRecommendations,
} from '../src/upr/labelled-recommendation.ts';
import { DEFAULT_TRAINING_OPTIONS } from '../src/upr/recommendation-classifier.ts';
import {
  type FeatureFamily,
  recommendationFeatures,
  recommendationWords,
} from '../src/upr/recommendation-features.ts';
import { type ScorerOptions, scorerProbabilities, trainScorer } from '../src/upr/task-scorer.ts';

const { values } = parseArgs({
  options: {
    task: { type: 'string', default: 'action' },
    options: { type: 'string', default: '{}' },
    split: { type: 'string', default: 'validation' },
    dump: { type: 'string' },
    'no-context': { type: 'boolean', default: false },
    only45: { type: 'boolean', default: false },
    'text-only-validation': { type: 'boolean', default: false },
  },
});
const file = fileURLToPath(new URL('../../shared/data/upr-info/recommendations.csv', import.meta.url));
const all = readLabelledRecommendations(file).filter((r) => !isHeldOut(r.text));
const isValidation = (r: LabelledRecommendation) =>
  values.split === 'sessions'
    ? (r.context?.session ?? 0) >= 15
    : createHash('sha256')
        .update(`validation ${recommendationWords(r.text).join(' ')}`)
        .digest()
        .readUInt32BE(0) %
        5 ===
      0;
const fit = all.filter((r) => !isValidation(r) && (!values.only45 || r.action >= 4));
const validation = all.filter(isValidation);
const task = values.task as 'action' | 'issues';
const patch = JSON.parse(values.options as string) as {
  families?: FeatureFamily[];
  scorer?: Partial<ScorerOptions>;
  minFeatureCount?: number;
  threshold?: number;
  contextDropout?: number;
};
// The defaults are the task's first ensemble member; `--dump` files of several runs are averaged
// offline to measure ensembles.
const member = (task === 'action' ? DEFAULT_TRAINING_OPTIONS.action : DEFAULT_TRAINING_OPTIONS.issues)[0];
if (member === undefined) throw new Error('no default member');
const families = patch.families ?? member.families;
const scorerOptions: ScorerOptions = { ...member.scorer, ...patch.scorer };
const minCount = patch.minFeatureCount ?? 3;
const ctx = (r: LabelledRecommendation) => (values['no-context'] ? {} : r.context);
const dropped = (i: number) =>
  ((Math.imul(i + 1, 2654435761) >>> 0) % 1000) / 1000 < (patch.contextDropout ?? 0);
const lists = fit.map((r, i) => recommendationFeatures(r.text, families, dropped(i) ? {} : ctx(r)));
const counts = new Map<string, number>();
for (const l of lists) for (const f of l) counts.set(f, (counts.get(f) ?? 0) + 1);
const vocab = [...counts]
  .filter(([, c]) => c >= minCount)
  .map(([f]) => f)
  .sort();
const index = new Map(vocab.map((f, i) => [f, i]));
const idx = (l: string[]) => l.flatMap((f) => (index.has(f) ? [index.get(f) as number] : []));
const labels = [...new Set(fit.flatMap((r) => r.issues))].sort();
const labelIndex = new Map(labels.map((l, i) => [l, i]));
const examples = fit.map((r, i) => ({
  features: idx(lists[i] as string[]),
  labels: task === 'action' ? [r.action - 1] : r.issues.map((x) => labelIndex.get(x) as number),
}));
if (process.env.DUPLICATE)
  for (const [i, r] of fit.entries())
    examples.push({
      features: idx(recommendationFeatures(r.text, families, {})),
      labels: (examples[i] as { labels: number[] }).labels,
    });
const start = performance.now();
const scorer = trainScorer(
  task === 'action' ? 'softmax' : 'sigmoid',
  examples,
  task === 'action' ? 5 : labels.length,
  vocab.length,
  scorerOptions,
);
const seconds = (performance.now() - start) / 1000;
const probs = validation.map((r) =>
  scorerProbabilities(
    scorer,
    idx(recommendationFeatures(r.text, families, values['text-only-validation'] ? {} : ctx(r))),
  ),
);
if (values.dump)
  writeFileSync(
    values.dump,
    JSON.stringify({
      labels,
      probs: probs.map((p) => [...p].map((x) => Math.round(x * 1e4) / 1e4)),
      rows: validation,
    }),
  );
if (task === 'action') {
  let right = 0;
  probs.forEach((p, i) => {
    const best = p.indexOf(Math.max(...p));
    if (best + 1 === (validation[i] as LabelledRecommendation).action) right++;
  });
  console.log(
    `${values.split} ${validation.length}/${fit.length} features ${vocab.length} action ${(right / validation.length).toFixed(4)} (${seconds.toFixed(0)} s)`,
  );
} else {
  for (const threshold of [0.25, 0.3, 0.35, 0.4, 0.45]) {
    let tp = 0;
    let pred = 0;
    let act = 0;
    probs.forEach((p, i) => {
      const row = validation[i] as LabelledRecommendation;
      const given = new Set<string>();
      let best = 0;
      p.forEach((x, j) => {
        if (x > (p[best] as number)) best = j;
        if (x >= threshold) given.add(labels[j] as string);
      });
      if (given.size === 0) given.add(labels[best] as string);
      pred += given.size;
      act += row.issues.length;
      for (const x of row.issues) if (given.has(x)) tp++;
    });
    console.log(
      `${values.split} ${validation.length}/${fit.length} features ${vocab.length} issues t=${threshold} micro-F1 ${((2 * tp) / (pred + act)).toFixed(4)} (${seconds.toFixed(0)} s)`,
    );
  }
}
