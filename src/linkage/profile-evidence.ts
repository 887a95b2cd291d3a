import gammaln from '@stdlib/math-base-special-gammaln';
import type { ClusterEvidence } from './field-linkage.ts';
import {
  addToProfile,
  emptyProfile,
  type LatentModel,
  logLikelihood,
  mergeProfiles,
  type Profile,
} from './latent-fields.ts';

/** A field compared at the level of the person: its model and each mention's value (−1 unknown). */
export type LatentField = { model: LatentModel; value: ArrayLike<number> };

const LN2 = Math.LN2;
/** Evidence of two single values, per field, kept across the components of one run. */
const memos = new WeakMap<LatentField, Map<number, number>>();
const pairKey = (a: number, b: number) => (a < b ? a * 2 ** 26 + b : b * 2 ** 26 + a);

/**
 * Cluster-level evidence for field linkage (`fieldLinkage`'s `extra`): for each latent field, the
 * log2 Bayes factor of one person against two, log2 L(A ∪ B) − log2 L(A) − log2 L(B); and the
 * random-partition prior of clusters of a and b mentions being one person, log2 Γ(a + b) −
 * log2 Γ(a) − log2 Γ(b) on top of the pairwise prior (the Ewens partition, whose θ the pairwise
 * prior stands for: it reduces to the pairwise prior for two single mentions). People named in many
 * testimonies are common among those named often, so a mention is likelier to belong to a large
 * cluster than to a small one; the latent fields make two well-attested clusters that disagree
 * all the less likely to join.
 */
export function profileEvidence(
  starts: readonly (readonly number[])[],
  fields: readonly LatentField[],
  sizePrior: number,
): ClusterEvidence {
  const k = starts.length;
  const F = fields.length;
  const profiles: Profile[][] = starts.map((group) =>
    fields.map((field) => {
      const p = emptyProfile();
      for (const i of group) {
        const v = field.value[i] as number;
        if (v >= 0) addToProfile(p, v);
      }
      return p;
    }),
  );
  const size = Float64Array.from(starts, (g) => g.length);
  const own = new Float64Array(k * F);
  for (let x = 0; x < k; x++)
    for (let f = 0; f < F; f++)
      own[x * F + f] = logLikelihood((fields[f] as LatentField).model, profiles[x]![f] as Profile);
  const scratch = emptyProfile();
  const memo = fields.map((field) => {
    let m = memos.get(field);
    if (!m) {
      m = new Map<number, number>();
      memos.set(field, m);
    }
    return m;
  });
  return {
    score(x, y) {
      const a = size[x] as number;
      const b = size[y] as number;
      let s = (sizePrior * (gammaln(a + b) - gammaln(a) - gammaln(b))) / LN2;
      const px = profiles[x] as Profile[];
      const py = profiles[y] as Profile[];
      for (let f = 0; f < F; f++) {
        const pa = px[f] as Profile;
        const pb = py[f] as Profile;
        if (pa.values.length === 0 || pb.values.length === 0) continue;
        // Two single mentions, as most pairs are before any join: the evidence of their two values,
        // computed once per pair of values.
        const single =
          pa.counts.length === 1 && pa.counts[0] === 1 && pb.counts.length === 1 && pb.counts[0] === 1;
        const key = single ? pairKey(pa.values[0] as number, pb.values[0] as number) : -1;
        const known = single ? (memo[f] as Map<number, number>).get(key) : undefined;
        if (known !== undefined) {
          s += known;
          continue;
        }
        const joint = logLikelihood((fields[f] as LatentField).model, mergeProfiles(pa, pb, scratch));
        const bits = (joint - (own[x * F + f] as number) - (own[y * F + f] as number)) / LN2;
        if (single) (memo[f] as Map<number, number>).set(key, bits);
        s += bits;
      }
      return s;
    },
    merge(x, y) {
      size[x]! += size[y] as number;
      for (let f = 0; f < F; f++) {
        const joint = mergeProfiles(profiles[x]![f] as Profile, profiles[y]![f] as Profile, emptyProfile());
        profiles[x]![f] = joint;
        own[x * F + f] = logLikelihood((fields[f] as LatentField).model, joint);
      }
    },
  };
}
