import { keywordIssues } from './issue-keywords.ts';
import type { RecommendationContext } from './labelled-recommendation.ts';
import { cycleOfSession } from './upr-recommendation.ts';

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
 * - `verb-words` (`vw:`): the first verb with every word of the text;
 * - what UPR Info records with the text, when given: `recommending-state` (the state, `cf:`, and
 *   its regional group, `cg:`), `state-under-review` (`ct:`, `ctg:`), `session` (the session,
 *   `cs:`, and its cycle, `cc:`);
 * - `cycle-opening` (`cv:`, `cvn:`): the cycle with the first verb, and with that verb and the next
 *   word (the coders' conventions moved between cycles);
 * - `response` (`r:`): the response, when given;
 * - `chars` (`c:`): every word's character four-grams, the word marked at both ends (`<tor`,
 *   `tort`… `ure>`; a word of up to two letters is one gram): spelling variants and compounds
 *   ("anti-discrimination", "criminalise"/"criminalize") share most of their grams.
 */
export const FEATURE_FAMILIES = [
  'words',
  'stems',
  'pairs',
  'opening',
  'shape',
  'means',
  'verb-words',
  'recommending-state',
  'state-under-review',
  'session',
  'cycle-opening',
  'review',
  'response',
  'action-rules',
  'issue-keywords',
  'chars',
] as const;
export type FeatureFamily = (typeof FEATURE_FAMILIES)[number];

const MEANS = new Set(['by', 'through', 'including', 'via']);

/**
 * The verbs UPR Info's action scale gives as examples for each rank (`Database_Action_Category`):
 * 1 asks others or asks for help, 2 continuity, 3 considering change, 4 action with a general
 * element, 5 specific action.
 */
const RANKED_VERBS: readonly [number, readonly string[]][] = [
  [1, ['call', 'seek', 'share', 'request']],
  [2, ['continue', 'maintain', 'persevere', 'persist', 'pursue', 'sustain', 'keep']],
  [
    3,
    [
      'analyse',
      'analyze',
      'consider',
      'envisage',
      'envision',
      'examine',
      'explore',
      'reflect',
      'revise',
      'review',
      'study',
      'assess',
    ],
  ],
  [
    4,
    [
      'accelerate',
      'address',
      'encourage',
      'engage',
      'ensure',
      'guarantee',
      'intensify',
      'promote',
      'speed',
      'strengthen',
      'take',
      'enhance',
      'improve',
      'increase',
      'step',
    ],
  ],
  [
    5,
    [
      'conduct',
      'develop',
      'eliminate',
      'establish',
      'investigate',
      'undertake',
      'abolish',
      'accede',
      'adopt',
      'amend',
      'implement',
      'enforce',
      'ratify',
      'enact',
      'criminalize',
      'criminalise',
      'repeal',
      'create',
      'withdraw',
      'extend',
      'issue',
      'set',
      'introduce',
      'allocate',
      'prosecute',
    ],
  ],
];

const VERB_PREFIXES = RANKED_VERBS.flatMap(([rank, verbs]) =>
  verbs.map((verb) => [verb.length <= 5 ? verb : verb.slice(0, verb.length - 2), rank] as const),
);

/** The action rank of a word that is (a form of) one of the scale's example verbs. */
function verbRank(word: string | undefined): number | undefined {
  if (word === undefined) return undefined;
  for (const [prefix, rank] of VERB_PREFIXES) if (word.startsWith(prefix)) return rank;
  return undefined;
}

/** Words between a verb and its object: determiners and adjectives that do not name the object. */
const OBJECT_FILLER = new Set(
  'a an the all its their any every further necessary appropriate effective concrete comprehensive specific additional new national adequate relevant proper sufficient legal legislative'.split(
    ' ',
  ),
);

