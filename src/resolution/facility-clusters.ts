import type { Facility } from '../domain/facility.ts';
import { facilitySimilarity, resolveFacility } from '../linkage/places/index.ts';
import { UnionFind } from '../linkage/union-find.ts';
import type { DecisionsInForce } from './decisions-in-force.ts';
import type { ReviewPairRow } from './resolution-rows.ts';

/** Facility pairs this similar, in different clusters, go to review. */
const REVIEW_FROM = 0.6;

/**
 * Which facility records name the same place. A record's gazetteer code decides when it has one;
 * otherwise its names and aliases are read against the gazetteer ("Kyohwaso No. 12", "Chŏngŏ-ri",
 * "전거리 교화소" → KYOHWASO-12); places outside the gazetteer join when their normalised keys
 * (type, number, place) agree. Reviewers' merges join, their splits part (a split record stands
 * alone unless merged with others). Cluster ids are gazetteer codes where known, else the
 * smallest record id.
 */
export function facilityClusters(
  facilities: readonly Facility[],
  decisions: Pick<DecisionsInForce, 'mustLink' | 'cannotLink'>,
): { clusters: Map<string, string>; reviewPairs: ReviewPairRow[] } {
  const index = new Map(facilities.map((f, i) => [f.id, i]));
  const texts = facilities.map((f) =>
    [f.name.en, f.name.ko, ...f.aliases].filter((t): t is string => Boolean(t)),
  );
  const code = facilities.map((f, i) => f.gazetteer ?? soleCode(texts[i] as string[]));
  const key = facilities.map((_, i) => (code[i] ? undefined : soleKey(texts[i] as string[])));
  const sets = new UnionFind(facilities.length);
  const firstWith = new Map<string, number>();
  facilities.forEach((_, i) => {
    const k = code[i] ? `code:${code[i]}` : key[i] ? `key:${key[i]}` : undefined;
    if (!k) return;
    const first = firstWith.get(k);
    if (first === undefined) firstWith.set(k, i);
    else sets.union(first, i);
  });
  const split = new Set<number>();
  for (const [a, b] of decisions.cannotLink) {
    const [x, y] = [index.get(a), index.get(b)];
    if (x !== undefined && y !== undefined && sets.find(x) === sets.find(y)) split.add(y);
  }
  // Rebuild without the split-off records, then apply merges.
  const final = new UnionFind(facilities.length);
  for (const group of sets.groups()) {
    const kept = group.filter((i) => !split.has(i));
    for (const i of kept.slice(1)) final.union(kept[0] as number, i);
  }
  for (const [a, b] of decisions.mustLink) {
    const [x, y] = [index.get(a), index.get(b)];
    if (x !== undefined && y !== undefined) final.union(x, y);
  }
  // A cluster is named by a gazetteer code of a member (the smallest) or else its smallest record id.
  const nameOf = new Map<number, { code?: string; id: string }>();
  facilities.forEach((f, i) => {
    const root = final.find(i);
    const seen = nameOf.get(root) ?? { id: f.id };
    if (f.id < seen.id) seen.id = f.id;
    // A record split off from its gazetteer place does not lend the place's code to its new cluster.
    const c = split.has(i) ? undefined : code[i];
    if (c && (!seen.code || c < seen.code)) seen.code = c;
    nameOf.set(root, seen);
  });
  const label = (i: number) => {
    const n = nameOf.get(final.find(i));
    return (n?.code ?? n?.id) as string;
  };
  const clusters = new Map(facilities.map((f, i) => [f.id, label(i)]));
  const reviewPairs: ReviewPairRow[] = [];
  for (let i = 0; i < facilities.length; i++)
    for (let j = i + 1; j < facilities.length; j++) {
      if (final.find(i) === final.find(j)) continue;
      const similarity = bestSimilarity(texts[i] as string[], texts[j] as string[]);
      if (similarity < REVIEW_FROM) continue;
      const [a, b] = [facilities[i]?.id as string, facilities[j]?.id as string].sort();
      reviewPairs.push({
        a: a as string,
        b: b as string,
        probability: similarity,
        explanation: JSON.stringify({ facility_similarity: similarity }),
      });
    }
  return { clusters, reviewPairs };
}

/** The one gazetteer code all of a record's texts that resolve agree on, if any. */
function soleCode(texts: string[]): string | undefined {
  const codes = new Set<string>();
  for (const t of texts) {
    const r = resolveFacility(t);
    if (r.codes.length === 1) codes.add(r.codes[0] as string);
  }
  return codes.size === 1 ? [...codes][0] : undefined;
}

function soleKey(texts: string[]): string | undefined {
  for (const t of texts) {
    const k = resolveFacility(t).key;
    if (k) return k;
  }
  return undefined;
}

function bestSimilarity(a: string[], b: string[]): number {
  let best = 0;
  for (const x of a) for (const y of b) best = Math.max(best, facilitySimilarity(x, y));
  return best;
}
