import { z } from 'zod';
import type { Act } from '../domain/act.ts';
import type { Facility } from '../domain/facility.ts';
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
  /** Only acts in this review state (e.g. `verified`); absent: every documented act. */
  status: ReviewStatus.optional(),
  /** Only acts established at least to this level of the standards of proof (e.g. `reasonable-grounds`). */
  standard: z
    .string()
    .regex(/^[a-z][a-z0-9-]*$/)
    .optional(),
});
export type FigureQuery = z.infer<typeof FigureQuery>;

/** Whether an act counts for a figure. Pure; `facilityType` looks up a facility's type. */
export function actMatches(
  act: Act,
  query: FigureQuery,
  facilityType: (id: string) => Facility['facility_type'] | undefined,
): boolean {
  if (act.deleted) return false;
  if (query.act_type && !ancestorsOf('act-types', act.act_type).includes(query.act_type)) return false;
  if (query.act_types && !ancestorsOf('act-types', act.act_type).some((t) => query.act_types?.includes(t)))
    return false;
  if (query.facility && act.facility !== query.facility) return false;
  if (query.facility_type && (!act.facility || facilityType(act.facility) !== query.facility_type))
    return false;
  if (query.year !== undefined && (!act.date || Number(act.date.from.slice(0, 4)) !== query.year))
    return false;
  if (query.after_year !== undefined && (!act.date || Number(act.date.from.slice(0, 4)) <= query.after_year))
    return false;
  if (query.law && !act.legal_basis.some((b) => b.law === query.law)) return false;
  if (query.norm && !act.norms.includes(query.norm)) return false;
  if (query.status && act.status !== query.status) return false;
  return true;
}

/** A figure in words, e.g. `acts: act_type=TORTURE year=2021 status=verified`. */
export function describeFigure(query: FigureQuery): string {
  const filters = Object.entries(query)
    .filter(([key, value]) => key !== 'measure' && value !== undefined)
    .map(([key, value]) => `${key}=${Array.isArray(value) ? value.join(',') : value}`);
  return `${query.measure}${filters.length > 0 ? `: ${filters.join(' ')}` : ''}`;
}
