import { averageLinkage } from './average-linkage.ts';
import { fieldLinkage } from './field-linkage.ts';
import { type LatentField, profileEvidence } from './profile-evidence.ts';
import { UnionFind } from './union-find.ts';

export type ClusterInput = {
  count: number;
  /** Candidate pairs scored at or above the threshold. */
  links: { left: Int32Array; right: Int32Array; probability: Float64Array };
  /** The model's match probability of any pair (pairs in one component that blocking never paired). */
  probability: (i: number, j: number) => number;
  mustLink: readonly (readonly [number, number])[];
  cannotLink: readonly (readonly [number, number])[];
  threshold: number;
  /** Components larger than this are first cut by raising the link threshold. */
  maxComponent?: number;
  /** Average pairwise probability (default) or average log2 odds, each clamped to ±cap. */
  linkage?: 'probability' | 'log-odds' | 'fields' | 'profile';
  /** For 'profile': fields compared per person (`profile-evidence.ts`), left out of the field means. */
  latent?: { fields: LatentField[]; fieldIndex: number[]; sizePrior: number };
  /** For 'fields': each field's log2 Bayes factor for the pair (NaN when missing), the prior, the field count. */
  fieldWeights?: (i: number, j: number, out: Float64Array) => void;
  priorWeight?: number;
  fieldCount?: number;
  cap?: number;
};

export class ConstraintConflict extends Error {}

/**
 * People from scored pairs, without chaining: connected components of the links at or above the
 * threshold (and reviewers' merges), then within each component average-linkage agglomeration over
 * every pair's probability, which joins two groups only if their mean pairwise probability reaches
 * the threshold. Reviewers' merges are joined first and always hold; reviewers' splits make every
 * pair across them −∞, so no merge ever brings them together, directly or through a third mention.
 * Returns, per mention, the index of a representative member of its cluster.
 */
