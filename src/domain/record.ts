import { z } from 'zod';
import { Act } from './act.ts';
import { Assessment } from './assessment.ts';
import { ConsentChange } from './consent.ts';
import { Episode } from './episode.ts';
import { CustodyEvent, EvidenceFile } from './evidence-file.ts';
import { Facility } from './facility.ts';
import { Organisation } from './organisation.ts';
import { Person } from './person.ts';
import { Source } from './source.ts';
import type { BilingualText } from './text.ts';
import { ancestorsOf, termOf } from './vocabulary.ts';

/** Every record type, in the order exports write them (referenced types first). */
export const RECORD_TYPES = [
  'organisation',
  'facility',
  'person',
  'file',
  'custody',
  'source',
  'consent',
  'episode',
  'act',
  'assessment',
] as const;
export type RecordType = (typeof RECORD_TYPES)[number];

/** The schema of each record type: the single source of truth for types, validation and interchange. */
export const RECORD_SCHEMAS = {
  organisation: Organisation,
  facility: Facility,
  person: Person,
  file: EvidenceFile,
  custody: CustodyEvent,
  source: Source,
  consent: ConsentChange,
  episode: Episode,
  act: Act,
  assessment: Assessment,
} as const;

/** Any Daylight record. */
export const DaylightRecord = z.discriminatedUnion('type', [
  Organisation,
  Facility,
  Person,
  EvidenceFile,
  CustodyEvent,
  Source,
  ConsentChange,
  Episode,
  Act,
  Assessment,
]);
export type DaylightRecord = z.infer<typeof DaylightRecord>;

/** Whether a string names a record type. */
export function isRecordType(value: unknown): value is RecordType {
  return typeof value === 'string' && (RECORD_TYPES as readonly string[]).includes(value);
}

/** A link from one record to another, named by the field that holds it. */
export type Reference = { field: string; target: string; targetType: RecordType };

/** Every record this record points to; the store checks that each exists with the right type. */
export function referencesOf(record: DaylightRecord): Reference[] {
  const refs: Reference[] = [];
  const add = (field: string, target: string | undefined, targetType: RecordType) => {
    if (target !== undefined) refs.push({ field, target, targetType });
  };
  /** Adds `field[i]` (or `field[i].key`) for each element's target. */
  const addEach = <T>(
    field: string,
    items: readonly T[],
    key: string,
    targetOf: (item: T) => string | undefined,
    targetType: RecordType,
  ) => {
    for (let i = 0; i < items.length; i++) add(`${field}[${i}]${key}`, targetOf(items[i] as T), targetType);
  };
  switch (record.type) {
    case 'person':
      addEach('positions', record.positions, '.facility', (p) => p.facility, 'facility');
      break;
    case 'file':
      add('derived_from', record.derived_from, 'file');
      break;
    case 'custody':
      add('file', record.file, 'file');
      break;
    case 'source':
      add('interviewee', record.interviewee, 'person');
      add('organisation', record.organisation, 'organisation');
      addEach('files', record.files, '.file', (f) => f.file, 'file');
      addEach('related_sources', record.related_sources, '', (s) => s, 'source');
      break;
    case 'consent':
      add('interviewee', record.interviewee, 'person');
      add('source', record.source, 'source');
      break;
    case 'episode':
      add('person', record.person, 'person');
      addEach('steps', record.steps, '.facility', (s) => s.facility, 'facility');
      addEach('sources', record.sources, '', (s) => s, 'source');
      break;
    case 'act':
      addEach('victims', record.victims, '', (v) => v, 'person');
      addEach('perpetrators', record.perpetrators, '.person', (p) => p.person, 'person');
      add('facility', record.facility, 'facility');
      add('episode', record.episode, 'episode');
      addEach('sources', record.sources, '.source', (s) => s.source, 'source');
      record.sources.forEach((s, i) => {
        add(`sources[${i}].account.facility`, s.account?.facility, 'facility');
        addEach(`sources[${i}].account.perpetrators`, s.account?.perpetrators ?? [], '', (p) => p, 'person');
      });
      break;
    case 'assessment':
      add('source', record.source, 'source');
      add('act', record.act, 'act');
      break;
    case 'organisation':
    case 'facility':
      break;
  }
  return refs;
}

/**
 * The words full-text search finds a record by, in Korean and English, in two parts: `open` text,
 * and `identifying` text (names, notes, file names) that only callers allowed to see identifying
 * fields may search, so that a name typed into search reveals nothing to anyone else.
 */
export function searchTextOf(record: DaylightRecord): SearchText {
  const open: string[] = [];
  const identifying: string[] = [];
  // Free text marked sensitive is searchable only as identifying text.
  const text = (into: string[], t: BilingualText | undefined) => {
    const target = t?.sensitive ? identifying : into;
    if (t?.en) target.push(t.en);
    if (t?.ko) target.push(t.ko);
  };
  switch (record.type) {
    case 'organisation':
      text(open, record.name);
      for (const p of record.programmes) text(open, p.name);
      break;
    case 'facility':
      text(open, record.name);
      open.push(...record.aliases);
      break;
    case 'person':
      open.push(record.code);
      identifying.push(...record.names.map((n) => n.value));
      text(identifying, record.notes);
      break;
    case 'file':
      if (record.name) identifying.push(record.name);
      break;
    case 'custody':
    case 'consent':
      if (record.note) identifying.push(record.note);
      break;
    case 'source':
      text(open, record.title);
      text(open, record.summary);
      text(open, record.place);
      break;
    case 'episode':
      for (const step of record.steps) text(open, step.note);
      break;
    case 'act':
      // The type's labels, so that "torture" or "고문" finds acts of every torture method.
      for (const code of ancestorsOf('act-types', record.act_type)) text(open, termOf('act-types', code));
      text(open, record.description);
      break;
    case 'assessment':
      open.push(record.reason);
      break;
  }
  return { open: open.join('\n'), identifying: identifying.join('\n') };
}

/** A record's searchable text, split by who may search it. */
export type SearchText = { open: string; identifying: string };
