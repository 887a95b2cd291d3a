/**
 * Words of a recommendation, lower-cased: runs of letters and digits (apostrophes inside a word
 * kept, so "women's" stays one word).
 */
export function recommendationWords(text: string): string[] {
  return (
    text
      .normalize('NFKC')
      .toLowerCase()
      .replace(/[’‘`]/g, "'")
      .match(/[\p{L}\p{N}]+(?:'[\p{L}]+)*/gu) ?? []
  );
}

/**
 * Words that open many recommendations without deciding what is asked ("further", "fully",
 * "the government should"): skipped to find the recommendation's first verb, which UPR Info's
 * action categories mostly follow.
 */
const LEADING_FILLER = new Set([
  'further',
  'fully',
  'effectively',
  'urgently',
  'actively',
  'also',
  'immediately',
  'to',
  'that',
  'the',
  'government',
  'state',
  'should',
  'recommended',
  'recommends',
  'it',
  'be',
  'and',
]);

/** `full`: everything below; `words`: words only (the plain baseline). */
export const FEATURE_SETS = ['full', 'words'] as const;
export type FeatureSet = (typeof FEATURE_SETS)[number];

/**
 * The sparse features of a recommendation: its words (`w:`), word pairs (`b:`), its first one,
 * two and three words (`f1:`, `f2:`, `f3:`) and the same after leading filler (`v1:`, `v2:`,
 * `v3:`). Each feature appears once (binary features); `bias` is always on.
 */
export function recommendationFeatures(text: string, featureSet: FeatureSet = 'full'): string[] {
  const words = recommendationWords(text);
  const features = new Set<string>();
  for (let i = 0; i < words.length; i++) {
    features.add(`w:${words[i]}`);
    if (featureSet === 'full' && i + 1 < words.length) features.add(`b:${words[i]}_${words[i + 1]}`);
  }
  if (featureSet === 'words') {
    features.add('bias');
    return [...features];
  }
  for (let n = 1; n <= 3 && n <= words.length; n++) features.add(`f${n}:${words.slice(0, n).join('_')}`);
  let start = 0;
  while (start < words.length - 1 && LEADING_FILLER.has(words[start] as string)) start++;
  for (let n = 1; n <= 3 && start + n <= words.length; n++)
    features.add(`v${n}:${words.slice(start, start + n).join('_')}`);
  const verb = words[start];
  // The verb an opening such as "continue to", "take measures to" or "consider" leads to.
  const to = words.indexOf('to', start + 1);
  if (to >= 0 && to <= start + 6 && to + 1 < words.length) {
    features.add(`t:${words[to + 1]}`);
    features.add(`vt:${verb}_${words[to + 1]}`);
  }
  if (start + 1 < words.length) features.add(`vn:${verb}_${words[start + 1]}`);
  // Length: specific actions tend to be spelled out at length.
  const length = words.length;
  features.add(
    `len:${length <= 8 ? 8 : length <= 12 ? 12 : length <= 18 ? 18 : length <= 26 ? 26 : length <= 40 ? 40 : 99}`,
  );
  if (words.some((w) => /^\d/.test(w))) features.add('digit');
  features.add('bias');
  return [...features];
}
