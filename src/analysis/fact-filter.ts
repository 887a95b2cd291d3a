import { ancestorsOf } from '../domain/vocabulary.ts';
import type { FigureQuery } from '../provenance/figure-query.ts';
import { type AnalysisContext, ageGroup, UNKNOWN } from './dimensions.ts';
import { type FactTable, type Lists, NO_YEAR } from './fact-table.ts';

/** Which acts of a table a figure counts (the same rule as `actMatches`, compiled to the columns). */
export type FactFilter = {
  /** Whether act i counts; `undefined` when every act does. */
  act: ((i: number) => boolean) | undefined;
  /** Whether one victim (an index of `personIds`) of act i passes the victim filters; `undefined` without any. */
  victim: ((person: number, i: number) => boolean) | undefined;
};

/**
 * Compiles a figure's filters: each filter set becomes one check over the columns, with what it
 * asks of dictionaries (act types under a type, facilities of a type or province) worked out once.
 */
export function compileFilter(query: FigureQuery, table: FactTable, context: AnalysisContext): FactFilter {
  const checks: ((i: number) => boolean)[] = [];
  const types = typeMask(query, table);
  if (types) checks.push((i) => types[table.actType[i] as number] === 1);
  const facilityMask = facilitiesMatching(query, table, context);
  if (facilityMask)
    checks.push((i) => {
      const f = table.facility[i] as number;
      return f >= 0 && facilityMask[f] === 1;
    });
  const { year, after_year: afterYear } = query;
  if (year !== undefined) checks.push((i) => table.yearFrom[i] === year);
  if (afterYear !== undefined)
    checks.push((i) => {
      const from = table.yearFrom[i] as number;
      return from !== NO_YEAR && from > afterYear;
    });
  if (query.law) checks.push(hasCode(table.laws, table.lawCodes.indexOf(query.law)));
  if (query.norm) checks.push(hasCode(table.norms, table.normCodes.indexOf(query.norm)));
  if (query.status) {
    const status = table.statuses.indexOf(query.status);
    checks.push((i) => table.status[i] === status);
  }
  const victim = victimFilter(query, table, context);
  if (victim) {
    const { start, items } = table.victims;
    checks.push((i) => {
      for (let k = start[i] as number; k < (start[i + 1] as number); k++)
        if (victim(items[k] as number, i)) return true;
      return false;
    });
  }
  const act =
    checks.length === 0
      ? undefined
      : checks.length === 1
        ? checks[0]
        : (i: number) => {
            for (const check of checks) if (!check(i)) return false;
            return true;
          };
  return { act, victim };
}

/** Act types counted: the type asked for and every narrower one (`act_type`, `act_types`). */
function typeMask(query: FigureQuery, table: FactTable): Uint8Array | undefined {
  if (!query.act_type && !query.act_types) return undefined;
  return Uint8Array.from(table.actTypes, (code) => {
    const chain = ancestorsOf('act-types', code);
    if (query.act_type && !chain.includes(query.act_type)) return 0;
    if (query.act_types && !chain.some((t) => query.act_types?.includes(t))) return 0;
    return 1;
  });
}

/** Facilities counted (`facility`, `facility_type`, `province`); acts with no facility never match these. */
function facilitiesMatching(
  query: FigureQuery,
  table: FactTable,
  context: AnalysisContext,
): Uint8Array | undefined {
  if (!query.facility && !query.facility_type && !query.province) return undefined;
  return Uint8Array.from(table.facilities, (id) => {
    const info = context.facilities.get(id);
    if (query.facility && id !== query.facility) return 0;
    if (query.facility_type && info?.type !== query.facility_type) return 0;
    if (query.province && info?.province !== query.province) return 0;
    return 1;
  });
}

function hasCode(lists: Lists, code: number): (i: number) => boolean {
  return (i) => {
    if (code < 0) return false;
    for (let k = lists.start[i] as number; k < (lists.start[i + 1] as number); k++)
      if (lists.items[k] === code) return true;
    return false;
  };
}

function victimFilter(
  query: FigureQuery,
  table: FactTable,
  context: AnalysisContext,
): ((person: number, i: number) => boolean) | undefined {
  const { victim_sex: sex, victim_age_group: age, victim_province: province } = query;
  if (sex === undefined && age === undefined && province === undefined) return undefined;
  const persons = context.persons ?? [];
  return (person, i) => {
    const info = persons[person];
    if (sex !== undefined && (info?.sex ?? UNKNOWN) !== sex) return false;
    if (province !== undefined && (info?.province ?? UNKNOWN) !== province) return false;
    if (age !== undefined) {
      const from = table.yearFrom[i] as number;
      if (ageGroup(info?.birthYear, from === NO_YEAR ? null : from) !== age) return false;
    }
    return true;
  };
}
