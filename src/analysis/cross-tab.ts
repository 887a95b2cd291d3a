import type { FigureQuery } from '../provenance/figure-query.ts';
import { type Categorizer, categorizer } from './categories.ts';
import { categoryOf } from './category-labels.ts';
import type { CountTable } from './count-table.ts';
import type { AnalysisContext, CategoryOptions, Dimension } from './dimensions.ts';
import { type DistinctCounter, distinctCounter } from './distinct-counter.ts';
import { compileFilter } from './fact-filter.ts';
import { type FactTable, NO_YEAR } from './fact-table.ts';

/** What is counted: acts, or distinct individuals (victims, perpetrators), or distinct places. */
export const MEASURES = ['acts', 'victims', 'perpetrators', 'facilities'] as const;
export type Measure = (typeof MEASURES)[number];

/** A cross-tabulation asked for: rows by one dimension, optionally columns by another, within a filter. */
export type CrossTabRequest = {
  measure: Measure;
  rows: Dimension;
  columns?: Dimension;
  /** Which acts count (the same filters `explain` understands). */
  filter: FigureQuery;
} & CategoryOptions;

/** A counted table with what it means: each cell's figure can be explained with `query` plus its categories. */
export type CrossTab = CountTable & {
  request: CrossTabRequest;
  /** Distinct units over the whole table (not the sum of cells when units fall in several cells). */
  distinctTotal: number;
  /** Whether every unit is in exactly one cell (so cells add up to the total). */
  additive: boolean;
  /** Acts counted whose date spans more than one year (placed by `dating`). */
  rangedActs: number;
};

/**
 * Counts units by one or two dimensions. Pure. Acts are counted once per cell they fall in; victims
 * and perpetrators are individuals (resolved persons), each counted once per cell however many acts
 * or records name them; facilities are places (resolved facility records). `selection` lists the
 * acts that may be counted (by index; default all).
 */
