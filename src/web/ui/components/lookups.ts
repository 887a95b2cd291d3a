import { getJson, type RecordSummary, vocabularyTerms } from '../api.ts';
import type { Option } from './combobox.tsx';

/** Search-as-you-type over a vocabulary, in both languages and by code. */
export function searchVocabulary(id: string, lang: 'en' | 'ko') {
  return async (text: string): Promise<Option[]> => {
    const terms = await vocabularyTerms(id);
    const wanted = text.trim().toLowerCase();
    return terms
      .filter(
        (term) =>
          wanted === '' ||
          term.en.toLowerCase().includes(wanted) ||
          term.ko.includes(wanted) ||
          term.code.toLowerCase().includes(wanted),
      )
      .map((term) => ({ value: term.code, label: lang === 'ko' ? term.ko : term.en, hint: term.code }));
  };
}

/** Search-as-you-type over recorded persons, facilities or organisations (what the viewer may see). */
export function searchRecords(type: 'person' | 'facility' | 'organisation', lang: 'en' | 'ko') {
  return async (text: string): Promise<Option[]> => {
    const { options } = await getJson<{ options: RecordSummary[] }>('/api/lookup', { type, q: text });
    return options.map((r) => ({ value: r.id, label: lang === 'ko' ? r.label_ko : r.label, hint: r.id }));
  };
}
