import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { averageLinkage } from './average-linkage.ts';
import { ConstraintConflict, clusterMentions } from './cluster.ts';

/** A cluster input from a symmetric table of pair probabilities (absent pairs: 0.01). */
function input(count: number, table: Record<string, number>, threshold = 0.5) {
  const p = (i: number, j: number) => table[i < j ? `${i}-${j}` : `${j}-${i}`] ?? 0.01;
  const pairs = Object.entries(table).map(
    ([k, v]) => [...k.split('-').map(Number), v] as [number, number, number],
  );
  return {
    count,
    links: {
      left: Int32Array.from(pairs, (x) => x[0]),
      right: Int32Array.from(pairs, (x) => x[1]),
      probability: Float64Array.from(pairs, (x) => x[2]),
    },
    probability: p,
    mustLink: [] as [number, number][],
    cannotLink: [] as [number, number][],
    threshold,
  };
}

const together = (label: Int32Array, a: number, b: number) => label[a] === label[b];

describe('clustering', () => {
  it('does not chain two people through one weak bridge', () => {
    // 0-1-2 one person, 3-4-5 another; 2-3 linked just above threshold.
    const label = clusterMentions(
      input(6, { '0-1': 0.99, '0-2': 0.97, '1-2': 0.98, '3-4': 0.99, '3-5': 0.96, '4-5': 0.99, '2-3': 0.6 }),
    );
    assert.ok(together(label, 0, 2) && together(label, 3, 5));
    assert.ok(!together(label, 0, 3));
  });

  it('a recorded split is never re-merged, even when a third mention links both', () => {
    const table = { '0-1': 0.99, '1-2': 0.99, '0-2': 0.99 };
    const free = clusterMentions(input(3, table));
    assert.ok(together(free, 0, 2), 'without the split, all three are one person');
    const split = clusterMentions({ ...input(3, table), cannotLink: [[0, 2]] });
    assert.ok(!together(split, 0, 2));
    // And with a recorded merge of 0 and 1 on top: 2 can join neither.
    const both = clusterMentions({ ...input(3, table), cannotLink: [[0, 2]], mustLink: [[0, 1]] });
    assert.ok(together(both, 0, 1) && !together(both, 0, 2) && !together(both, 1, 2));
  });

  it('a recorded merge holds against the model, and pulls its component along', () => {
    const label = clusterMentions({ ...input(4, { '0-1': 0.02, '2-3': 0.95 }), mustLink: [[0, 1]] });
    assert.ok(together(label, 0, 1));
    assert.ok(together(label, 2, 3) && !together(label, 0, 2));
  });

  it('a split between mentions that merges join is a conflict', () => {
    assert.throws(
      () =>
        clusterMentions({
          ...input(3, {}),
          mustLink: [
            [0, 1],
            [1, 2],
          ],
          cannotLink: [[0, 2]],
        }),
      ConstraintConflict,
    );
  });

  it('average linkage: the same clusters as merging the best pair each time (brute force)', () => {
    // Random similarity matrices: nearest-neighbour chain vs naive O(n³) agglomeration.
    let seed = 5;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let trial = 0; trial < 30; trial++) {
      const k = 3 + (trial % 8);
      const s = new Float64Array(k * k);
      for (let a = 0; a < k; a++)
        for (let b = a + 1; b < k; b++) {
          const v = next() < 0.1 ? Number.NEGATIVE_INFINITY : next();
          s[a * k + b] = v;
          s[b * k + a] = v;
        }
      const fast = averageLinkage(Float64Array.from(s), new Array(k).fill(1), 0.45);
      const naive = naiveAverageLinkage(s, k, 0.45);
      for (let a = 0; a < k; a++)
        for (let b = 0; b < k; b++)
          assert.equal(fast[a] === fast[b], naive[a] === naive[b], `trial ${trial}`);
    }
  });
});

function naiveAverageLinkage(s: Float64Array, k: number, threshold: number): number[] {
  let clusters = Array.from({ length: k }, (_, i) => [i]);
  for (;;) {
    let best = Number.NEGATIVE_INFINITY;
    let pair: [number, number] | null = null;
    for (let x = 0; x < clusters.length; x++)
      for (let y = x + 1; y < clusters.length; y++) {
        let sum = 0;
        for (const i of clusters[x] as number[])
          for (const j of clusters[y] as number[]) sum += s[i * k + j] as number;
        const v = sum / ((clusters[x] as number[]).length * (clusters[y] as number[]).length);
        if (v > best) {
          best = v;
          pair = [x, y];
        }
      }
    if (!pair || best < threshold) break;
    const [x, y] = pair;
    clusters[x] = [...(clusters[x] as number[]), ...(clusters[y] as number[])];
    clusters = clusters.filter((_, c) => c !== y);
  }
  const label = new Array<number>(k);
  clusters.forEach((c, r) => {
    for (const i of c) label[i] = r;
  });
  return label;
}
