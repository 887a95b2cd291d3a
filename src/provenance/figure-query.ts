import { z } from 'zod';
import type { ActFact } from '../analysis/act-fact.ts';
import { type PersonInfo, victimCategory } from '../analysis/dimensions.ts';
import { ReviewStatus } from '../domain/record-meta.ts';
import { RecordId } from '../domain/text.ts';
import { ancestorsOf, codeOf } from '../domain/vocabulary.ts';

/**
 * A figure: what is counted (acts, or distinct victims of those acts) and which acts count. Every
 * figure Daylight shows is one of these, so that `explain` can list the acts behind it. The
 * analysis issue extends the filters; this is the shape they extend.
 */
export const FigureQuery = z.strictObject({
  measure: z.enum(['acts', 'victims']).default('acts'),
  /** This act type or any narrower one (torture counts every torture method). */
  act_type: codeOf('act-types').optional(),
  /** Any of these act types (each with its narrower ones). */
  act_types: z
    .preprocess((v) => (typeof v === 'string' ? v.split(',') : v), z.array(codeOf('act-types')))
    .optional(),
  facility: RecordId.optional(),
  facility_type: codeOf('facility-types').optional(),
  /** Acts that began in this year (see docs/methodology.md on dates). */
  year: z.coerce.number().int().min(1945).max(2100).optional(),
  /** Acts that began in a later year than this (e.g. after a UPR review). */
  after_year: z.coerce.number().int().min(1945).max(2100).optional(),
  law: codeOf('laws').optional(),
  norm: codeOf('norms').optional(),
  /** Acts at a facility in this province (the facility's location). */
  province: codeOf('provinces').optional(),
  /** Acts with a victim of this sex (and, counting victims, only such victims). */
  victim_sex: z.enum(['female', 'male', 'unknown']).optional(),
  /** Acts with a victim of this age group at the time of the act (0-17, 18-29, 30-44, 45-59, 60+, unknown). */
  victim_age_group: z.enum(['0-17', '18-29', '30-44', '45-59', '60+', 'unknown']).optional(),
  /** Acts with a victim from this province (origin). */
  victim_province: z.union([codeOf('provinces'), z.literal('unknown')]).optional(),
  /** Only acts in this review state (e.g. `verified`); absent: every documented act. */
  status: ReviewStatus.optional(),
  /** Only acts established at least to this level of the standards of proof (e.g. `reasonable-grounds`). */
  standard: z
    .string()
    .regex(/^[a-z][a-z0-9-]*$/)
    .optional(),
});
export type FigureQuery = z.infer<typeof FigureQuery>;

/** What matching needs beyond the act: facility types and provinces, and victims' attributes. */
export type FigureLookups = {
  facilityType: (id: string) => string | undefined;
  facilityProvince?: (id: string) => string | undefined;
  person?: (id: string) => PersonInfo | undefined;
};

const VICTIM_FILTERS = ['victim_sex', 'victim_age_group', 'victim_province'] as const;

/** Whether a figure filters on victims' attributes (and so needs persons to be read). */
export function filtersVictims(query: FigureQuery): boolean {
  return VICTIM_FILTERS.some((f) => query[f] !== undefined);
}

/** Whether one victim of an act passes the figure's victim filters. */
export function victimMatches(
  victim: string,
  fact: ActFact,
  query: FigureQuery,
  lookups: FigureLookups,
): boolean {
  const person = lookups.person?.(victim);
  return VICTIM_FILTERS.every((f) => query[f] === undefined || victimCategory(f, person, fact) === query[f]);
}

const chains = new Map<string, string[]>();

/** An act type and the types above it (memoised: a million acts share a few dozen types). */
function typeChain(code: string): string[] {
  let chain = chains.get(code);
  if (!chain) {
    chain = ancestorsOf('act-types', code);
    chains.set(code, chain);
  }
  return chain;
}

/** Whether an act counts for a figure. Pure. */
export function actMatches(fact: ActFact, query: FigureQuery, lookups: FigureLookups): boolean {
  if (query.act_type && !typeChain(fact.act_type).includes(query.act_type)) return false;
  if (query.act_types && !typeChain(fact.act_type).some((t) => query.act_types?.includes(t))) return false;
  if (query.facility && fact.facility !== query.facility) return false;
  if (query.facility_type && (!fact.facility || lookups.facilityType(fact.facility) !== query.facility_type))
    return false;
  if (query.province && (!fact.facility || lookups.facilityProvince?.(fact.facility) !== query.province))
    return false;
  if (query.year !== undefined && fact.year_from !== query.year) return false;
  if (query.after_year !== undefined && (fact.year_from === null || fact.year_from <= query.after_year))
    return false;
  if (query.law && !fact.laws.includes(query.law)) return false;
  if (query.norm && !fact.norms.includes(query.norm)) return false;
  if (query.status && fact.status !== query.status) return false;
  if (filtersVictims(query) && !fact.victims.some((v) => victimMatches(v, fact, query, lookups)))
    return false;
  return true;
}

/** A figure in words, e.g. `acts: act_type=TORTURE year=2021 status=verified`. */
export function describeFigure(query: FigureQuery): string {
  const filters = Object.entries(query)
    .filter(([key, value]) => key !== 'measure' && value !== undefined)
    .map(([key, value]) => `${key}=${Array.isArray(value) ? value.join(',') : value}`);
  return `${query.measure}${filters.length > 0 ? `: ${filters.join(' ')}` : ''}`;
}
