import type { DaylightRecord } from '../domain/record.ts';
import { type VocabularyId, vocabulary } from '../domain/vocabulary.ts';

/** A line about a record that identifies no one: codes, types and dates, never names or free text. */
export type RecordSummary = { id: string; type: string; label: string; status: string; updated_at: string };

/** Presents a record for the overview page: only non-identifying fields leave. */
export function summarise(record: DaylightRecord): RecordSummary {
  return {
    id: record.id,
    type: record.type,
    label: labelOf(record),
    status: record.status,
    updated_at: record.updated_at,
  };
}

function labelOf(record: DaylightRecord): string {
  switch (record.type) {
    case 'person':
      return `${record.code} · ${record.roles.map((r) => term('person-roles', r)).join(', ')}`;
    case 'act':
      return `${term('act-types', record.act_type)}${record.date ? ` · ${record.date.from}${record.date.to ? `–${record.date.to}` : ''}` : ''}`;
    case 'facility':
      return record.name.en ?? record.name.ko ?? record.id;
    case 'organisation':
      return record.name.en ?? record.name.ko ?? record.id;
    case 'source':
      return `${term('source-types', record.kind)}${record.date ? ` · ${record.date.from}` : ''}`;
    case 'episode':
      return `${record.steps.length} steps`;
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

function term(id: VocabularyId, code: string): string {
  return vocabulary(id).terms.find((t) => t.code === code)?.en ?? code;
}