/** Openings that introduce a recommendation's subject before its verb ("In view of …, extend"). */
const INTRODUCTIONS =
  /^(in|with|given|as|taking|bearing|while|recalling|following|on|noting|considering|based|according|building|within|at|for)\b/i;

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
export function recommendationFeatures(
  text: string,
  families: readonly FeatureFamily[],
  context: RecommendationContext = {},
): string[] {
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
    if (has.has('chars')) {
      const marked = `<${word}>`;
      for (let c = 0; c + 4 <= marked.length || c === 0; c++) features.add(`c:${marked.slice(c, c + 4)}`);
    }
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
  if (has.has('recommending-state')) {
    if (context.from !== undefined) features.add(`cf:${context.from}`);
    if (context.fromGroup !== undefined) features.add(`cg:${context.fromGroup}`);
  }
  if (has.has('state-under-review')) {
    if (context.to !== undefined) features.add(`ct:${context.to}`);
    if (context.toGroup !== undefined) features.add(`ctg:${context.toGroup}`);
  }
  if (has.has('session') && context.session !== undefined) {
    features.add(`cs:${context.session}`);
    features.add(`cc:${cycleOfSession(context.session)}`);
    if (has.has('review') && context.to !== undefined) features.add(`cr:${context.to}_${context.session}`);
  }
  if (has.has('cycle-opening') && context.session !== undefined && verb !== undefined) {
    const cycle = cycleOfSession(context.session);
    features.add(`cv:${cycle}_${verb}`);
    if (start + 1 < words.length) features.add(`cvn:${cycle}_${verb}_${words[start + 1]}`);
  }
  if (has.has('action-rules')) actionRuleFeatures(text, words, features);
  if (has.has('issue-keywords')) for (const issue of keywordIssues(words)) features.add(`k:${issue}`);
  if (has.has('response') && context.response !== undefined) features.add(`r:${context.response}`);
  features.add('bias');
  return [...features];
}

/**
 * Features from the rules of UPR Info's action scale: the rank of the first verb (after an
 * introductory phrase up to its comma, if any); of a second verb joined by "and" (the scale
 * privileges it: "continue and strengthen" is 4); the ranks of verbs later in the text, and of
 * those given as means ("by amending": a general action spelled out by a specific one is 5); and
 * the first word after a "to" near the verb that is not an adverb ("adopt measures to legally
 * abolish").
 */
function actionRuleFeatures(text: string, allWords: readonly string[], features: Set<string>): void {
  let words = allWords;
  const comma = text.indexOf(',');
  if (INTRODUCTIONS.test(text.trim()) && comma > 0) {
    const rest = recommendationWords(text.slice(comma + 1));
    if (rest.length > 2 && rest.length < allWords.length - 1) {
      words = rest;
      features.add('intro');
    }
  }
  const start = firstVerbAt(words);
  const verb = words[start];
  if (verb !== undefined) features.add(`ov:${verb}`);
  const rank = verbRank(verb);
  features.add(`rk:${rank ?? 0}`);
  let final = rank;
  if (words[start + 1] === 'and') {
    const second = verbRank(words[start + 2]);
    if (second !== undefined) {
      features.add(`rk2:${second}`);
      final = second;
    }
  }
  features.add(`rkf:${final ?? 0}`);
  for (let i = start + 2; i < words.length; i++) {
    const r = verbRank(words[i]);
    if (r === undefined) continue;
    features.add(`rl:${r}`);
    if (MEANS.has(words[i - 1] as string)) features.add(`rm:${r}`);
  }
  let object = start + 1;
  while (object < words.length - 1 && OBJECT_FILLER.has(words[object] as string)) object++;
  if (object < words.length) features.add(`vo:${verb}_${words[object]}`);
  const to = words.indexOf('to', start + 1);
  if (to >= 0 && to <= start + 6) {
    let next = to + 1;
    while (next < words.length - 1 && (words[next] as string).endsWith('ly')) next++;
    if (next < words.length) {
      features.add(`tx:${words[next]}`);
      features.add(`txr:${verbRank(words[next]) ?? 0}`);
    }
  }
}
