/**
 * How alike two recommendations are in their wording: cosine similarity of TF-IDF weighted words
 * and word pairs (words lower-cased, lightly stemmed, common function words dropped). Pure.
 */

const STOP = new Set(
  'a an and are as at be by for from has have in into is it its of on or that the their this to was were will with which all any its'.split(
    ' ',
  ),
);

/** Words of a text, lower-cased and lightly stemmed ("detentions" and "detention" agree). */
export function stems(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [])
    .filter((w) => !STOP.has(w))
    .map((w) =>
      w
        .replace(/(?:ies|ied)$/, 'y')
        .replace(/(?:ing|ed|es|s)$/, (end) => (w.length > end.length + 3 ? '' : end)),
    );
}

/** Terms of a text: its stems and each pair of neighbouring stems. */
export function terms(text: string): string[] {
  const s = stems(text);
  const pairs = s.slice(1).map((w, i) => `${s[i]} ${w}`);
  return [...s, ...pairs];
}

type Vector = Map<string, number>;

/** A collection of texts to compare others with. */
export type TextIndex = { idf: (term: string) => number; vectors: Vector[] };

/** Indexes texts; document frequencies come from these texts plus any `background` texts. */
export function textIndex(texts: readonly string[], background: readonly string[] = []): TextIndex {
  const df = new Map<string, number>();
  const all = [...texts, ...background];
  for (const text of all) for (const term of new Set(terms(text))) df.set(term, (df.get(term) ?? 0) + 1);
  const n = all.length;
  const idf = (term: string) => Math.log((n + 1) / ((df.get(term) ?? 0) + 1)) + 1;
  return { idf, vectors: texts.map((text) => vectorOf(text, idf)) };
}

/** The weighted, unit-length vector of a text. */
export function vectorOf(text: string, idf: (term: string) => number): Vector {
  const counts = new Map<string, number>();
  for (const term of terms(text)) counts.set(term, (counts.get(term) ?? 0) + 1);
  const vector: Vector = new Map();
  let norm = 0;
  for (const [term, count] of counts) {
    const w = (1 + Math.log(count)) * idf(term);
    vector.set(term, w);
    norm += w * w;
  }
  norm = Math.sqrt(norm);
  if (norm > 0) for (const [term, w] of vector) vector.set(term, w / norm);
  return vector;
}

/** Cosine similarity of two unit vectors (0 … 1). */
export function cosine(a: Vector, b: Vector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [term, w] of small) dot += w * (large.get(term) ?? 0);
  return dot;
}

/**
 * How much of `part`'s wording `whole` contains: the share of `part`'s weight on terms `whole` also
 * has (0 … 1). Asymmetric: a long recommendation that carries all of a short one covers it fully.
 */
export function coverage(part: Vector, whole: Vector): number {
  let covered = 0;
  for (const [term, w] of part) if (whole.has(term)) covered += w * w;
  return covered;
}

/**
 * How far the given text carries each indexed text: the larger of their cosine similarity (the same
 * ask in other words) and the share of the indexed text it contains (`coverage`: the ask within a
 * longer text).
 */
export function carried(index: TextIndex, text: string): number[] {
  const v = vectorOf(text, index.idf);
  return index.vectors.map((u) => Math.max(cosine(u, v), coverage(u, v)));
}

/** The similarity of a text with every indexed text. */
export function similarities(index: TextIndex, text: string): number[] {
  const v = vectorOf(text, index.idf);
  return index.vectors.map((u) => cosine(u, v));
}
