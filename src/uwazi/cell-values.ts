import type { FieldShape } from './field-path.ts';
import type { ThesaurusLabels } from './thesaurus-labels.ts';
import type { PropertyMapping } from './uwazi-mapping.ts';
import { readDate, readFuzzyDate, readGeolocation, readLink, splitValues } from './uwazi-values.ts';

/** A cell read for its field: the values to put, or what is wrong (never quoting the cell). */
export type CellReading =
  | { ok: true; values: unknown[] }
  | { ok: false; message: string; unknownValue?: string };

/**
 * Reads one non-empty cell of a property (not a relationship: those wait for every file) into
 * values shaped for the field: codes for thesaurus values, fuzzy dates, points, numbers.
 */
export function readCell(
  cell: string,
  property: PropertyMapping,
  shape: FieldShape,
  context: { dateFormat: string; labels: ThesaurusLabels },
): CellReading {
  const target = shape.kind === 'array' ? (shape.element as FieldShape) : shape;
  const many = shape.kind === 'array';
  switch (property.kind) {
    case 'text':
    case 'markdown':
    case 'generatedid': {
      const values = many ? splitValues(cell) : [property.kind === 'markdown' ? cell : cell.trim()];
      if (target.kind === 'number') return numbers(values);
      return { ok: true, values };
    }
    case 'numeric':
      return numbers(many ? splitValues(cell) : [cell.trim()]);
    case 'date':
    case 'daterange': {
      const date = readFuzzyDate(cell, context.dateFormat);
      if (!date) return { ok: false, message: `expected a date (${context.dateFormat}) or a range from~to` };
      if (target.kind === 'fuzzy-date') return { ok: true, values: [date] };
      if (target.kind === 'years')
        return { ok: true, values: [{ from: yearOf(date.from), to: date.to ? yearOf(date.to) : null }] };
      if (target.kind === 'number') return { ok: true, values: [yearOf(date.from)] };
      const day = readDate(cell, context.dateFormat);
      return day ? { ok: true, values: [day] } : { ok: false, message: 'expected a single date' };
    }
    case 'select':
    case 'multiselect': {
      const codes = target.kind === 'enum' ? (target.values ?? []) : undefined;
      const values: string[] = [];
      for (const value of property.kind === 'multiselect' ? splitValues(cell) : [cell.trim()]) {
        const code = codes ? context.labels.codeOf(value, codes) : value;
        if (code === undefined)
          return { ok: false, message: 'unknown thesaurus value', unknownValue: value.slice(0, 80) };
        values.push(code);
      }
      return { ok: true, values };
    }
    case 'geolocation': {
      const point = readGeolocation(cell);
      return point
        ? { ok: true, values: [{ ...point, precision: property.precision }] }
        : { ok: false, message: 'expected lat|lon' };
    }
    case 'link': {
      const url = readLink(cell);
      return url ? { ok: true, values: [url] } : { ok: false, message: 'expected label|url' };
    }
    case 'relationship':
      return { ok: true, values: splitValues(cell) };
  }
}

function numbers(values: string[]): CellReading {
  const out: number[] = [];
  for (const value of values) {
    if (!/^-?\d+(\.\d+)?$/.test(value)) return { ok: false, message: 'expected a number' };
    out.push(Number(value));
  }
  return { ok: true, values: out };
}

function yearOf(date: string): number {
  return Number(date.slice(0, 4));
}
