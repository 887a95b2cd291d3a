// Diagnosis of the linkage benchmark (not a benchmark): where true pairs are lost, and how well the
// pair probabilities are calibrated. `node bench/_link-diagnose.ts [persons] [seed]`
import { generateMentions } from '../src/linkage/generate-mentions.ts';
import { linkMentions } from '../src/linkage/link-mentions.ts';
import { pairwiseMetrics } from '../src/linkage/pairwise-metrics.ts';

const persons = Number(process.argv[2] ?? 20000);
const seed = Number(process.argv[3] ?? 1);
const data = generateMentions({ persons, seed });
const result = linkMentions(data.mentions, {
  reviewBand: [0.02, 0.5],
  linkage: (process.env.LINKAGE as 'fields') ?? undefined,
  threshold: Number(process.env.T ?? 0.5),
  sizePrior: process.env.SIZE ? Number(process.env.SIZE) : undefined,
});
const m = pairwiseMetrics(result.clusters, data.person);
console.log(
  `F1 ${m.f1.toFixed(4)} P ${m.precision.toFixed(4)} R ${m.recall.toFixed(4)} λ ${result.model.lambda.toFixed(4)} prior ${result.model.priorWeight.toFixed(2)}`,
);
const truth = data.person;
const bins = new Map<number, [number, number]>();
for (const p of [...result.links, ...result.uncertain]) {
  const b = Math.min(9, Math.floor(p.probability * 10));
  const e = bins.get(b) ?? [0, 0];
  e[0]++;
  if (truth.get(p.a) === truth.get(p.b)) e[1]++;
  bins.set(b, e);
}
for (const [b, [n, t]] of [...bins].sort((x, y) => x[0] - y[0]))
  console.log(`p in [${b / 10}, ${(b + 1) / 10}): ${n} pairs, ${((100 * t) / n).toFixed(1)}% true`);
// Missed true pairs by person size, and split of pairs lost among links vs clustering.
const byPerson = new Map<string, string[]>();
for (const mm of data.mentions) {
  const p = truth.get(mm.id)!;
  const l = byPerson.get(p) ?? [];
  l.push(mm.id);
  byPerson.set(p, l);
}
const sizeStats = new Map<number, [number, number]>();
for (const ids of byPerson.values()) {
  const k = ids.length;
  let tot = 0;
  let got = 0;
  for (let x = 0; x < k; x++)
    for (let y = x + 1; y < k; y++) {
      tot++;
      if (result.clusters.get(ids[x]!) === result.clusters.get(ids[y]!)) got++;
    }
  const bucket = k >= 7 ? 7 : k;
  const e = sizeStats.get(bucket) ?? [0, 0];
  e[0] += tot;
  e[1] += got;
  sizeStats.set(bucket, e);
}
for (const [k, [t, g]] of [...sizeStats].sort((a, b) => a[0] - b[0]))
  if (t > 0)
    console.log(
      `persons with ${k}${k === 7 ? '+' : ''} mentions: ${t} true pairs, recall ${((100 * g) / t).toFixed(1)}%`,
    );

// Connected components of links at various thresholds (no average linkage), and of true links only.
import { UnionFind } from '../src/linkage/union-find.ts';

