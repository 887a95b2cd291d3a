/**
 * Average-linkage agglomeration of a few items that never merges two clusters whose mean pairwise
 * probability is below `threshold`, nor two clusters one of whose pairs is forbidden (similarity
 * −∞, which the average keeps: a forbidden pair stays forbidden however the clusters grow).
 *
 * `similarity` is a dense k×k matrix (row-major) between the starting clusters, `sizes` their sizes
 * (starting clusters may be groups already merged by a reviewer). Uses the nearest-neighbour chain,
 * valid because average linkage is reducible, so O(k²) time. Returns a cluster label per item.
 */
export function averageLinkage(
  similarity: Float64Array,
  sizes: readonly number[],
  threshold: number,
): Int32Array {
  const k = sizes.length;
  const s = similarity;
  const size = Float64Array.from(sizes);
  const label = Int32Array.from({ length: k }, (_, i) => i);
  const active = new Uint8Array(k).fill(1);
  let activeCount = k;
  const chain: number[] = [];
  // Members of each cluster, by its representative index, for the final labels.
  const members: number[][] = Array.from({ length: k }, (_, i) => [i]);
  while (activeCount > 1) {
    if (chain.length === 0) {
      let start = 0;
      while (!active[start]) start++;
      chain.push(start);
    }
    const a = chain[chain.length - 1] as number;
    const previous = chain.length > 1 ? (chain[chain.length - 2] as number) : -1;
    let best = -1;
    let bestSim = Number.NEGATIVE_INFINITY;
    for (let c = 0; c < k; c++) {
      if (c === a || !active[c]) continue;
      const v = s[a * k + c] as number;
      if (v > bestSim || (v === bestSim && c === previous)) {
        best = c;
        bestSim = v;
      }
    }
    if (best < 0 || bestSim < threshold) {
      // Nothing will ever join a: every later cluster's similarity to it is at most its best now.
      active[a] = 0;
      activeCount--;
      chain.pop();
      continue;
    }
    if (best === previous) {
      chain.pop();
      chain.pop();
      const b = best;
      const na = size[a] as number;
      const nb = size[b] as number;
      for (let c = 0; c < k; c++) {
        if (!active[c] || c === a || c === b) continue;
        const v = (na * (s[a * k + c] as number) + nb * (s[b * k + c] as number)) / (na + nb);
        s[a * k + c] = v;
        s[c * k + a] = v;
      }
      size[a] = na + nb;
      active[b] = 0;
      activeCount--;
      for (const i of members[b] as number[]) (members[a] as number[]).push(i);
      members[b] = [];
    } else chain.push(best);
  }
  for (let r = 0; r < k; r++) for (const i of members[r] as number[]) label[i] = r;
  return label;
}
