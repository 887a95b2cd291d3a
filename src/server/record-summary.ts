import type { DaylightRecord } from '../domain/record.ts';
import { type VocabularyId, vocabulary } from '../domain/vocabulary.ts';

/** A line about a record that identifies no one: codes, types and dates, never names or free text. */
export type RecordSummary = {
  id: string;
  type: string;
  label: string;
  /** The same in Korean. */
  label_ko: string;
  status: string;
  confidentiality: string;
  updated_at: string;
};

/** Presents a record for the overview page: only non-identifying fields leave. */
export function summarise(record: DaylightRecord): RecordSummary {
  return {
    id: record.id,
    type: record.type,
    label: labelOf(record, 'en'),
    label_ko: labelOf(record, 'ko'),
    status: record.status,
    confidentiality: record.confidentiality,
    updated_at: record.updated_at,
  };
}

function labelOf(record: DaylightRecord, lang: 'en' | 'ko'): string {
  const term = (id: VocabularyId, code: string) => termLabel(id, code, lang);
  switch (record.type) {
    case 'person':
      return `${record.code} · ${record.roles.map((r) => term('person-roles', r)).join(', ')}`;
    case 'act':
      return `${term('act-types', record.act_type)}${record.date ? ` · ${record.date.from}${record.date.to ? `–${record.date.to}` : ''}` : ''}`;
    case 'facility':
    case 'organisation':
      return (
        (lang === 'ko' ? (record.name.ko ?? record.name.en) : (record.name.en ?? record.name.ko)) ?? record.id
      );
    case 'source':
      return `${term('source-types', record.kind)}${record.date ? ` · ${record.date.from}` : ''}`;
    case 'episode':
      return lang === 'ko' ? `${record.steps.length}단계` : `${record.steps.length} steps`;
    case 'file':
      return record.media_type;
    case 'custody':
      return record.action;
    case 'assessment':
      return record.act
        ? `credibility ${record.credibility} of ${record.act}`
        : `reliability ${record.reliability}`;
    case 'consent':
      return `${record.change} ${record.scopes.join(', ')}`;
  }
}

function termLabel(id: VocabularyId, code: string, lang: 'en' | 'ko'): string {
  return vocabulary(id).terms.find((t) => t.code === code)?.[lang] ?? code;
}

/** How many of each value: the counts of a search facet. */
export function tally(values: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
  return counts;
}
