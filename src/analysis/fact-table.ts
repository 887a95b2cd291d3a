import type { ActFact } from './act-fact.ts';

/** Lists per act as compressed rows: the items of act i are `items[start[i]] … items[start[i + 1] − 1]`. */
export type Lists = { start: Int32Array; items: Int32Array };

/** The year of an undated act in `yearFrom` / `yearTo`. */
export const NO_YEAR = 0;

/**
 * Every act's facts as columns: codes and ids numbered in dictionaries (`actTypes`, `facilities`,
 * `personIds`, …) so that counting a million acts touches typed arrays, not a million objects.
 */
export type FactTable = {
  /** Rows (acts) in the table, live or not. */
  size: number;
  /** 1 for rows no longer live (their act was edited, reviewed or deleted after being read). */
  dead?: Uint8Array;
  ids: string[];
  actType: Uint16Array;
  actTypes: string[];
  yearFrom: Int16Array;
  yearTo: Int16Array;
  /** Index into `facilities`, −1 when no facility is recorded. */
  facility: Int32Array;
  facilities: string[];
  status: Uint8Array;
  statuses: string[];
  confidentiality: Uint8Array;
  confidentialities: string[];
  laws: Lists;
  lawCodes: string[];
  norms: Lists;
  normCodes: string[];
  sources: Lists;
  sourceIds: string[];
  /** Items index `personIds`. */
  victims: Lists;
  perpetrators: Lists;
  /** Per perpetrator item: index into `involvements`. */
  involvement: Uint8Array;
  involvements: string[];
  personIds: string[];
};

/** The items of act i in a list column. */
export function itemsOf(lists: Lists, i: number): Int32Array {
  return lists.items.subarray(lists.start[i] as number, lists.start[i + 1] as number);
}

/** One act's facts as an object (for the few acts a dossier or a check needs). */
export function factAt(table: FactTable, i: number): ActFact {
  const codes = (lists: Lists, values: string[]) => [...itemsOf(lists, i)].map((k) => values[k] as string);
  const from = table.yearFrom[i] as number;
  const start = table.perpetrators.start[i] as number;
  const facility = table.facility[i] as number;
  return {
    id: table.ids[i] as string,
    act_type: table.actTypes[table.actType[i] as number] as string,
    year_from: from === NO_YEAR ? null : from,
    year_to: from === NO_YEAR ? null : (table.yearTo[i] as number),
    facility: facility < 0 ? null : (table.facilities[facility] as string),
    status: table.statuses[table.status[i] as number] as string,
    confidentiality: table.confidentialities[table.confidentiality[i] as number] as string,
    victims: codes(table.victims, table.personIds),
    perpetrators: [...itemsOf(table.perpetrators, i)].map((k, j) => ({
      person: table.personIds[k] as string,
      involvement: table.involvements[table.involvement[start + j] as number] as string,
    })),
    laws: codes(table.laws, table.lawCodes),
    norms: codes(table.norms, table.normCodes),
    sources: codes(table.sources, table.sourceIds),
  };
}
