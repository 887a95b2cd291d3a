// How Uwazi writes values in a CSV cell, both ways: several values joined with `|`, dates in the
// site's format, ranges `from~to` (Uwazi's import also takes `from:to`), geolocation `lat|lon`,
// links `label|url`. Pure functions.

import { type FuzzyDate, PartialDate } from '../domain/fuzzy-date.ts';

/** Several values of one cell (`a|b|c`), trimmed, empty ones dropped. */
export function splitValues(cell: string): string[] {
  return cell
    .split('|')
    .map((value) => value.trim())
    .filter((value) => value !== '');
}

/** Joins several values into one cell. */
export function joinValues(values: readonly string[]): string {
  return values.join('|');
}

/**
 * A date in the site's format (`DD/MM/YYYY` …) as `YYYY-MM-DD`. Partial dates as Daylight writes
 * them (`2019`, `2019-03`) are read too: Uwazi has no partial dates, so that is how they travel.
 */
export function readDate(cell: string, format: string): string | undefined {
  const value = cell.trim();
  if (/^\d{4}(-\d{2})?$/.test(value)) return PartialDate.safeParse(value).success ? value : undefined;
  const order: string[] = [];
  const pattern = format.replace(/YYYY|MM|DD|[.*+?^${}()|[\]\\/]/g, (token) => {
    if (token === 'YYYY' || token === 'MM' || token === 'DD') {
      order.push(token);
      return token === 'YYYY' ? '(\\d{4})' : '(\\d{1,2})';
    }
    return `\\${token}`;
  });
  const match = new RegExp(`^${pattern}$`).exec(value);
  if (!match) return undefined;
  const part = (token: string) => match[order.indexOf(token) + 1] as string;
  const iso = `${part('YYYY')}-${part('MM').padStart(2, '0')}-${part('DD').padStart(2, '0')}`;
  return PartialDate.safeParse(iso).success ? iso : undefined;
}

/** A day (`YYYY-MM-DD`) in the site's format; partial dates stay as they are. */
export function writeDate(value: string, format: string): string {
  if (value.length < 10) return value;
  const [year, month, day] = value.split('-') as [string, string, string];
  return format.replace('YYYY', year).replace('MM', month).replace('DD', day);
}

/** A cell of a date property or a date range (`from~to`, `from:to`; either side may be empty). */
export function readFuzzyDate(cell: string, format: string): FuzzyDate | undefined {
  const parts = cell.includes('~') ? cell.split('~') : /^[^:]*:[^:]*$/.test(cell) ? cell.split(':') : [cell];
  if (parts.length > 2) return undefined;
  const [fromCell = '', toCell = ''] = parts.map((part) => part.trim());
  const from = fromCell === '' ? undefined : readDate(fromCell, format);
  const to = toCell === '' ? undefined : readDate(toCell, format);
  if ((fromCell !== '' && !from) || (toCell !== '' && !to)) return undefined;
  const start = from ?? to;
  if (!start) return undefined;
  return to !== undefined && to !== from ? { from: start, to } : { from: start };
}

/** A fuzzy date as a cell: `from` alone, or `from~to` (Uwazi's export form). */
export function writeFuzzyDate(date: FuzzyDate, format: string, asRange: boolean): string {
  const from = writeDate(date.from, format);
  if (date.to === undefined) return asRange ? `${from}~` : from;
  return `${from}~${writeDate(date.to, format)}`;
}

/** `lat|lon` as numbers, or `undefined` if the cell is not two numbers in range. */
export function readGeolocation(cell: string): { lat: number; lon: number } | undefined {
  const parts = cell.split('|').map((part) => part.trim());
  if (parts.length !== 2 || !parts.every((part) => /^-?\d+(\.\d+)?$/.test(part))) return undefined;
  const [lat, lon] = parts.map(Number) as [number, number];
  return Math.abs(lat) <= 90 && Math.abs(lon) <= 180 ? { lat, lon } : undefined;
}

/** A link cell `label|url` (or a bare url): its url. */
export function readLink(cell: string): string | undefined {
  const parts = cell.split('|').map((part) => part.trim());
  const url = parts[parts.length - 1] ?? '';
  return parts.length <= 2 && url !== '' ? url : undefined;
}

/** Whether a `Published` cell says published (`true`, `yes`, `1`, `published`). */
export function readPublished(cell: string): boolean | undefined {
  const value = cell.trim().toLowerCase();
  if (['true', 'yes', '1', 'published'].includes(value)) return true;
  if (['false', 'no', '0', 'unpublished', ''].includes(value)) return false;
  return undefined;
}
