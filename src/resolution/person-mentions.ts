import type { Act } from '../domain/act.ts';
import type { Episode } from '../domain/episode.ts';
import type { Facility } from '../domain/facility.ts';
import type { Person } from '../domain/person.ts';
import type { Source } from '../domain/source.ts';
import { vocabulary } from '../domain/vocabulary.ts';
import type { Mention } from '../linkage/mention.ts';

/** What the mentions are built from: revealed records (identifying fields in clear, in memory only). */
export type MentionInputs = {
  persons: Iterable<Person>;
  episodes: Iterable<Episode>;
  acts: Iterable<Act>;
  sources: Iterable<Source>;
  facilities: Iterable<Facility>;
};

const HANGUL_FORMS = new Set(['HANGUL', 'HANGUL-NORTH']);
const SKIPPED_FORMS = new Set(['ALIAS', 'HANJA']);

/**
 * One linkage mention per person record: its names (Hangul and romanised), sex, birth year, origin,
 * the source that names it, and the facility and years of its detention. Persons are recorded once
 * per testimony, so a mention is a person record; linkage decides which are one individual.
 */
export function personMentions(inputs: MentionInputs): Mention[] {
  const facilityNames = new Map<string, string>();
  for (const f of inputs.facilities) facilityNames.set(f.id, f.name.en ?? f.name.ko ?? f.id);
  const sourceOf = new Map<string, string>();
  const note = (person: string, source: string | undefined) => {
    if (source !== undefined && !sourceOf.has(person)) sourceOf.set(person, source);
  };
  for (const s of inputs.sources) if (s.interviewee) note(s.interviewee, s.id);
  const detention = new Map<string, { facility?: string; from?: number; to?: number }>();
  for (const e of inputs.episodes) {
    note(e.person, e.sources[0]);
    const stay = detention.get(e.person) ?? {};
    for (const step of e.steps) {
      if (step.kind !== 'detention' && step.kind !== 'transfer' && step.kind !== 'sentence') continue;
      if (step.facility && stay.facility === undefined) stay.facility = facilityNames.get(step.facility);
      if (step.date) {
        const from = Number(step.date.from.slice(0, 4));
        const to = Number((step.date.to ?? step.date.from).slice(0, 4));
        stay.from = stay.from === undefined ? from : Math.min(stay.from, from);
        stay.to = stay.to === undefined ? to : Math.max(stay.to, to);
      }
    }
    detention.set(e.person, stay);
  }
  for (const a of inputs.acts) {
    for (const v of a.victims) note(v, a.sources[0]?.source);
    for (const p of a.perpetrators) note(p.person, a.sources[0]?.source);
  }
  const provinces = new Map(vocabulary('provinces').terms.map((t) => [t.code, t.en]));
  const mentions: Mention[] = [];
  for (const person of inputs.persons) {
    const m: Mention = { id: person.id };
    const hangul = person.names.find((n) => HANGUL_FORMS.has(n.form));
    const roman = person.names.find((n) => !HANGUL_FORMS.has(n.form) && !SKIPPED_FORMS.has(n.form));
    if (hangul) m.name_ko = hangul.value;
    if (roman) m.name = roman.value;
    if (person.sex === 'male') m.sex = 'M';
    if (person.sex === 'female') m.sex = 'F';
    if (person.birth) m.birth_year = birthYear(person.birth.from, person.birth.to);
    const origin = [
      person.origin?.county?.en ?? person.origin?.county?.ko,
      provinces.get(person.origin?.province ?? ''),
    ]
      .filter((part): part is string => Boolean(part))
      .join(', ');
    if (origin) m.origin = origin;
    const source = sourceOf.get(person.id);
    if (source) m.source = source;
    const stay = detention.get(person.id);
    const position = person.positions.find((p) => p.facility);
    const facility =
      stay?.facility ?? (position?.facility ? facilityNames.get(position.facility) : undefined);
    if (facility) m.facility = facility;
    const from = stay?.from ?? yearOf(position?.period?.from);
    const to = stay?.to ?? yearOf(position?.period?.to ?? position?.period?.from);
    if (from !== undefined) m.detained_from = from;
    if (to !== undefined) m.detained_to = to;
    mentions.push(m);
  }
  return mentions;
}

/** A birth date as one year: the middle of a range ("1974–1976" → 1975). */
function birthYear(from: string, to: string | undefined): number {
  const a = Number(from.slice(0, 4));
  return to === undefined ? a : Math.round((a + Number(to.slice(0, 4))) / 2);
}

function yearOf(date: string | undefined): number | undefined {
  return date === undefined ? undefined : Number(date.slice(0, 4));
}
