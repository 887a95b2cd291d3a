import type { FigureLookups, FigureQuery } from '../provenance/figure-query.ts';
import { actMatches, victimMatches } from '../provenance/figure-query.ts';
import type { ActFact } from './act-fact.ts';
import type { CountTable } from './count-table.ts';
import {
  type AnalysisContext,
  actCategories,
  type CategoryOptions,
  type Dimension,
  VICTIM_DIMENSIONS,
  victimCategory,
} from './dimensions.ts';
import { type DistinctCounter, distinctCounter } from './distinct-counter.ts';

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

const ONE_COLUMN = 'total';

/**
 * Counts units by one or two dimensions. Pure. Acts are counted once per cell they fall in; victims
 * and perpetrators are individuals (resolved persons), each counted once per cell however many acts
 * or records name them; facilities are places (resolved facility records).
 */
export function crossTab(
  facts: Iterable<ActFact>,
  context: AnalysisContext,
  request: CrossTabRequest,
): CrossTab {
  const lookups: FigureLookups = {
    facilityType: (id) => context.facilities.get(id)?.type,
    facilityProvince: (id) => context.facilities.get(id)?.province,
    person: (id) => context.persons.get(id),
  };
  const counts = new Map<string, Map<string, number>>();
  // Units are numbers: the loaded acts' individuals come numbered (`context.units`), and anything
  // else is numbered here; each cell counts its distinct numbers in a bitset when the range is known.
  const units = context.units;
  const sets = new Map<string, Map<string, DistinctCounter>>();
  const all = distinctCounter(units && request.measure !== 'facilities' ? units.count : undefined);
  const interned = new Map<string, number>();
  // Numbers given here start after the loaded ones, so both kinds can share a counter.
  const intern = (unit: string): number => {
    let n = interned.get(unit);
    if (n === undefined) {
      n = (units?.count ?? 0) + interned.size;
      interned.set(unit, n);
    }
    return n;
  };
  // A bitset only for measures whose units are all numbered with the loaded data.
  const capacity = () => (units && request.measure !== 'facilities' ? units.count : undefined);
  let actsCounted = 0;
  let rangedActs = 0;
  let multiCategory = false;
  const rowKeys = new Set<string>();
  const columnKeys = new Set<string>();
  const victimFiltered = VICTIM_FILTER_KEYS.some((k) => request.filter[k] !== undefined);
  const byVictim = (d: Dimension | undefined) => d !== undefined && VICTIM_DIMENSIONS.includes(d);
  for (const fact of facts) {
    if (!actMatches(fact, request.filter, lookups)) continue;
    actsCounted++;
    if (fact.year_from !== null && fact.year_to !== fact.year_from) rangedActs++;
    const categories = (d: Dimension | undefined): string[] =>
      d === undefined ? [ONE_COLUMN] : actCategories(d, fact, context, request);
    if (
      request.measure === 'victims' &&
      (byVictim(request.rows) || byVictim(request.columns) || victimFiltered)
    ) {
      // Each victim in the cells their own attributes say.
      const start = numbered(fact) ? (units?.victimStart[fact.index as number] ?? 0) : 0;
      fact.victims.forEach((v, i) => {
        if (victimFiltered && !victimMatches(v, fact, request.filter, lookups)) return;
        const person = context.persons.get(v);
        const of = (d: Dimension | undefined) =>
          d !== undefined && byVictim(d) ? [victimCategory(d, person, fact)] : categories(d);
        const unit = numbered(fact) ? (units?.victims[start + i] as number) : intern(context.individualOf(v));
        add(of(request.rows), of(request.columns), unit);
      });
      continue;
    }
    const rows = categories(request.rows);
    const columns = categories(request.columns);
    if (request.measure === 'acts') {
      if (rows.length * columns.length > 1) multiCategory = true;
      for (const r of rows) {
        let row = counts.get(r);
        if (!row) {
          row = new Map();
          counts.set(r, row);
          rowKeys.add(r);
        }
        for (const c of columns) {
          const n = row.get(c);
          if (n === undefined) {
            row.set(c, 1);
            columnKeys.add(c);
          } else row.set(c, n + 1);
        }
      }
      continue;
    }
    if (request.measure === 'facilities') {
      if (fact.facility !== null)
        add(rows, columns, intern(`place:${context.facilities.get(fact.facility)?.place ?? fact.facility}`));
      continue;
    }
    const victims = request.measure === 'victims';
    if (numbered(fact) && units) {
      const index = fact.index as number;
      const [list, starts] = victims
        ? [units.victims, units.victimStart]
        : [units.perpetrators, units.perpetratorStart];
      for (let k = starts[index] as number; k < (starts[index + 1] as number); k++)
        add(rows, columns, list[k] as number);
    } else if (victims) for (const v of fact.victims) add(rows, columns, intern(context.individualOf(v)));
    else for (const p of fact.perpetrators) add(rows, columns, intern(context.individualOf(p.person)));
  }

  /** Whether the act's individuals come numbered with the loaded data. */
  function numbered(fact: ActFact): boolean {
    return units !== undefined && fact.index !== undefined;
  }

  function add(rows: string[], columns: string[], unit: number): void {
    all.add(unit);
    for (const r of rows) {
      let row = sets.get(r);
      if (!row) {
        row = new Map();
        sets.set(r, row);
        rowKeys.add(r);
      }
      for (const c of columns) {
        let set = row.get(c);
        if (!set) {
          set = distinctCounter(capacity());
          row.set(c, set);
          columnKeys.add(c);
        }
        set.add(unit);
      }
    }
  }

  const rows = [...rowKeys].sort(compareKeys);
  const columns = [...columnKeys].sort(compareKeys);
  const cellOf = (r: string, c: string) =>
    request.measure === 'acts' ? (counts.get(r)?.get(c) ?? 0) : (sets.get(r)?.get(c)?.size ?? 0);
  const cells = rows.map((r) => columns.map((c) => cellOf(r, c)));
  const sum = cells.flat().reduce((a, b) => a + b, 0);
  const distinctTotal = request.measure === 'acts' ? actsCounted : all.size;
  return {
    title: titleOf(request),
    rows: rows.map((key) => ({ key, label: key })),
    columns: columns.map((key) => ({ key, label: key })),
    cells,
    request,
    distinctTotal,
    additive: request.measure === 'acts' ? !multiCategory : sum === distinctTotal,
    rangedActs,
  };
}

const VICTIM_FILTER_KEYS = ['victim_sex', 'victim_age_group', 'victim_province'] as const;

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
