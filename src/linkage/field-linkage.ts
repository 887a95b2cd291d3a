/**
 * Agglomeration on cluster-level evidence. Two clusters are compared field by field: a field's
 * evidence is the mean of its log2 Bayes factors over the cross pairs where both sides know it, and
 * the clusters' log2 odds of being one person are the prior (once) plus those means (fields taken as
 * independent, as in the pairwise model). So a cluster known to have a birth year and a facility
 * brings both to every comparison, where averaging whole pairs would dilute each by the pairs that
 * lack it. The pair of clusters with the highest odds is merged while they reach `threshold` (log2
 * odds); a forbidden pair stays forbidden whatever joins it.
 *
 * `sums` and `counts` hold, per pair of starting clusters (x·k + y) and field f, at [(x·k + y)·F + f]
 * the summed weights and the number of cross pairs that know the field; both are overwritten.
 * `forbidden` marks starting pairs that may never join (k×k). Returns a label per starting cluster.
 */
/** Evidence of whole clusters added to the field means (`profile-evidence.ts`), told of each merge. */
export type ClusterEvidence = {
  /** log2 Bayes factor (and prior terms) of joining starting clusters x and y as they stand now. */
  score(x: number, y: number): number;
  /** y has joined x. */
  merge(x: number, y: number): void;
};

export function fieldLinkage(
  sums: Float32Array,
  counts: Float32Array,
  forbidden: Uint8Array,
  k: number,
  fields: number,
  prior: number,
  threshold: number,
  extra?: ClusterEvidence,
): Int32Array {
  const F = fields;
  const active = new Uint8Array(k).fill(1);
  const score = new Float64Array(k * k);
  const scoreOf = (x: number, y: number) => {
    if (forbidden[x * k + y]) return Number.NEGATIVE_INFINITY;
    let s = prior;
    const at = (x * k + y) * F;
    for (let f = 0; f < F; f++) {
      const c = counts[at + f] as number;
      if (c > 0) s += (sums[at + f] as number) / c;
    }
    return extra ? s + extra.score(x, y) : s;
  };
  for (let x = 0; x < k; x++)
    for (let y = x + 1; y < k; y++) {
      const v = scoreOf(x, y);
      score[x * k + y] = v;
      score[y * k + x] = v;
    }
  const best = new Int32Array(k).fill(-1);
  const bestValue = new Float64Array(k).fill(Number.NEGATIVE_INFINITY);
  const members: number[][] = Array.from({ length: k }, (_, i) => [i]);
  const rescan = (x: number) => {
    let b = -1;
    let v = Number.NEGATIVE_INFINITY;
    const row = x * k;
    for (let z = 0; z < k; z++) {
      if (z === x || !active[z]) continue;
      const w = score[row + z] as number;
      if (w > v) {
        v = w;
        b = z;
      }
    }
    best[x] = b;
    bestValue[x] = v;
  };
  for (let x = 0; x < k; x++) rescan(x);
  for (;;) {
    let x = -1;
    let top = threshold;
    for (let z = 0; z < k; z++)
      if (active[z] && (bestValue[z] as number) >= top) {
        top = bestValue[z] as number;
        x = z;
      }
    if (x < 0) break;
    const y = best[x] as number;
    active[y] = 0;
    extra?.merge(x, y);
    for (const i of members[y] as number[]) (members[x] as number[]).push(i);
    members[y] = [];
    for (let z = 0; z < k; z++) {
      if (!active[z] || z === x) continue;
      const xz = (x * k + z) * F;
      const zx = (z * k + x) * F;
      const yz = (y * k + z) * F;
      for (let f = 0; f < F; f++) {
        const s = (sums[xz + f] as number) + (sums[yz + f] as number);
        const c = (counts[xz + f] as number) + (counts[yz + f] as number);
        sums[xz + f] = s;
        sums[zx + f] = s;
        counts[xz + f] = c;
        counts[zx + f] = c;
      }
      if (forbidden[y * k + z]) {
        forbidden[x * k + z] = 1;
        forbidden[z * k + x] = 1;
      }
      const v = scoreOf(x, z);
      score[x * k + z] = v;
      score[z * k + x] = v;
    }
    rescan(x);
    for (let z = 0; z < k; z++) {
      if (!active[z] || z === x) continue;
      const b = best[z] as number;
      if (b === x || b === y) rescan(z);
      else if ((score[z * k + x] as number) > (bestValue[z] as number)) {
        best[z] = x;
        bestValue[z] = score[z * k + x] as number;
      }
    }
  }
  const label = new Int32Array(k);
  for (let r = 0; r < k; r++) for (const i of members[r] as number[]) label[i] = r;
  return label;
}
