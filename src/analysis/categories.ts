import {
  type AnalysisContext,
  ageGroup,
  type CategoryOptions,
  type Dimension,
  type FacilityInfo,
  topTypeOf,
  UNKNOWN,
  VICTIM_DIMENSIONS,
} from './dimensions.ts';
import { type FactTable, type Lists, NO_YEAR } from './fact-table.ts';

export const UNDATED = 'undated';
/** An act dated to a range of several years, under `exact-only` dating. */
export const SEVERAL_YEARS = 'several-years';
const NONE = 'none';
const ONE_COLUMN = 'total';

/** How acts fall into the categories of one dimension, as numbers (`labels` names them). */
export type Categorizer = {
  labels: string[];
  /** The most categories one act can be in (the size `of` needs for `out`). */
  most: number;
  /** Writes the categories of act i into `out` and says how many (an act may be in none). */
  of(i: number, out: Int32Array): number;
  /** On a victim dimension: the category of one victim (an index of `personIds`) of act i. */
  victim?: (person: number, i: number) => number;
};

/** Numbers labels in order of first use. */
class Labels {
  readonly values: string[] = [];
  readonly #index = new Map<string, number>();
  code(label: string): number {
    let n = this.#index.get(label);
    if (n === undefined) {
      n = this.values.length;
      this.#index.set(label, n);
      this.values.push(label);
    }
    return n;
  }
  /** The label code of each dictionary entry, computed once per entry. */
  through(values: readonly string[], label: (value: string, k: number) => string): (k: number) => number {
    const codes = new Int32Array(values.length).fill(-1);
    return (k) => {
      let c = codes[k] as number;
      if (c < 0) {
        c = this.code(label(values[k] as string, k));
        codes[k] = c;
      }
      return c;
    };
  }
}

/**
 * The categorizer of a dimension over a fact table (see docs/methodology.md, "Dates in counts": an
 * act dated to a range counts once, in its first year or as `several-years`). No dimension: one
 * category, `total`.
 */
export function categorizer(
  dimension: Dimension | undefined,
  table: FactTable,
  context: AnalysisContext,
  options: CategoryOptions,
): Categorizer {
  const labels = new Labels();
  const single = (code: (i: number) => number): Categorizer => ({
    labels: labels.values,
    most: 1,
    of: (i, out) => {
      out[0] = code(i);
      return 1;
    },
  });
  const facilityInfo = facilityInfos(table, context);
  const byFacility = (label: (info: FacilityInfo | undefined, id: string) => string) => {
    const unknown = () => labels.code(UNKNOWN);
    const code = labels.through(table.facilities, (id, k) => label(facilityInfo[k], id));
    return single((i) => {
      const f = table.facility[i] as number;
      return f < 0 ? unknown() : code(f);
    });
  };
  switch (dimension) {
    case undefined: {
      const total = labels.code(ONE_COLUMN);
      return single(() => total);
    }
    case 'act_type': {
      const code = labels.through(table.actTypes, (type) => type);
      return single((i) => code(table.actType[i] as number));
    }
    case 'act_type_top': {
      const code = labels.through(table.actTypes, topTypeOf);
      return single((i) => code(table.actType[i] as number));
    }
    case 'facility':
      return byFacility((info, id) => info?.place ?? id);
    case 'facility_type':
      return byFacility((info) => info?.type ?? UNKNOWN);
    case 'province':
      return byFacility((info) => info?.province ?? UNKNOWN);
    case 'year':
      return single(yearCodes(table, labels, options));
    case 'period':
      return single(periodCodes(table, labels, options));
    case 'law':
      return listCategorizer(table.laws, table.lawCodes, labels);
    case 'norm':
      return listCategorizer(table.norms, table.normCodes, labels);
    case 'status': {
      const code = labels.through(table.statuses, (status) => status);
      return single((i) => code(table.status[i] as number));
    }
    case 'standard':
      return single((i) => labels.code(context.levels?.[i] ?? UNKNOWN));
    default:
      return victimCategorizer(dimension, table, context, labels);
  }
}

