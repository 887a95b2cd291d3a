import { Random } from '../demo/random.ts';
import type { PairComparer } from './compare-pair.ts';
import type { Features } from './features.ts';
import { FIELD_COUNT, LEVEL_COUNTS, levelOf, NAME_EXACT, NAME_FIELD } from './fields.ts';

/**
 * u, P(level | non-match), from random pairs of mentions: almost all random pairs are different
 * people. Levels get a pseudo-count so that none is zero. Exact name agreement is too rare to sample
 * well; its u is the chance that two random named mentions share a name key, Σ share², from the key
 * counts (the same figure the term-frequency adjustment refines per name).
 */
export function estimateU(
  f: Features,
  comparer: PairComparer,
  options: { samples?: number; seed?: number } = {},
): number[][] {
  const samples = options.samples ?? 100_000;
  const random = new Random(options.seed ?? 1);
  const counts = LEVEL_COUNTS.map((l) => new Array<number>(l).fill(0.5));
  if (f.count >= 2)
    for (let s = 0; s < samples; s++) {
      const i = Math.floor(random.next() * f.count);
      let j = Math.floor(random.next() * (f.count - 1));
      if (j >= i) j++;
      const p = comparer.compareOnce(i, j);
      for (let field = 0; field < FIELD_COUNT; field++) {
        const l = levelOf(p, field);
        if (l < (LEVEL_COUNTS[field] as number)) (counts[field] as number[])[l]!++;
      }
    }
  const u = counts.map((row) => {
    const sum = row.reduce((a, b) => a + b, 0);
    return row.map((v) => v / sum);
  });
  let exact = 0;
  if (f.named > 0) for (const c of f.keyCount) exact += (c / f.named) ** 2;
  exact = Math.max(exact, 1 / Math.max(1, f.named) ** 2);
  const name = u[NAME_FIELD] as number[];
  const rest = 1 - (name[NAME_EXACT] as number);
  for (let l = 0; l < name.length; l++)
    name[l] = l === NAME_EXACT ? exact : ((name[l] as number) / rest) * (1 - exact);
  return u;
}
