import { ancestorsOf } from '../domain/vocabulary.ts';

/** What the analysis knows of a facility record: its type, the place it resolves to, its province. */
export type FacilityInfo = { type: string; place: string; province?: string };
/** What the analysis knows of a person record (in memory only: birth and origin are identifying). */
export type PersonInfo = { sex?: string; birthYear?: number; province?: string };

/** Everything beyond the acts that counting needs. */
export type AnalysisContext = {
  facilities: ReadonlyMap<string, FacilityInfo>;
  /** Individuals as dense numbers, by index of `FactTable.personIds`. */
  units: Int32Array;
  unitCount: number;
  /** Persons' sex, birth year and origin by index of `FactTable.personIds` (read when a count needs them). */
  persons?: readonly (PersonInfo | undefined)[];
  /** The evidentiary level of each act by its index (computed when a count asks for standards of proof). */
  levels?: readonly (string | undefined)[];
};

/** How acts are placed in years: see docs/methodology.md ("Dates in counts"). */
export const DATINGS = ['first-year', 'exact-only'] as const;
export type Dating = (typeof DATINGS)[number];

/** What a table can be broken down by. `victim_*` describe each victim, the others the act. */
export const DIMENSIONS = [
  'act_type',
  'act_type_top',
  'facility',
  'facility_type',
  'province',
  'year',
  'period',
  'law',
  'norm',
  'status',
  'standard',
  'victim_sex',
  'victim_age_group',
  'victim_province',
] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export const VICTIM_DIMENSIONS: readonly Dimension[] = ['victim_sex', 'victim_age_group', 'victim_province'];

export const UNKNOWN = 'unknown';
export const UNDATED = 'undated';
/** An act dated to a range of several years, under `exact-only` dating. */
export const SEVERAL_YEARS = 'several-years';

/** Options that change how an act is categorised. */
export type CategoryOptions = { dating: Dating; breakYear?: number };

const topTypes = new Map<string, string>();

/** The top-level act type above a code (itself when it is one). */
export function topTypeOf(code: string): string {
  let top = topTypes.get(code);
  if (top === undefined) {
    top = ancestorsOf('act-types', code).at(-1) ?? code;
    topTypes.set(code, top);
  }
  return top;
}

/** Age groups at the time of the act. */
export function ageGroup(birthYear: number | undefined, actYear: number | null): string {
  if (birthYear === undefined || actYear === null) return UNKNOWN;
  const age = actYear - birthYear;
  if (age < 0) return UNKNOWN;
  return age < 18 ? '0-17' : age < 30 ? '18-29' : age < 45 ? '30-44' : age < 60 ? '45-59' : '60+';
}

/** A victim's category on a victim dimension. */
export function victimCategory(
  dimension: Dimension,
  person: PersonInfo | undefined,
  fact: { year_from: number | null },
): string {
  if (dimension === 'victim_sex') return person?.sex ?? UNKNOWN;
  if (dimension === 'victim_age_group') return ageGroup(person?.birthYear, fact.year_from);
  return person?.province ?? UNKNOWN;
}
