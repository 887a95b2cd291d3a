import { ancestorsOf } from '../domain/vocabulary.ts';
import type { ActFact } from './act-fact.ts';

/** What the analysis knows of a facility record: its type, the place it resolves to, its province. */
export type FacilityInfo = { type: string; place: string; province?: string };
/** What the analysis knows of a person record (in memory only: birth and origin are identifying). */
export type PersonInfo = { sex?: string; birthYear?: number; province?: string };

/** Everything beyond the acts that counting needs. */
export type AnalysisContext = {
  facilities: ReadonlyMap<string, FacilityInfo>;
  persons: ReadonlyMap<string, PersonInfo>;
  /** The individual a person record resolves to (itself before any resolution run). */
  individualOf: (personId: string) => string;
  /** The evidentiary level of an act, when a count asks for standards of proof. */
  levelOf?: (actId: string) => string | undefined;
  /** Victims and perpetrators of each loaded act as dense individual numbers (by `ActFact.index`). */
  units?: FactUnits;
};

/**
 * Individuals as dense numbers, per act in load order (compressed rows: the victims of act i are
 * `victims[victimStart[i] … victimStart[i + 1]]`, in the order of `ActFact.victims`).
 */
export type FactUnits = {
  count: number;
  victimStart: Int32Array;
  victims: Int32Array;
  perpetratorStart: Int32Array;
  perpetrators: Int32Array;
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

/** The year an act counts in, or `undated` / `several-years` (it is counted once in any case). */
export function yearOf(fact: ActFact, dating: Dating): string {
  if (fact.year_from === null) return UNDATED;
  if (dating === 'exact-only' && fact.year_to !== fact.year_from) return SEVERAL_YEARS;
  return String(fact.year_from);
}

/** Before or after a break year (e.g. 2021 for a law adopted in December 2020), or spanning it. */
export function periodOf(fact: ActFact, breakYear: number | undefined): string {
  if (breakYear === undefined) throw new Error('period: a break year is needed');
  if (fact.year_from === null || fact.year_to === null) return UNDATED;
  if (fact.year_to < breakYear) return `before-${breakYear}`;
  if (fact.year_from >= breakYear) return `from-${breakYear}`;
  return 'spanning';
}

/** A victim's category on a victim dimension. */
export function victimCategory(dimension: Dimension, person: PersonInfo | undefined, fact: ActFact): string {
  if (dimension === 'victim_sex') return person?.sex ?? UNKNOWN;
  if (dimension === 'victim_age_group') return ageGroup(person?.birthYear, fact.year_from);
  return person?.province ?? UNKNOWN;
}

/** The categories of an act on an act dimension (several for laws and norms; each counted once). */
export function actCategories(
  dimension: Dimension,
  fact: ActFact,
  context: AnalysisContext,
  options: CategoryOptions,
): string[] {
  const facility = fact.facility === null ? undefined : context.facilities.get(fact.facility);
  switch (dimension) {
    case 'act_type':
      return [fact.act_type];
    case 'act_type_top':
      return [topTypeOf(fact.act_type)];
    case 'facility':
      return [fact.facility === null ? UNKNOWN : (facility?.place ?? fact.facility)];
    case 'facility_type':
      return [facility?.type ?? UNKNOWN];
    case 'province':
      return [facility?.province ?? UNKNOWN];
    case 'year':
      return [yearOf(fact, options.dating)];
    case 'period':
      return [periodOf(fact, options.breakYear)];
    case 'law':
      return fact.laws.length > 0 ? [...new Set(fact.laws)] : ['none'];
    case 'norm':
      return fact.norms.length > 0 ? [...new Set(fact.norms)] : ['none'];
    case 'status':
      return [fact.status];
    case 'standard':
      return [context.levelOf?.(fact.id) ?? UNKNOWN];
    default: {
      // A victim dimension describing the act: every category any of its victims is in.
      const seen = new Set<string>();
      for (const v of fact.victims) seen.add(victimCategory(dimension, context.persons.get(v), fact));
      return [...seen];
    }
  }
}