export function clusterMentions(input: ClusterInput): Int32Array {
  const { count, mustLink, cannotLink, threshold } = input;
  const maxComponent = input.maxComponent ?? 1500;
  const must = new UnionFind(count);
  for (const [a, b] of mustLink) must.union(a, b);
  const forbidden = new Map<number, number[]>();
  for (const [a, b] of cannotLink) {
    if (must.find(a) === must.find(b))
      throw new ConstraintConflict('a recorded split separates two mentions that recorded merges join');
    for (const [x, y] of [
      [a, b],
      [b, a],
    ] as const) {
      const list = forbidden.get(x);
      if (list) list.push(y);
      else forbidden.set(x, [y]);
    }
  }

  const cap = input.cap ?? 10;
  const logitThreshold = Math.log2(threshold / (1 - threshold));
  const similarityOf =
    input.linkage === 'log-odds'
      ? (p: number) => Math.max(-cap, Math.min(cap, Math.log2(p / (1 - p))))
      : (p: number) => p;
  const label = Int32Array.from({ length: count }, (_, i) => i);
  const components = (members: number[] | null, t: number): number[][] => {
    const uf = new UnionFind(count);
    const inside = members ? new Uint8Array(count) : null;
    if (inside && members) for (const i of members) inside[i] = 1;
    const { left, right, probability } = input.links;
    for (let k = 0; k < left.length; k++) {
      if ((probability[k] as number) < t) continue;
      const a = left[k] as number;
      const b = right[k] as number;
      if (inside && !(inside[a] && inside[b])) continue;
      uf.union(a, b);
    }
    for (const [a, b] of mustLink) if (!inside || (inside[a] && inside[b])) uf.union(a, b);
    const groups = uf.groups();
    return inside ? groups.filter((g) => inside[g[0] as number]) : groups;
  };

  const work: { members: number[]; t: number }[] = components(null, threshold).map((members) => ({
    members,
    t: threshold,
  }));
  while (work.length > 0) {
    const { members, t } = work.pop()!;
    if (members.length > maxComponent && t < 0.999999) {
      // Too big to compare all pairs: cut on stronger links only (a weakness, reported in the docs).
      const stronger = 1 - (1 - t) / 4;
      for (const sub of components(members, stronger)) work.push({ members: sub, t: stronger });
      continue;
    }
    clusterComponent(members);
  }
  return label;

  function clusterComponent(members: number[]): void {
    // Starting clusters: reviewers' merges.
    const startOf = new Map<number, number>();
    const starts: number[][] = [];
    for (const i of members) {
      const root = must.find(i);
      let s = startOf.get(root);
      if (s === undefined) {
        s = starts.length;
        startOf.set(root, s);
        starts.push([]);
      }
      (starts[s] as number[]).push(i);
    }
    const k = starts.length;
    if (input.linkage === 'fields' || input.linkage === 'profile') {
      clusterByFields(starts, members);
      return;
    }
    const position = new Map<number, number>();
    starts.forEach((group, s) => {
      for (const i of group) position.set(i, s);
    });
    const similarity = new Float64Array(k * k);
    for (let x = 0; x < k; x++)
      for (let y = x + 1; y < k; y++) {
        let sum = 0;
        for (const i of starts[x] as number[])
          for (const j of starts[y] as number[]) sum += similarityOf(input.probability(i, j));
        const v = sum / ((starts[x] as number[]).length * (starts[y] as number[]).length);
        similarity[x * k + y] = v;
        similarity[y * k + x] = v;
      }
    for (const i of members)
      for (const j of forbidden.get(i) ?? []) {
        const x = position.get(i);
        const y = position.get(j);
        if (x === undefined || y === undefined) continue;
        similarity[x * k + y] = Number.NEGATIVE_INFINITY;
        similarity[y * k + x] = Number.NEGATIVE_INFINITY;
      }
    const labels = averageLinkage(
      similarity,
      starts.map((g) => g.length),
      similarityOf(threshold),
    );
    applyLabels(starts, labels);
  }

  function clusterByFields(starts: number[][], members: number[]): void {
    const k = starts.length;
    const F = input.fieldCount as number;
    const sums = new Float32Array(k * k * F);
    const counts = new Float32Array(k * k * F);
    const out = new Float64Array(F);
    const latent = input.linkage === 'profile' ? input.latent : undefined;
    const skip = new Uint8Array(F);
    for (const f of latent?.fieldIndex ?? []) skip[f] = 1;
    for (let x = 0; x < k; x++)
      for (let y = x + 1; y < k; y++) {
        const a = (x * k + y) * F;
        const b = (y * k + x) * F;
        for (const i of starts[x] as number[])
          for (const j of starts[y] as number[]) {
            input.fieldWeights!(i, j, out);
            for (let f = 0; f < F; f++) {
              const w = out[f] as number;
              if (Number.isNaN(w) || skip[f]) continue;
              sums[a + f]! += w;
              counts[a + f]! += 1;
            }
          }
        for (let f = 0; f < F; f++) {
          sums[b + f] = sums[a + f] as number;
          counts[b + f] = counts[a + f] as number;
        }
      }
    const position = new Map<number, number>();
    starts.forEach((group, s) => {
      for (const i of group) position.set(i, s);
    });
    const forbid = new Uint8Array(k * k);
    for (const i of members)
      for (const j of forbidden.get(i) ?? []) {
        const x = position.get(i);
        const y = position.get(j);
        if (x === undefined || y === undefined) continue;
        forbid[x * k + y] = 1;
        forbid[y * k + x] = 1;
      }
    const extra = latent ? profileEvidence(starts, latent.fields, latent.sizePrior) : undefined;
    const labels = fieldLinkage(
      sums,
      counts,
      forbid,
      k,
      F,
      input.priorWeight as number,
      logitThreshold,
      extra,
    );
    applyLabels(starts, labels);
  }

  function applyLabels(starts: number[][], labels: Int32Array): void {
    const representative = new Map<number, number>();
    starts.forEach((group, s) => {
      const r = labels[s] as number;
      let rep = representative.get(r);
      if (rep === undefined) {
        rep = group[0] as number;
        representative.set(r, rep);
      }
      for (const i of group) label[i] = rep;
    });
  }
}
