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

/**
 * Families of features, each with its own prefix:
 * - `words` (`w:`): every word;
 * - `stems` (`s:`): every word's first six letters (morphology and typos: "torture", "tortured");
 * - `pairs` (`b:`): every two consecutive words;
 * - `opening`: the first one, two and three words (`f1:`…), the same after leading filler (`v1:`…,
 *   i.e. from the first verb the action rules follow), that verb with the next word (`vn:`) and
 *   with the word after a "to" close to it (`t:`, `vt:` — "continue to X", "take measures to X");
 * - `shape`: a length bucket (`len:`) and whether a number occurs (`digit`);
 * - `means` (`m:`): the word after "by", "through", "including" or "such as" (a general action
 *   spelled out by a specific one — "improve … by amending" — is specific);
 * - `verb-words` (`vw:`): the first verb with every word of the text.
 */
export const FEATURE_FAMILIES = [
  'words',
  'stems',
  'pairs',
  'opening',
  'shape',
  'means',
  'verb-words',
] as const;
export type FeatureFamily = (typeof FEATURE_FAMILIES)[number];

const MEANS = new Set(['by', 'through', 'including', 'via']);

/** Index of the first word after leading filler: the recommendation's first verb. */
function firstVerbAt(words: readonly string[]): number {
  let start = 0;
  while (start < words.length - 1 && LEADING_FILLER.has(words[start] as string)) start++;
  return start;
}

/**
 * The sparse features of a recommendation for the given families (binary: each feature once);
 * `bias` is always on.
 */
export function recommendationFeatures(text: string, families: readonly FeatureFamily[]): string[] {
  const words = recommendationWords(text);
  const has = new Set(families);
  const features = new Set<string>();
  const start = firstVerbAt(words);
  const verb = words[start];
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as string;
    const next = words[i + 1];
    if (has.has('words')) features.add(`w:${word}`);
    if (has.has('stems') && word.length > 6) features.add(`s:${word.slice(0, 6)}`);
    if (has.has('pairs') && next !== undefined) features.add(`b:${word}_${next}`);
    if (has.has('means') && next !== undefined && i > start) {
      if (MEANS.has(word)) features.add(`m:${next}`);
      else if (word === 'such' && next === 'as' && words[i + 2] !== undefined)
        features.add(`m:${words[i + 2]}`);
    }
    if (has.has('verb-words') && i > start) features.add(`vw:${verb}_${word}`);
  }
  if (has.has('opening')) {
    for (let n = 1; n <= 3 && n <= words.length; n++) features.add(`f${n}:${words.slice(0, n).join('_')}`);
    for (let n = 1; n <= 3 && start + n <= words.length; n++)
      features.add(`v${n}:${words.slice(start, start + n).join('_')}`);
    const to = words.indexOf('to', start + 1);
    if (to >= 0 && to <= start + 6 && to + 1 < words.length) {
      features.add(`t:${words[to + 1]}`);
      features.add(`vt:${verb}_${words[to + 1]}`);
    }
    if (start + 1 < words.length) features.add(`vn:${verb}_${words[start + 1]}`);
  }
  if (has.has('shape')) {
    // Length: specific actions tend to be spelled out at length.
    const length = words.length;
    features.add(
      `len:${length <= 8 ? 8 : length <= 12 ? 12 : length <= 18 ? 18 : length <= 26 ? 26 : length <= 40 ? 40 : 99}`,
    );
    if (words.some((w) => /^\d/.test(w))) features.add('digit');
  }
  features.add('bias');
  return [...features];
}