/** Each facility's info (type, place, province) by its index in the table. */
function facilityInfos(table: FactTable, context: AnalysisContext): (FacilityInfo | undefined)[] {
  return table.facilities.map((id) => context.facilities.get(id));
}

function yearCodes(table: FactTable, labels: Labels, options: CategoryOptions): (i: number) => number {
  const byYear = new Map<number, number>();
  const exactOnly = options.dating === 'exact-only';
  return (i) => {
    const from = table.yearFrom[i] as number;
    if (from === NO_YEAR) return labels.code(UNDATED);
    if (exactOnly && table.yearTo[i] !== from) return labels.code(SEVERAL_YEARS);
    let code = byYear.get(from);
    if (code === undefined) {
      code = labels.code(String(from));
      byYear.set(from, code);
    }
    return code;
  };
}

/** Before or after a break year (e.g. 2021 for a law adopted in December 2020), or spanning it. */
function periodCodes(table: FactTable, labels: Labels, options: CategoryOptions): (i: number) => number {
  const breakYear = options.breakYear;
  if (breakYear === undefined) throw new Error('period: a break year is needed');
  return (i) => {
    const from = table.yearFrom[i] as number;
    if (from === NO_YEAR) return labels.code(UNDATED);
    if ((table.yearTo[i] as number) < breakYear) return labels.code(`before-${breakYear}`);
    if (from >= breakYear) return labels.code(`from-${breakYear}`);
    return labels.code('spanning');
  };
}

/** Laws or norms: each act once in every distinct code it has, or in `none`. */
function listCategorizer(lists: Lists, values: readonly string[], labels: Labels): Categorizer {
  const code = labels.through(values, (value) => value);
  return {
    labels: labels.values,
    most: Math.max(1, longest(lists)),
    of: (i, out) => {
      const start = lists.start[i] as number;
      const end = lists.start[i + 1] as number;
      if (start === end) {
        out[0] = labels.code(NONE);
        return 1;
      }
      return distinctInto(out, start, end, (k) => code(lists.items[k] as number));
    },
  };
}

/**
 * A victim dimension: for a victim measure each victim's own category; describing an act, every
 * category any of its victims is in (an act with no victim recorded is in none).
 */
function victimCategorizer(
  dimension: Dimension,
  table: FactTable,
  context: AnalysisContext,
  labels: Labels,
): Categorizer {
  if (!VICTIM_DIMENSIONS.includes(dimension)) throw new Error(`not a dimension: ${dimension}`);
  const persons = context.persons ?? [];
  const unknown = labels.code(UNKNOWN);
  const victim = (person: number, i: number): number => {
    const info = persons[person];
    if (dimension === 'victim_sex') return info?.sex === undefined ? unknown : labels.code(info.sex);
    if (dimension === 'victim_province')
      return info?.province === undefined ? unknown : labels.code(info.province);
    const from = table.yearFrom[i] as number;
    return labels.code(ageGroup(info?.birthYear, from === NO_YEAR ? null : from));
  };
  const victims = table.victims;
  return {
    labels: labels.values,
    most: Math.max(1, longest(victims)),
    of: (i, out) =>
      distinctInto(out, victims.start[i] as number, victims.start[i + 1] as number, (k) =>
        victim(victims.items[k] as number, i),
      ),
    victim,
  };
}

/** Writes the distinct codes of items start … end − 1 into `out`; returns how many. */
function distinctInto(out: Int32Array, start: number, end: number, code: (k: number) => number): number {
  let n = 0;
  for (let k = start; k < end; k++) {
    const c = code(k);
    let seen = false;
    for (let j = 0; j < n; j++)
      if (out[j] === c) {
        seen = true;
        break;
      }
    if (!seen) out[n++] = c;
  }
  return n;
}

/** The longest list of one act. */
function longest(lists: Lists): number {
  let most = 0;
  for (let i = 0; i + 1 < lists.start.length; i++)
    most = Math.max(most, (lists.start[i + 1] as number) - (lists.start[i] as number));
  return most;
}
