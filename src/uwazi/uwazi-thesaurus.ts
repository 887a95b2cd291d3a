import { codesOf, type VocabularyId, vocabulary } from '../domain/vocabulary.ts';
import type { ImportProblem } from '../interchange/import-records.ts';
import { thesaurusLabels } from './thesaurus-labels.ts';
import type { CsvTable } from './uwazi-csv.ts';
import type { ThesaurusMapping } from './uwazi-mapping.ts';

// Uwazi's thesaurus CSV: one column per language (headed by the language's name), one value per
// row, a leading `-` marking a child of the nearest row above without one. Uwazi has two levels;
// deeper Daylight terms travel as children of their top-level ancestor.

/** The language columns Daylight writes and recognises (by name or code). */
const LANGUAGE_HEADERS = { en: ['English', 'en'], ko: ['Korean', 'ko', '한국어'] } as const;

/** A vocabulary as Uwazi thesaurus CSV rows: header `English,Korean`, children after their group with `-`. */
export function thesaurusCsvRows(
  id: VocabularyId,
  first: 'en' | 'ko' = 'en',
): { header: string[]; rows: string[][] } {
  const languages = first === 'en' ? (['en', 'ko'] as const) : (['ko', 'en'] as const);
  const terms = vocabulary(id).terms;
  const byCode = new Map(terms.map((term) => [term.code, term]));
  const topOf = (code: string): string => {
    let term = byCode.get(code);
    while (term?.parent && byCode.has(term.parent)) term = byCode.get(term.parent);
    return term?.code ?? code;
  };
  const rows: string[][] = [];
  for (const top of terms.filter((term) => !term.parent)) {
    rows.push(languages.map((language) => top[language]));
    for (const term of terms)
      if (term.parent && topOf(term.code) === top.code)
        rows.push(languages.map((language) => `-${term[language]}`));
  }
  return { header: languages.map((language) => LANGUAGE_HEADERS[language][0]), rows };
}

/** One value of an Uwazi thesaurus CSV: its labels, its group's labels if a child, and its line. */
export type ThesaurusEntry = {
  line: number;
  labels: Partial<Record<'en' | 'ko', string>>;
  group?: Partial<Record<'en' | 'ko', string>>;
};

/** Reads a thesaurus CSV table into entries; unknown language columns and children before any group are problems. */
export function readThesaurusTable(table: CsvTable): {
  entries: ThesaurusEntry[];
  problems: ImportProblem[];
} {
  const problems: ImportProblem[] = [];
  const languageOf = (header: string) =>
    (Object.keys(LANGUAGE_HEADERS) as ('en' | 'ko')[]).find((language) =>
      (LANGUAGE_HEADERS[language] as readonly string[]).some(
        (name) => name.toLowerCase() === header.toLowerCase(),
      ),
    );
  const columns = table.header.map((header) => ({ header, language: languageOf(header) }));
  for (const column of columns)
    if (!column.language)
      problems.push({
        file: table.file,
        line: 1,
        field: column.header,
        message: 'not a language Daylight holds (English, Korean)',
      });
  const entries: ThesaurusEntry[] = [];
  let group: ThesaurusEntry | undefined;
  for (const row of table.rows) {
    const labels: ThesaurusEntry['labels'] = {};
    let child = false;
    for (const { header, language } of columns) {
      const cell = (row.cells[header] ?? '').trim();
      if (!language || cell === '') continue;
      child ||= cell.startsWith('-');
      labels[language] = cell.replace(/^-\s*/, '');
    }
    if (Object.keys(labels).length === 0) continue;
    if (child && !group) {
      problems.push({
        file: table.file,
        line: row.line,
        field: columns[0]?.header ?? '',
        message: 'a child (-) before any group',
      });
      continue;
    }
    const entry: ThesaurusEntry = child
      ? { line: row.line, labels, group: group?.labels }
      : { line: row.line, labels };
    if (!child) group = entry;
    entries.push(entry);
  }
  return { entries, problems };
}

/**
 * Matches a thesaurus's values to a Daylight vocabulary's codes by label (English, then Korean,
 * the group disambiguating), giving the `thesauri` entry of a mapping; values that match no term
 * are problems at their line, for the mapping's author to settle by hand.
 */
export function matchThesaurus(
  entries: readonly ThesaurusEntry[],
  id: VocabularyId,
  file: string,
): { thesaurus: ThesaurusMapping; problems: ImportProblem[] } {
  const codes = codesOf(id);
  const labels = {
    en: thesaurusLabels({ vocabulary: id, values: {} }, 'en'),
    ko: thesaurusLabels({ vocabulary: id, values: {} }, 'ko'),
  };
  const values: Record<string, string> = {};
  const problems: ImportProblem[] = [];
  for (const entry of entries) {
    const valueIn = (language: 'en' | 'ko') => {
      const label = entry.labels[language];
      if (label === undefined) return undefined;
      const group = entry.group?.[language];
      return group ? `${group}::${label}` : label;
    };
    const code =
      (valueIn('en') && labels.en.codeOf(valueIn('en') as string, codes)) ||
      (valueIn('ko') && labels.ko.codeOf(valueIn('ko') as string, codes)) ||
      undefined;
    const key = valueIn('en') ?? valueIn('ko') ?? '';
    if (code) values[key] = code;
    else
      problems.push({
        file,
        line: entry.line,
        field: 'value',
        message: `no term of ${id} has this label: ${JSON.stringify(key)}`,
      });
  }
  return { thesaurus: { vocabulary: id, values }, problems };
}
