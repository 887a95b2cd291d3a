import { ancestorsOf, type Term, termOf, vocabulary } from '../domain/vocabulary.ts';
import type { ThesaurusMapping } from './uwazi-mapping.ts';

/** How Uwazi values of one thesaurus become Daylight codes and back. Pure. */
export type ThesaurusLabels = {
  /** The code an Uwazi value (`Parent::Child` or `Child`) stands for, among `codes`; `undefined` if none. */
  codeOf(value: string, codes: readonly string[]): string | undefined;
  /** The Uwazi value for a code: `Group::Label` below a top-level term, `Label` otherwise. */
  labelOf(code: string): string;
};

const normal = (text: string) =>
  text
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-');

/**
 * Labels of a thesaurus: explicit `values` first, then the vocabulary's labels (English or Korean,
 * the group disambiguating), then the codes themselves loosely (`Under review` = `under-review`).
 */
export function thesaurusLabels(
  thesaurus: ThesaurusMapping | undefined,
  language: 'en' | 'ko',
): ThesaurusLabels {
  const explicit = new Map(
    Object.entries(thesaurus?.values ?? {}).map(([label, code]) => [normal(label), code]),
  );
  const reverse = new Map<string, string>();
  for (const [label, code] of Object.entries(thesaurus?.values ?? {}))
    if (!reverse.has(code)) reverse.set(code, label);
  const vocabularyId = thesaurus?.vocabulary;
  const terms = vocabularyId ? vocabulary(vocabularyId).terms : [];
  const topOf = (term: Term): Term | undefined => {
    const chain = vocabularyId ? ancestorsOf(vocabularyId, term.code) : [];
    return chain.length > 1 && vocabularyId
      ? termOf(vocabularyId, chain[chain.length - 1] as string)
      : undefined;
  };
  return {
    codeOf(value, codes) {
      const [group, child] = value.includes('::')
        ? (value.split('::', 2) as [string, string])
        : [undefined, value];
      const given = explicit.get(normal(value)) ?? explicit.get(normal(child));
      if (given !== undefined) return codes.includes(given) ? given : undefined;
      const named = terms.filter(
        (term) =>
          [term.en, term.ko, term.code].some((label) => normal(label) === normal(child)) &&
          codes.includes(term.code),
      );
      const inGroup =
        group === undefined
          ? named
          : named.filter((term) => {
              const top = topOf(term);
              return (
                top !== undefined &&
                [top.en, top.ko, top.code].some((label) => normal(label) === normal(group))
              );
            });
      if (inGroup.length === 1) return inGroup[0]?.code;
      if (named.length === 1 && group === undefined) return named[0]?.code;
      if (vocabularyId) return undefined;
      return codes.find((code) => normal(code) === normal(child));
    },
    labelOf(code) {
      const given = reverse.get(code);
      if (given !== undefined) return given;
      const term = vocabularyId ? termOf(vocabularyId, code) : undefined;
      if (!term) return code;
      const top = topOf(term);
      return top ? `${top[language]}::${term[language]}` : term[language];
    },
  };
}