const idx = new Map(data.mentions.map((mm, i) => [mm.id, i]));
const all = [...result.links, ...result.uncertain];
for (const t of [0.5, 0.7, 0.8, 0.9, 0.95]) {
  for (const onlyTrue of [false, true]) {
    const uf = new UnionFind(data.mentions.length);
    for (const p of all)
      if (p.probability >= t && (!onlyTrue || truth.get(p.a) === truth.get(p.b)))
        uf.union(idx.get(p.a)!, idx.get(p.b)!);
    const cl = new Map(data.mentions.map((mm, i) => [mm.id, String(uf.find(i))]));
    const mm = pairwiseMetrics(cl, truth);
    console.log(
      `components at ${t}${onlyTrue ? ' (true links only)' : ''}: F1 ${mm.f1.toFixed(4)} P ${mm.precision.toFixed(4)} R ${mm.recall.toFixed(4)}`,
    );
  }
}
{
  const uf = new UnionFind(data.mentions.length);
  for (const p of result.links) uf.union(idx.get(p.a)!, idx.get(p.b)!);
  const size = new Map<number, number>();
  for (let i = 0; i < data.mentions.length; i++) size.set(uf.find(i), (size.get(uf.find(i)) ?? 0) + 1);
  const big = [...size.values()].filter((s) => s > 1500);
  const mid = [...size.values()].filter((s) => s > 200 && s <= 1500);
  console.log(
    `components over 1500: ${big.join(', ')}; 200–1500: ${mid.length} holding ${mid.reduce((a, b) => a + b, 0)}`,
  );
}
{
  // Missed true pairs (split apart): their comparison patterns, grouped.
  const { extractFeatures } = await import('../src/linkage/features.ts');
  const { pairComparer } = await import('../src/linkage/compare-pair.ts');
  const { FIELDS, levelOf, LEVEL_COUNTS } = await import('../src/linkage/fields.ts');
  const f = extractFeatures(data.mentions);
  const cmp = pairComparer(f);
  const groups = new Map<string, number>();
  let missed = 0;
  for (const ids of byPerson.values())
    for (let x = 0; x < ids.length; x++)
      for (let y = x + 1; y < ids.length; y++) {
        if (result.clusters.get(ids[x]!) === result.clusters.get(ids[y]!)) continue;
        missed++;
        const p = cmp.compare(idx.get(ids[x]!)!, idx.get(ids[y]!)!);
        const key = FIELDS.map((fd, k) =>
          levelOf(p, k) === LEVEL_COUNTS[k] ? '-' : String(levelOf(p, k)),
        ).join('');
        groups.set(key, (groups.get(key) ?? 0) + 1);
      }
  console.log(`missed true pairs ${missed}; patterns (name year sex origin detention source):`);
  for (const [k, c] of [...groups].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`  ${k} ${c}`);
  for (const fd of result.model.fields)
    console.log(
      `${fd.field}: ${fd.levels.map((l) => `${l.level} m=${l.m.toFixed(3)} u=${l.u.toExponential(1)} w=${l.weight.toFixed(1)}`).join('; ')}`,
    );
}
{
  // False pairs joined: their comparison patterns, grouped (a sample of clusters).
  const { extractFeatures } = await import('../src/linkage/features.ts');
  const { pairComparer } = await import('../src/linkage/compare-pair.ts');
  const { FIELDS, levelOf, LEVEL_COUNTS } = await import('../src/linkage/fields.ts');
  const f = extractFeatures(data.mentions);
  const cmp = pairComparer(f);
  const byCluster = new Map<string, number[]>();
  data.mentions.forEach((mm, i) => {
    const c = result.clusters.get(mm.id) as string;
    const l = byCluster.get(c) ?? [];
    l.push(i);
    byCluster.set(c, l);
  });
  const groups = new Map<string, number>();
  let falsePairs = 0;
  for (const ids of byCluster.values())
    for (let x = 0; x < ids.length; x++)
      for (let y = x + 1; y < ids.length; y++) {
        const a = data.mentions[ids[x] as number]?.id as string;
        const b = data.mentions[ids[y] as number]?.id as string;
        if (truth.get(a) === truth.get(b)) continue;
        falsePairs++;
        const p = cmp.compare(ids[x] as number, ids[y] as number);
        const key = FIELDS.map((_, k) =>
          levelOf(p, k) === LEVEL_COUNTS[k] ? '-' : String(levelOf(p, k)),
        ).join('');
        groups.set(key, (groups.get(key) ?? 0) + 1);
      }
  console.log(`false pairs ${falsePairs}; patterns:`);
  for (const [k, c] of [...groups].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`  ${k} ${c}`);
}
