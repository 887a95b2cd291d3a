// Times compiling the distinct names and scoring the distinct name pairs of the 100,000-mention run.
import { candidatePairs } from '../src/linkage/blocking.ts';
import { extractFeatures } from '../src/linkage/features.ts';
import { generateMentions } from '../src/linkage/generate-mentions.ts';
import { NameComparer } from '../src/linkage/korean.ts';

const data = generateMentions({ persons: Math.round(100_000 / 2.4), seed: 2 });
const f = extractFeatures(data.mentions.slice(0, 100_000));
const pairs = candidatePairs(f);
const seen = new Set<number>();
const a: number[] = [];
const b: number[] = [];
for (let k = 0; k < pairs.count; k++) {
  const x = f.name[pairs.left[k] as number] as number;
  const y = f.name[pairs.right[k] as number] as number;
  if (x < 0 || y < 0 || x === y) continue;
  const key = x < y ? x * 65536 + y : y * 65536 + x;
  if (seen.has(key)) continue;
  seen.add(key);
  a.push(x);
  b.push(y);
}
const cpu = (from: NodeJS.CpuUsage) => {
  const c = process.cpuUsage(from);
  return ((c.user + c.system) / 1e6).toFixed(2);
};
let t = process.cpuUsage();
const comparer = new NameComparer(f.names.map((d) => d.readings));
console.log(`compile ${f.names.length} names: ${cpu(t)} s CPU`);
t = process.cpuUsage();
let sum = 0;
for (let k = 0; k < a.length; k++) sum += comparer.similarity(a[k] as number, b[k] as number);
console.log(`${a.length} distinct name pairs: ${cpu(t)} s CPU (${sum.toFixed(1)})`);
t = process.cpuUsage();
sum = 0;
for (let k = 0; k < a.length; k++) sum += comparer.similarity(a[k] as number, b[k] as number);
console.log(`again: ${cpu(t)} s CPU`);
