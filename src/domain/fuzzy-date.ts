import { z } from 'zod';

/** A calendar date written as `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; its length is its precision. */
export const PartialDate = z
  .string()
  .regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, 'expected YYYY, YYYY-MM or YYYY-MM-DD')
  .refine((value) => value.length < 10 || isRealDay(value), 'no such day in the calendar');
export type PartialDate = z.infer<typeof PartialDate>;

/**
 * A date as a testimony gives it (HURIDOCS date types): exact, month or year precision, a range
 * (`to` present), and/or approximate ("around 2015").
 * ```json
 * { "from": "2019-03" }            // March 2019
 * { "from": "2019", "to": "2021" } // some time between 2019 and 2021
 * { "from": "1975", "approximate": true }
 * ```
 */
export const FuzzyDate = z
  .strictObject({
    from: PartialDate,
    to: PartialDate.optional(),
    approximate: z.boolean().optional(),
  })
  .refine((date) => date.to === undefined || latestDay(date.to) >= earliestDay(date.from), {
    message: 'range ends before it starts',
    path: ['to'],
  });
export type FuzzyDate = z.infer<typeof FuzzyDate>;

/** The precision of a date: how much of it the source knew. */
export type DatePrecision = 'day' | 'month' | 'year';

/** Precision of a partial date, read from its length. */
export function precisionOf(value: PartialDate): DatePrecision {
  return value.length === 10 ? 'day' : value.length === 7 ? 'month' : 'year';
}

/** First day a partial date can mean (`2019-03` → `2019-03-01`). */
export function earliestDay(value: PartialDate): string {
  return value.length === 10 ? value : value.length === 7 ? `${value}-01` : `${value}-01-01`;
}

/** Last day a partial date can mean (`2019-02` → `2019-02-28`). */
export function latestDay(value: PartialDate): string {
  if (value.length === 10) return value;
  const year = Number(value.slice(0, 4));
  if (value.length === 4) return `${year}-12-31`;
  const month = Number(value.slice(5, 7));
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${value}-${String(lastDay).padStart(2, '0')}`;
}

/** The whole span of days a fuzzy date may mean, ignoring the `approximate` flag. */
export function dateBounds(date: FuzzyDate): { earliest: string; latest: string } {
  return { earliest: earliestDay(date.from), latest: latestDay(date.to ?? date.from) };
}

function isRealDay(value: string): boolean {
  const [year, month, day] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
