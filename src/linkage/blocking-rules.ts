import { type DistinctName, type Features, facilityKey } from './features.ts';
import type { NameReading } from './korean.ts';

/**
 * A blocking rule: the keys under which a mention is filed; mentions sharing a key are compared. A
 * rule with a `window` is a sorted neighbourhood: its keys are `block<TAB>sort`, each block is
 * sorted by the part after the tab and every mention compared with its `window` neighbours on each
 * side (so one typo in a name still sorts it beside the other spellings).
 */
export type BlockingRule = {
  name: string;
  keys: (f: Features, i: number) => string[];
  window?: number;
  /** Only pairs in which one mention or both give no name (the other rules block on names). */
  unnamed?: boolean;
};

function readingsOf(f: Features, i: number): NameReading[] {
  const id = f.name[i] as number;
  return id < 0 ? [] : (f.names[id] as DistinctName).readings;
}

function byReading(f: Features, i: number, key: (r: NameReading) => string | null): string[] {
  const out: string[] = [];
  for (const r of readingsOf(f, i)) {
    const k = key(r);
    if (k !== null && !out.includes(k)) out.push(k);
  }
  return out;
}

const year = (f: Features, i: number) => f.birthYear[i] || null;
/** The surname's canonical id, else its spelling's key. */
const surname = (r: NameReading) => r.surname ?? (r.surnameKey || null);
const given = (r: NameReading) => (r.given ? r.given : null);
const first = (r: NameReading) => r.syllables[0] ?? null;
const last = (r: NameReading) =>
  r.syllables.length > 1 ? (r.syllables[r.syllables.length - 1] as string) : null;

/** Keys for mentions without a name: two of birth year, facility and locality. */
function unnamedKeys(f: Features, i: number): string[] {
  const y = year(f, i);
  const id = f.facility[i] as number;
  const place = id < 0 ? null : facilityKey(f.facilities[id] as Features['facilities'][number]);
  const locality = (f.locality[i] as number) >= 0 ? String(f.locality[i]) : null;
  const keys: string[] = [];
  if (y && place) keys.push(`y|${y}|f|${place}`);
  if (y && locality) keys.push(`y|${y}|l|${locality}`);
  if (place && locality) keys.push(`f|${place}|l|${locality}`);
  return keys;
}

/**
 * The union of rules the engine blocks on. Each catches what the others miss: a shared reading of the
 * whole name (the names module reads both word orders); a typo anywhere in the given name (sorted
 * neighbourhoods on it, forwards and backwards, within the surname); a typo in one given syllable
 * (surname + the other syllable + birth year); a surname spelt beyond recognition (given name +
 * birth year). A rule on the sorted set of syllables was tried: 28% more pairs for 0.1% more recall.
 */
export const BLOCKING_RULES: BlockingRule[] = [
  { name: 'name key', keys: (f, i) => byReading(f, i, (r) => `${surname(r) ?? ''}|${r.given}`) },
  {
    name: 'surname, then given name in order',
    keys: (f, i) => byReading(f, i, (r) => (surname(r) && r.given ? `${surname(r)}\t${r.given}` : null)),
    window: 3,
  },
  {
    name: 'surname, then given name read backwards',
    keys: (f, i) =>
      byReading(f, i, (r) =>
        surname(r) && r.given ? `${surname(r)}\t${[...r.given].reverse().join('')}` : null,
      ),
    window: 3,
  },
  {
    name: 'surname + first syllable + birth year',
    keys: (f, i) =>
      year(f, i) ? byReading(f, i, (r) => (first(r) ? `${surname(r)}|${first(r)}|${year(f, i)}` : null)) : [],
  },
  {
    name: 'surname + last syllable + birth year',
    keys: (f, i) =>
      year(f, i) ? byReading(f, i, (r) => (last(r) ? `${surname(r)}|${last(r)}|${year(f, i)}` : null)) : [],
  },
  {
    name: 'given name + birth year',
    keys: (f, i) =>
      year(f, i) ? byReading(f, i, (r) => (given(r) ? `${given(r)}|${year(f, i)}` : null)) : [],
  },
  // A witness may describe someone without naming them ("a woman from Hyesan born in 1975, held at
  // Camp 15"): two of birth year, facility and locality, for pairs where a name is missing.
  { name: 'birth year, facility, locality (unnamed mentions)', keys: unnamedKeys, unnamed: true },
];