export function crossTab(
  table: FactTable,
  context: AnalysisContext,
  request: CrossTabRequest,
  selection?: Int32Array,
): CrossTab {
  const rowsBy = categorizer(request.rows, table, context, request);
  const columnsBy = categorizer(request.columns, table, context, request);
  const filter = compileFilter(request.filter, table, context);
  const rowOut = new Int32Array(rowsBy.most);
  const columnOut = new Int32Array(columnsBy.most);
  const measure = request.measure;
  // Cells by row then column label number.
  const acts: number[][] = [];
  const sets: DistinctCounter[][] = [];
  const rowOf = <T>(cells: T[][], r: number): T[] => {
    let row = cells[r];
    if (!row) {
      row = [];
      cells[r] = row;
    }
    return row;
  };
  const capacity = measure === 'facilities' ? undefined : context.unitCount;
  const all = distinctCounter(capacity);
  const add = (rows: number, columns: number, unit: number) => {
    all.add(unit);
    for (let a = 0; a < rows; a++) {
      const row = rowOf(sets, rowOut[a] as number);
      for (let b = 0; b < columns; b++) {
        const c = columnOut[b] as number;
        let set = row[c];
        if (!set) {
          set = distinctCounter(capacity);
          row[c] = set;
        }
        set.add(unit);
      }
    }
  };
  const places = measure === 'facilities' ? placeNumbers(table, context) : undefined;
  const perVictim =
    measure === 'victims' &&
    (rowsBy.victim !== undefined || columnsBy.victim !== undefined || !!filter.victim);
  const units = measure === 'perpetrators' ? table.perpetrators : table.victims;
  let actsCounted = 0;
  let rangedActs = 0;
  let multiCategory = false;
  const count = selection ? selection.length : table.size;
  for (let n = 0; n < count; n++) {
    const i = selection ? (selection[n] as number) : n;
    if (!selection && table.dead?.[i] === 1) continue;
    if (filter.act && !filter.act(i)) continue;
    actsCounted++;
    const from = table.yearFrom[i] as number;
    if (from !== NO_YEAR && table.yearTo[i] !== from) rangedActs++;
    if (perVictim) {
      // Each victim in the cells their own attributes say.
      const rows = rowsBy.victim ? 1 : rowsBy.of(i, rowOut);
      const columns = columnsBy.victim ? 1 : columnsBy.of(i, columnOut);
      for (let k = units.start[i] as number; k < (units.start[i + 1] as number); k++) {
        const person = units.items[k] as number;
        if (filter.victim && !filter.victim(person, i)) continue;
        if (rowsBy.victim) rowOut[0] = rowsBy.victim(person, i);
        if (columnsBy.victim) columnOut[0] = columnsBy.victim(person, i);
        add(rows, columns, context.units[person] as number);
      }
      continue;
    }
    const rows = rowsBy.of(i, rowOut);
    const columns = columnsBy.of(i, columnOut);
    if (measure === 'acts') {
      if (rows * columns > 1) multiCategory = true;
      for (let a = 0; a < rows; a++) {
        const row = rowOf(acts, rowOut[a] as number);
        for (let b = 0; b < columns; b++) {
          const c = columnOut[b] as number;
          row[c] = (row[c] ?? 0) + 1;
        }
      }
    } else if (places) {
      const f = table.facility[i] as number;
      if (f >= 0) add(rows, columns, places[f] as number);
    } else
      for (let k = units.start[i] as number; k < (units.start[i + 1] as number); k++)
        add(rows, columns, context.units[units.items[k] as number] as number);
  }

  const { rows, columns } = usedLabels(measure === 'acts' ? acts : sets, rowsBy, columnsBy);
  const cellOf = (r: number, c: number) =>
    measure === 'acts' ? (acts[r]?.[c] ?? 0) : (sets[r]?.[c]?.size ?? 0);
  const cells = rows.map((r) => columns.map((c) => cellOf(r.code, c.code)));
  const sum = cells.flat().reduce((a, b) => a + b, 0);
  const distinctTotal = measure === 'acts' ? actsCounted : all.size;
  return {
    title: titleOf(request),
    rows: rows.map(({ key }) => categoryOf(request.rows, key)),
    columns: columns.map(({ key }) => categoryOf(request.columns, key)),
    cells,
    request,
    distinctTotal,
    additive: measure === 'acts' ? !multiCategory : sum === distinctTotal,
    rangedActs,
  };
}

type Key = { key: string; code: number };

/** The row and column labels some unit was counted in, in display order. */
function usedLabels(cells: unknown[][], rowsBy: Categorizer, columnsBy: Categorizer) {
  const rowCodes = new Set<number>();
  const columnCodes = new Set<number>();
  cells.forEach((row, r) => {
    rowCodes.add(r);
    row.forEach((_, c) => {
      columnCodes.add(c);
    });
  });
  const keys = (codes: Set<number>, labels: string[]): Key[] =>
    [...codes]
      .map((code) => ({ key: labels[code] as string, code }))
      .sort((a, b) => compareKeys(a.key, b.key));
  return { rows: keys(rowCodes, rowsBy.labels), columns: keys(columnCodes, columnsBy.labels) };
}

/** Each facility's place (resolved facility) as a number. */
function placeNumbers(table: FactTable, context: AnalysisContext): Int32Array {
  const numbers = new Map<string, number>();
  return Int32Array.from(table.facilities, (id) => {
    const place = context.facilities.get(id)?.place ?? id;
    let n = numbers.get(place);
    if (n === undefined) {
      n = numbers.size;
      numbers.set(place, n);
    }
    return n;
  });
}

/** Years in order, then other keys alphabetically, `unknown`-like keys last. */
function compareKeys(a: string, b: string): number {
  const late = (k: string) => (k === 'unknown' || k === 'undated' || k === 'none' ? 1 : 0);
  if (late(a) !== late(b)) return late(a) - late(b);
  const na = Number(a);
  const nb = Number(b);
  if (Number.isInteger(na) && Number.isInteger(nb)) return na - nb;
  return a < b ? -1 : a > b ? 1 : 0;
}

function titleOf(request: CrossTabRequest): string {
  return `${request.measure} by ${request.rows}${request.columns ? ` and ${request.columns}` : ''}`;
}
