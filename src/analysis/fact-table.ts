import type { ActFact, ActFactChunk } from './act-fact.ts';

/** Lists per act as compressed rows: the items of act i are `items[start[i]] … items[start[i + 1] − 1]`. */
export type Lists = { start: Int32Array; items: Int32Array };

/** The year of an undated act in `yearFrom` / `yearTo`. */
export const NO_YEAR = 0;

/**
 * Every act's facts as columns: codes and ids numbered in dictionaries (`actTypes`, `facilities`,
 * `personIds`, …) so that counting a million acts touches typed arrays, not a million objects.
 */
export type FactTable = {
  size: number;
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

/** Numbers strings in order of first sight. */
class Dictionary {
  readonly values: string[] = [];
  readonly #index = new Map<string, number>();
  code(value: string): number {
    let n = this.#index.get(value);
    if (n === undefined) {
      n = this.values.length;
      this.#index.set(value, n);
      this.values.push(value);
    }
    return n;
  }
}

class ListBuilder {
  readonly start: number[] = [0];
  readonly items: number[] = [];
  close(): void {
    this.start.push(this.items.length);
  }
  build(): Lists {
    return { start: Int32Array.from(this.start), items: Int32Array.from(this.items) };
  }
}

/** Builds a fact table act by act (from the store's chunks, or from act facts in tests and tools). */
export class FactTableBuilder {
  readonly #ids: string[] = [];
  readonly #actType: number[] = [];
  readonly #yearFrom: number[] = [];
  readonly #yearTo: number[] = [];
  readonly #facility: number[] = [];
  readonly #status: number[] = [];
  readonly #confidentiality: number[] = [];
  readonly #laws = new ListBuilder();
  readonly #norms = new ListBuilder();
  readonly #sources = new ListBuilder();
  readonly #victims = new ListBuilder();
  readonly #perpetrators = new ListBuilder();
  readonly #involvement: number[] = [];
  readonly #dict = {
    actTypes: new Dictionary(),
    facilities: new Dictionary(),
    statuses: new Dictionary(),
    confidentialities: new Dictionary(),
    laws: new Dictionary(),
    norms: new Dictionary(),
    sources: new Dictionary(),
    involvements: new Dictionary(),
    persons: new Dictionary(),
  };

  /** Adds one act fact. */
  add(fact: ActFact): void {
    const d = this.#dict;
    this.#scalars(
      fact.id,
      fact.act_type,
      fact.year_from,
      fact.year_to,
      fact.facility,
      fact.status,
      fact.confidentiality,
    );
    for (const law of fact.laws) this.#laws.items.push(d.laws.code(law));
    for (const norm of fact.norms) this.#norms.items.push(d.norms.code(norm));
    for (const source of fact.sources) this.#sources.items.push(d.sources.code(source));
    for (const victim of fact.victims) this.#victims.items.push(d.persons.code(victim));
    for (const p of fact.perpetrators) {
      this.#perpetrators.items.push(d.persons.code(p.person));
      this.#involvement.push(d.involvements.code(p.involvement));
    }
    this.#closeLists();
  }

  /** Adds the acts of one chunk of the `act_facts` projection (columns joined by newlines). */
  addChunk(chunk: ActFactChunk): void {
    if (chunk.rows === 0) return;
    const column = (joined: string) => joined.split('\n');
    const ids = column(chunk.id);
    const types = column(chunk.act_type);
    const from = column(chunk.year_from);
    const to = column(chunk.year_to);
    const facility = column(chunk.facility);
    const status = column(chunk.status);
    const confidentiality = column(chunk.confidentiality);
    const victims = column(chunk.victims);
    const perpetrators = column(chunk.perpetrators);
    const laws = column(chunk.laws);
    const norms = column(chunk.norms);
    const sources = column(chunk.sources);
    if (ids.length !== chunk.rows)
      throw new Error(`act facts: ${ids.length} ids in a chunk of ${chunk.rows}`);
    const d = this.#dict;
    const year = (s: string) => (s === '' ? null : Number(s));
    const each = (joined: string, add: (item: string) => void) => {
      if (joined !== '') for (const item of joined.split(',')) add(item);
    };
    for (let i = 0; i < chunk.rows; i++) {
      const place = facility[i] as string;
      this.#scalars(
        ids[i] as string,
        types[i] as string,
        year(from[i] as string),
        year(to[i] as string),
        place === '' ? null : place,
        status[i] as string,
        confidentiality[i] as string,
      );
      each(laws[i] as string, (law) => this.#laws.items.push(d.laws.code(law)));
      each(norms[i] as string, (norm) => this.#norms.items.push(d.norms.code(norm)));
      each(sources[i] as string, (source) => this.#sources.items.push(d.sources.code(source)));
      each(victims[i] as string, (victim) => this.#victims.items.push(d.persons.code(victim)));
      each(perpetrators[i] as string, (p) => {
        const at = p.lastIndexOf(':');
        this.#perpetrators.items.push(d.persons.code(p.slice(0, at)));
        this.#involvement.push(d.involvements.code(p.slice(at + 1)));
      });
      this.#closeLists();
    }
  }

  build(): FactTable {
    const d = this.#dict;
    return {
      size: this.#ids.length,
      ids: this.#ids,
      actType: Uint16Array.from(this.#actType),
      actTypes: d.actTypes.values,
      yearFrom: Int16Array.from(this.#yearFrom),
      yearTo: Int16Array.from(this.#yearTo),
      facility: Int32Array.from(this.#facility),
      facilities: d.facilities.values,
      status: Uint8Array.from(this.#status),
      statuses: d.statuses.values,
      confidentiality: Uint8Array.from(this.#confidentiality),
      confidentialities: d.confidentialities.values,
      laws: this.#laws.build(),
      lawCodes: d.laws.values,
      norms: this.#norms.build(),
      normCodes: d.norms.values,
      sources: this.#sources.build(),
      sourceIds: d.sources.values,
      victims: this.#victims.build(),
      perpetrators: this.#perpetrators.build(),
      involvement: Uint8Array.from(this.#involvement),
      involvements: d.involvements.values,
      personIds: d.persons.values,
    };
  }

  #scalars(
    id: string,
    actType: string,
    yearFrom: number | null,
    yearTo: number | null,
    facility: string | null,
    status: string,
    confidentiality: string,
  ): void {
    const d = this.#dict;
    this.#ids.push(id);
    this.#actType.push(d.actTypes.code(actType));
    this.#yearFrom.push(yearFrom ?? NO_YEAR);
    this.#yearTo.push(yearTo ?? yearFrom ?? NO_YEAR);
    this.#facility.push(facility === null ? -1 : d.facilities.code(facility));
    this.#status.push(d.statuses.code(status));
    this.#confidentiality.push(d.confidentialities.code(confidentiality));
  }

  #closeLists(): void {
    this.#laws.close();
    this.#norms.close();
    this.#sources.close();
    this.#victims.close();
    this.#perpetrators.close();
  }
}

/** A fact table of these act facts. */
export function factTableOf(facts: Iterable<ActFact>): FactTable {
  const builder = new FactTableBuilder();
  for (const fact of facts) builder.add(fact);
  return builder.build();
}

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
