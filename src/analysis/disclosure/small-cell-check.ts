// The small-cell check on every public output: no count in (0, threshold) may leave.

import { DEFAULT_THRESHOLD } from './protect-table.ts';

/**
 * Fields whose numbers are counts of people or acts. A number is checked when it is the value of
 * one of these fields, or anywhere inside an array or nested array under one (so the `cells`,
 * `rowTotals`, `columnTotals` and `total` of a ProtectedTable are all checked). Other numbers —
 * years, ids, `threshold` itself, estimates with their intervals, percentages — are not counts and
 * are not checked; an output must not carry a small count under any other name.
 */
export const COUNT_FIELDS: ReadonlySet<string> = new Set([
  'count',
  'counts',
  'value',
  'values',
  'victims',
  'acts',
  'n',
  'total',
  'totals',
  'cells',
  'rowTotals',
  'columnTotals',
]);

export type SmallCellViolation = { path: string; value: number };

/**
 * Walks a JSON-like output (objects, arrays, numbers; anything else is ignored) and returns every
 * count in (0, threshold), with its path (`$.tables[0].cells[2][1]`). An output may be released
 * only when this returns []. Zeros pass; non-integers under a count field are reported too, since
 * a count that is not a whole number is a mistake that should not be published either.
 */
export function checkSmallCells(
  output: unknown,
  threshold: number = DEFAULT_THRESHOLD,
): SmallCellViolation[] {
  const violations: SmallCellViolation[] = [];
  const seen = new Set<object>();

  const checkCount = (value: unknown, path: string): void => {
    if (typeof value === 'number') {
      if (Number.isFinite(value) && ((value > 0 && value < threshold) || !Number.isInteger(value))) {
        violations.push({ path, value });
      }
    } else if (Array.isArray(value)) {
      if (seen.has(value)) return;
      seen.add(value);
      value.forEach((item, i) => {
        if (typeof item === 'number' || Array.isArray(item)) checkCount(item, `${path}[${i}]`);
        else walk(item, `${path}[${i}]`);
      });
    } else {
      walk(value, path);
    }
  };

  const walk = (value: unknown, path: string): void => {
    if (value === null || typeof value !== 'object' || seen.has(value)) return;
    seen.add(value);
    if (Array.isArray(value)) {
      value.forEach((item, i) => {
        walk(item, `${path}[${i}]`);
      });
      return;
    }
    for (const [key, field] of Object.entries(value)) {
      const fieldPath = `${path}.${key}`;
      if (COUNT_FIELDS.has(key)) checkCount(field, fieldPath);
      else walk(field, fieldPath);
    }
  };

  // A bare number or list at the top is taken to be counts; an object is walked by its field names.
  if (typeof output === 'number' || Array.isArray(output)) checkCount(output, '$');
  else walk(output, '$');
  return violations;
}

/** Throws, naming the first violations, unless the output passes the small-cell check. */
export function assertNoSmallCells(output: unknown, threshold: number = DEFAULT_THRESHOLD): void {
  const violations = checkSmallCells(output, threshold);
  if (violations.length === 0) return;
  const shown = violations.slice(0, 5).map((v) => `${v.path} = ${v.value}`);
  throw new Error(
    `small-cell check failed (threshold ${threshold}): ${shown.join(', ')}${violations.length > 5 ? ', …' : ''}`,
  );
}
