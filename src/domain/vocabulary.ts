import { readFileSync } from 'node:fs';
import { z } from 'zod';

/** Folder of the reference data shipped with the product. */
export const REFERENCE_DIR = new URL('../../data/reference/', import.meta.url);

/** The controlled vocabularies shipped in `data/reference/`, one file each. */
export const VOCABULARY_IDS = [
  'act-types',
  'involvement-degrees',
  'source-connections',
  'source-types',
  'source-reliability',
  'information-credibility',
  'facility-types',
  'agencies',
  'person-statuses',
  'person-roles',
  'name-forms',
  'consent-scopes',
  'provinces',
  'laws',
  'norms',
] as const;
export type VocabularyId = (typeof VOCABULARY_IDS)[number];

const Label = z.object({ en: z.string().min(1), ko: z.string().min(1) });

/** One term of a vocabulary: a stable code, labels in both languages, an optional parent. */
export const Term = z.looseObject({
  code: z.string().regex(/^[A-Z0-9][A-Z0-9-]*$/),
  parent: z.string().optional(),
  en: z.string().min(1),
  ko: z.string().min(1),
  description: z.object({ en: z.string().optional(), ko: z.string().optional() }).optional(),
});
export type Term = z.infer<typeof Term>;

/** A vocabulary file: its terms and the public source they are based on. */
export const Vocabulary = z.object({
  id: z.string(),
  title: Label,
  source: z.string().min(1),
  terms: z.array(Term).min(1),
});
export type Vocabulary = z.infer<typeof Vocabulary>;

const cache = new Map<VocabularyId, Vocabulary>();

/** Loads (once) and returns one shipped vocabulary. */
export function vocabulary(id: VocabularyId): Vocabulary {
  let loaded = cache.get(id);
  if (!loaded) {
    const file = new URL(`${id}.json`, REFERENCE_DIR);
    loaded = Vocabulary.parse(JSON.parse(readFileSync(file, 'utf8')));
    cache.set(id, loaded);
  }
  return loaded;
}

/** The codes of a vocabulary, as a non-empty tuple for `z.enum`. */
export function codesOf(id: VocabularyId): [string, ...string[]] {
  const codes = vocabulary(id).terms.map((term) => term.code);
  return codes as [string, ...string[]];
}

/** A zod schema accepting exactly the codes of one vocabulary, with a short error. */
export function codeOf(id: VocabularyId) {
  return z.enum(codesOf(id), {
    error: (issue) =>
      issue.input === undefined ? 'is missing (expected a code)' : `not a code of the ${id} vocabulary`,
  });
}

/** A term's code and every code below it in the hierarchy. */
export function descendantsOf(id: VocabularyId, code: string): string[] {
  const terms = vocabulary(id).terms;
  const result = [code];
  for (let i = 0; i < result.length; i++) {
    for (const term of terms) if (term.parent === result[i]) result.push(term.code);
  }
  return result;
}

/** A term by its code, if the vocabulary has it. */
export function termOf(id: VocabularyId, code: string): Term | undefined {
  let index = termIndex.get(id);
  if (!index) {
    index = new Map(vocabulary(id).terms.map((term) => [term.code, term]));
    termIndex.set(id, index);
  }
  return index.get(code);
}

const termIndex = new Map<VocabularyId, Map<string, Term>>();

/** A term's code and the codes of every term above it, nearest first. */
export function ancestorsOf(id: VocabularyId, code: string): string[] {
  const chain: string[] = [];
  for (
    let term = termOf(id, code);
    term && !chain.includes(term.code);
    term = term.parent ? termOf(id, term.parent) : undefined
  ) {
    chain.push(term.code);
  }
  return chain;
}
