// Times the comparison phase alone at 100,000 mentions (for profiling with --cpu-prof).
import { candidatePairs } from '../src/linkage/blocking.ts';
import { pairComparer } from '../src/linkage/compare-pair.ts';
import { extractFeatures } from '../src/linkage/features.ts';
import { generateMentions } from '../src/linkage/generate-mentions.ts';

const data = generateMentions({ persons: Math.round(100_000 / 2.4), seed: 2 });
const mentions = data.mentions.slice(0, 100_000);
let t = performance.now();
const f = extractFeatures(mentions);
console.log(`features ${((performance.now() - t) / 1000).toFixed(2)} s, ${f.names.length} distinct names`);
const pairs = candidatePairs(f);
t = performance.now();
const cpu = process.cpuUsage();
const comparer = pairComparer(f);
let checksum = 0;
for (let k = 0; k < pairs.count; k++)
  checksum += comparer.compare(pairs.left[k] as number, pairs.right[k] as number);
const s = (performance.now() - t) / 1000;
const c = process.cpuUsage(cpu);
console.log(`CPU ${((c.user + c.system) / 1e6).toFixed(2)} s`);
console.log(
  `comparing ${pairs.count} pairs: ${s.toFixed(2)} s, ${Math.round(pairs.count / s)} pairs/s, ${comparer.namePairs()} name pairs (checksum ${checksum % 997})`,
);
{
  const cpu2 = process.cpuUsage();
  let sum = 0;
  for (let k = 0; k < pairs.count; k++)
    sum += comparer.compare(pairs.left[k] as number, pairs.right[k] as number);
  const c2 = process.cpuUsage(cpu2);
  console.log(`second pass (names cached): CPU ${((c2.user + c2.system) / 1e6).toFixed(2)} s (${sum % 997})`);
}
