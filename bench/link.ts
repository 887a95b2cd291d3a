// Record-linkage benchmark on generated mentions with known identities: pairwise precision, recall
// and F1 and blocking recall at 2,000 and 20,000 persons; end-to-end time, pairs scored per second
// per core and peak memory at 100,000 mentions; a raw comparison loop for context.
// `npm run bench -- link [--sizes 2000,20000] [--mentions 100000] [--seed 1] [--em-u]`
import { parseArgs } from 'node:util';
import { candidatePairs } from '../src/linkage/blocking.ts';
import { pairComparer } from '../src/linkage/compare-pair.ts';
import { extractFeatures } from '../src/linkage/features.ts';
import { generateMentions } from '../src/linkage/generate-mentions.ts';
import { type LinkResult, linkMentions } from '../src/linkage/link-mentions.ts';
import { blockingRecall, pairwiseMetrics } from '../src/linkage/pairwise-metrics.ts';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '2000,20000' },
    mentions: { type: 'string', default: '100000' },
    seed: { type: 'string', default: '1' },
    'u-mode': { type: 'string', default: 'random' },
  },
});
const seed = Number(values.seed);
const out = (line: string) => process.stdout.write(`${line}\n`);
const pct = (x: number) => (100 * x).toFixed(2);

for (const persons of values.sizes.split(',').filter(Boolean).map(Number)) {
  const data = generateMentions({ persons, seed });
  const result = linkMentions(data.mentions, { uMode: values['u-mode'] as 'random' });
  const metrics = pairwiseMetrics(result.clusters, data.person);
  const f = extractFeatures(data.mentions);
  const recall = blockingRecall(
    candidatePairs(f),
    data.mentions.map((m) => data.person.get(m.id)!),
  );
  out(
    `${persons} persons, ${data.mentions.length} mentions: precision ${pct(metrics.precision)}%, recall ${pct(metrics.recall)}%, F1 ${metrics.f1.toFixed(4)} (true pairs ${metrics.truePairs}, predicted ${metrics.predictedPairs}); blocking recall ${pct(recall)}% over ${result.stats.candidatePairs} candidate pairs; ${result.stats.clusters} clusters for ${persons} persons; EM ${result.model.iterations} iterations${result.model.converged ? '' : ' (not converged)'}; ${result.stats.seconds.total.toFixed(2)} s`,
  );
}

const mentionTarget = Number(values.mentions);
if (mentionTarget > 0) {
  // About 2.6 mentions per person: find the persons count that gives the target.
  const data = generateMentions({ persons: Math.round(mentionTarget / 2.4), seed: seed + 1 });
  const mentions = data.mentions.slice(0, mentionTarget);
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  const result = linkMentions(mentions, { uMode: values['u-mode'] as 'random' });
  const seconds = (performance.now() - start) / 1000;
  const cpu = process.cpuUsage(cpuStart);
  const s = result.stats;
  const truth = new Map(mentions.map((m) => [m.id, data.person.get(m.id)!]));
  const metrics = pairwiseMetrics(result.clusters, truth);
  out(
    `${mentions.length} mentions end to end: ${seconds.toFixed(2)} s wall, ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s CPU; F1 ${metrics.f1.toFixed(4)} (precision ${pct(metrics.precision)}%, recall ${pct(metrics.recall)}%)`,
  );
  for (const [label, seconds] of [
    ['wall', s.seconds],
    ['CPU', s.cpuSeconds],
  ] as const)
    out(
      `  phases (s, ${label}): ${Object.entries(seconds)
        .map(([k, v]) => `${k} ${v.toFixed(2)}`)
        .join(', ')}`,
    );
  out(
    `  ${s.candidatePairs} candidate pairs (${s.oversizedBlocks} oversized blocks), ${s.distinctNamePairs} distinct name pairs compared, ${s.links} links, ${s.uncertain} for review`,
  );
  // Comparing includes compiling every distinct name's readings and the first similarity of every
  // distinct name pair; scoring both passes over all candidate pairs. "With features" also counts
  // reading the names and places (the features phase). Wall time is one thread's; CPU time includes
  // the garbage collector's helper threads, and is what the code costs on a shared machine.
  const rate = (t: LinkResult['stats']['seconds'], withFeatures: boolean) =>
    Math.round(s.candidatePairs / ((withFeatures ? t.features : 0) + t.comparing + t.scoring)).toLocaleString(
      'en',
    );
  out(
    `  scored pairs per second per core (comparing + scoring): ${rate(s.seconds, false)} by wall time, ${rate(s.cpuSeconds, false)} by CPU time; with features: ${rate(s.seconds, true)} wall, ${rate(s.cpuSeconds, true)} CPU`,
  );
  // Raw loop baseline: the same comparisons again, now that every distinct name pair is cached.
  const f = extractFeatures(mentions);
  const pairs = candidatePairs(f);
  const comparer = pairComparer(f);
  for (let k = 0; k < pairs.count; k++) comparer.compare(pairs.left[k]!, pairs.right[k]!);
  const t0 = performance.now();
  let checksum = 0;
  for (let k = 0; k < pairs.count; k++) checksum += comparer.compare(pairs.left[k]!, pairs.right[k]!);
  const raw = (performance.now() - t0) / 1000;
  out(
    `  raw comparison loop, names cached: ${Math.round(pairs.count / raw).toLocaleString('en')} pairs/s (${raw.toFixed(2)} s, checksum ${checksum % 997})`,
  );
  const usage = process.resourceUsage();
  out(
    `  peak memory: ${(usage.maxRSS / 1024).toFixed(0)} MiB max RSS; heap now ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MiB`,
  );
}
