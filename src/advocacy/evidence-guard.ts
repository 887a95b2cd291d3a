import { ceilingOf } from '../access/authorize.ts';
import type { FieldKeys } from '../access/field-cipher.ts';
import { levelsUpTo, type Viewer } from '../access/roles.ts';
import { type ConsentLedger, consentLedger } from '../consent/consent-ledger.ts';
import type { ConsentChange } from '../domain/consent.ts';
import type { Person } from '../domain/person.ts';
import type { Source } from '../domain/source.ts';
import { liveRecords } from '../records/live-records.ts';
import type { Store } from '../store/store.ts';

/** The consent in force for every source, read from the store now (a withdrawal applies at once). */
export async function readConsentLedger(store: Store): Promise<ConsentLedger> {
  const sources: Source[] = [];
  const changes: ConsentChange[] = [];
  for await (const json of store.exportRecords('source')) {
    const source = JSON.parse(json) as Source;
    if (!source.deleted) sources.push(source);
  }
  for await (const json of store.exportRecords('consent')) {
    const change = JSON.parse(json) as ConsentChange;
    if (!change.deleted) changes.push(change);
  }
  return consentLedger(sources, changes);
}

/** Whether a source exists, is live, and the viewer may read it (otherwise it is reported as not found). */
export async function sourceVisible(store: Store, viewer: Viewer, id: string): Promise<boolean> {
  const record = await store.getRecord(id);
  if (record?.type !== 'source' || record.deleted) return false;
  const ceiling = ceilingOf(viewer, 'read-records');
  return ceiling !== undefined && levelsUpTo(ceiling).includes(record.confidentiality);
}

/**
 * The identifying values (names, exact birth dates, county of origin) of every person in the store,
 * normalised, to check that a document contains none of them. Used only for that check; never shown.
 */
export async function identifyingValues(store: Store, keys: FieldKeys): Promise<IdentifyingValues> {
  const values = new Set<string>();
  for await (const person of liveRecords<Person>(store, 'person', keys)) {
    for (const name of person.names) values.add(normalise(name.value));
    if (person.birth && person.birth.from.length >= 7) values.add(normalise(person.birth.from));
    for (const county of [person.origin?.county?.en, person.origin?.county?.ko])
      if (county) values.add(normalise(county));
  }
  // One-letter values would match everywhere; Korean names have at least two syllables.
  for (const value of values) if ([...value].length < 2) values.delete(value);
  return values;
}

/** Normalised identifying values (see `identifyingValues`). */
export type IdentifyingValues = ReadonlySet<string>;

const LONGEST_NAME_WORDS = 5;
const LONGEST_HANGUL_NAME = 6;

/**
 * Whether a text contains any of the values: as whole words (one to five in a row, case ignored),
 * or, in Hangul, anywhere in a run of syllables (particles attach to names: 리영호는). Linear in the
 * text, so every person of a large database can be checked. Never says which value matched.
 */
export function containsAny(text: string, values: IdentifyingValues): boolean {
  if (values.size === 0) return false;
  const words = wordsOf(text);
  for (let i = 0; i < words.length; i++)
    for (let n = 1; n <= LONGEST_NAME_WORDS && i + n <= words.length; n++)
      if (values.has(words.slice(i, i + n).join(' '))) return true;
  for (const run of text.match(/[\p{Script=Hangul}]{2,}/gu) ?? []) {
    const syllables = [...run];
    for (let i = 0; i < syllables.length; i++)
      for (let n = 2; n <= LONGEST_HANGUL_NAME && i + n <= syllables.length; n++)
        if (values.has(syllables.slice(i, i + n).join(''))) return true;
  }
  return false;
}

function wordsOf(text: string): string[] {
  return text
    .toLocaleLowerCase('en')
    .split(/[^\p{L}\p{N}'-]+/u)
    .filter(Boolean);
}

/** A value as `containsAny` compares it: lower-case words joined by one space. */
function normalise(value: string): string {
  return wordsOf(value).join(' ');
}
