// Record linkage under other kinds of noise than the benchmark generator's own: the generator's
// mentions are perturbed (fields dropped, years and places misreported) and both clusterings,
// person-level ('profile', the default) and mean pairwise weights ('fields'), are scored against the
// truth. A guard against building for one generator only.
// `npm run bench -- link-robustness [--persons 20000] [--seed 4] [--only PREFIX]`
import { parseArgs } from 'node:util';
import { Random } from '../src/demo/random.ts';
import { generateMentions } from '../src/linkage/generate-mentions.ts';
import { linkMentions } from '../src/linkage/link-mentions.ts';
import type { Mention } from '../src/linkage/mention.ts';
import { pairwiseMetrics } from '../src/linkage/pairwise-metrics.ts';

const { values } = parseArgs({
  options: {
    persons: { type: 'string', default: '20000' },
    seed: { type: 'string', default: '4' },
    only: { type: 'string' },
  },
});

const TOWNS = ['Hyesan', 'Musan', 'Pyongyang', 'Hamhung', 'Wonsan'];
const FACILITIES = [
  'Camp 15',
  'Kyohwaso No. 12',
  'Hyesan jipkyulso',
  'Onsong bowibu',
  'Camp 16',
  'Chongjin bowibu',
];
const variants: [string, (m: Mention, r: Random) => Mention][] = [
  ['as generated', (m) => m],
  [
    'no facility or detention years',
    (m) => ({ ...m, facility: undefined, detained_from: undefined, detained_to: undefined }),
  ],
  ['no source', (m) => ({ ...m, source: undefined })],
  ['birth year missing 70%', (m, r) => (r.chance(0.55) ? { ...m, birth_year: undefined } : m)],
  [
    'birth year 2–3 off, 30%',
    (m, r) =>
      m.birth_year && r.chance(0.3) ? { ...m, birth_year: m.birth_year + r.pick([-3, -2, 2, 3]) } : m,
  ],
  [
    'birth year 8–10 off, 5%',
    (m, r) =>
      m.birth_year && r.chance(0.05) ? { ...m, birth_year: m.birth_year + r.pick([-10, -8, 8, 10]) } : m,
  ],
  ['origin another town, 10%', (m, r) => (m.origin && r.chance(0.1) ? { ...m, origin: r.pick(TOWNS) } : m)],
  [
    'facility another one, 15%',
    (m, r) => (m.facility && r.chance(0.15) ? { ...m, facility: r.pick(FACILITIES) } : m),
  ],
];

const out = (line: string) => process.stdout.write(`${line}\n`);
const persons = Number(values.persons);
out(`${persons} persons, seed ${values.seed}: pairwise F1 (precision, recall)`);
for (const [name, perturb] of variants) {
  if (values.only && !name.startsWith(values.only)) continue;
  const data = generateMentions({ persons, seed: Number(values.seed) });
  const random = new Random(99);
  const mentions = data.mentions.map((m) => perturb(m, random));
  const cells = (['profile', 'fields'] as const).map((linkage) => {
    const m = pairwiseMetrics(linkMentions(mentions, { linkage }).clusters, data.person);
    return `${linkage} ${m.f1.toFixed(4)} (${m.precision.toFixed(3)}, ${m.recall.toFixed(3)})`;
  });
  out(`  ${name}: ${cells.join('; ')}`);
}
