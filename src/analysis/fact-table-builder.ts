import type { ActFact, ActFactChunk } from './act-fact.ts';
import { type FactTable, type Lists, NO_YEAR } from './fact-table.ts';

/** Numbers strings in order of first sight. */
class Dictionary {
  readonly values: string[];
  readonly #index: Map<string, number>;
  constructor(values: readonly string[] = []) {
    this.values = [...values];
    this.#index = new Map(values.map((v, i) => [v, i]));
  }
  #last: string | undefined;
  #lastCode = -1;
  code(value: string): number {
    if (value === this.#last) return this.#lastCode;
    let n = this.#index.get(value);
    if (n === undefined) {
      n = this.values.length;
      this.#index.set(value, n);
      this.values.push(value);
    }
    this.#last = value;
    this.#lastCode = n;
    return n;
  }
}

/** A growing array of 32-bit integers. */
class Ints {
  #data: Int32Array;
  length: number;
  constructor(from?: ArrayLike<number>) {
    this.#data = new Int32Array(Math.max(1024, (from?.length ?? 0) * 2));
    if (from) this.#data.set(from);
    this.length = from?.length ?? 0;
  }
  push(value: number): void {
    if (this.length === this.#data.length) {
      const grown = new Int32Array(this.#data.length * 2);
      grown.set(this.#data);
      this.#data = grown;
    }
    this.#data[this.length++] = value;
  }
  pushAll(values: readonly number[]): void {
    for (const v of values) this.push(v);
  }
  build(): Int32Array {
    return this.#data.slice(0, this.length);
  }
}

class ListBuilder {
  readonly start: Ints;
  readonly items: Ints;
  constructor(from?: Lists) {
    this.start = new Ints(from?.start);
    this.items = new Ints(from?.items);
    if (!from) this.start.push(0);
  }
  close(): void {
    this.start.push(this.items.length);
  }
  build(): Lists {
    return { start: this.start.build(), items: this.items.build() };
  }
}

/**
 * Reads the values of a newline-joined column one by one; a value equal to the one before it (acts
 * of one testimony repeat their facility, sources and victims) comes back as the same string, not a
 * copy, so dictionaries recognise it at once.
 */
class ColumnReader {
  readonly #joined: string;
  #at = 0;
  #last = '';
  constructor(joined: string) {
    this.#joined = joined;
  }
  next(): string {
    const joined = this.#joined;
    let end = joined.indexOf('\n', this.#at);
    if (end < 0) end = joined.length;
    const last = this.#last;
    if (end - this.#at !== last.length || !joined.startsWith(last, this.#at))
      this.#last = joined.slice(this.#at, end);
    this.#at = end + 1;
    return this.#last;
  }
}

/** Decodes a comma-joined list into codes, once per distinct value in a row. */
class ListDecoder {
  readonly #item: (item: string) => number[];
  #last: string | undefined;
  #lastCodes: number[] = [];
  constructor(item: (item: string) => number[]) {
    this.#item = item;
  }
  codes(joined: string): number[] {
    if (joined !== this.#last) {
      this.#last = joined;
      this.#lastCodes = joined === '' ? [] : joined.split(',').flatMap(this.#item);
    }
    return this.#lastCodes;
  }
}

/** Builds a fact table act by act (from the store's chunks, or from act facts in tests and tools). */
export class FactTableBuilder {
  readonly #ids: string[];
  readonly #actType: Ints;
  readonly #yearFrom: Ints;
  readonly #yearTo: Ints;
  readonly #facility: Ints;
  readonly #status: Ints;
  readonly #confidentiality: Ints;
  readonly #laws: ListBuilder;
  readonly #norms: ListBuilder;
  readonly #sources: ListBuilder;
  readonly #victims: ListBuilder;
  readonly #perpetrators: ListBuilder;
  readonly #involvement: Ints;
  /** Rows no longer live (edited or deleted since they were read). */
  readonly #dead: Set<number>;
  readonly #dict: {
    actTypes: Dictionary;
    facilities: Dictionary;
    statuses: Dictionary;
    confidentialities: Dictionary;
    laws: Dictionary;
    norms: Dictionary;
    sources: Dictionary;
    involvements: Dictionary;
    persons: Dictionary;
  };
  readonly #decoders = {
    laws: new ListDecoder((item) => [this.#dict.laws.code(item)]),
    norms: new ListDecoder((item) => [this.#dict.norms.code(item)]),
    sources: new ListDecoder((item) => [this.#dict.sources.code(item)]),
    victims: new ListDecoder((item) => [this.#dict.persons.code(item)]),
    perpetrators: new ListDecoder((item) => {
      const at = item.lastIndexOf(':');
      return [this.#dict.persons.code(item.slice(0, at)), this.#dict.involvements.code(item.slice(at + 1))];
    }),
  };

  /** A new table, or one continuing `from` (its rows, numbering and dictionaries kept as they are). */
  constructor(from?: FactTable) {
    this.#ids = from ? [...from.ids] : [];
    this.#actType = new Ints(from?.actType);
    this.#yearFrom = new Ints(from?.yearFrom);
    this.#yearTo = new Ints(from?.yearTo);
    this.#facility = new Ints(from?.facility);
    this.#status = new Ints(from?.status);
    this.#confidentiality = new Ints(from?.confidentiality);
    this.#laws = new ListBuilder(from?.laws);
    this.#norms = new ListBuilder(from?.norms);
    this.#sources = new ListBuilder(from?.sources);
    this.#victims = new ListBuilder(from?.victims);
    this.#perpetrators = new ListBuilder(from?.perpetrators);
    this.#involvement = new Ints(from?.involvement);
    this.#dead = new Set<number>();
    from?.dead?.forEach((d, i) => {
      if (d) this.#dead.add(i);
    });
    this.#dict = {
      actTypes: new Dictionary(from?.actTypes),
      facilities: new Dictionary(from?.facilities),
      statuses: new Dictionary(from?.statuses),
      confidentialities: new Dictionary(from?.confidentialities),
      laws: new Dictionary(from?.lawCodes),
      norms: new Dictionary(from?.normCodes),
      sources: new Dictionary(from?.sourceIds),
      involvements: new Dictionary(from?.involvements),
      persons: new Dictionary(from?.personIds),
    };
  }

  /** Marks a row as no longer live: counts skip it (its act was edited, reviewed or deleted since). */
  kill(row: number): void {
    this.#dead.add(row);
  }

  /** Adds one act fact. */
  add(fact: ActFact): void {
    const d = this.#dict;
    this.#scalars(fact.id, fact.act_type, fact.facility, fact.status, fact.confidentiality);
    this.#yearFrom.push(fact.year_from ?? NO_YEAR);
    this.#yearTo.push(fact.year_to ?? fact.year_from ?? NO_YEAR);
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
    const ids = chunk.id.split('\n');
    if (ids.length !== chunk.rows)
      throw new Error(`act facts: ${ids.length} ids in a chunk of ${chunk.rows}`);
    const read = (joined: string) => new ColumnReader(joined);
    const [types, from, to, facility, status, confidentiality] = [
      chunk.act_type,
      chunk.year_from,
      chunk.year_to,
      chunk.facility,
      chunk.status,
      chunk.confidentiality,
    ].map(read) as [ColumnReader, ColumnReader, ColumnReader, ColumnReader, ColumnReader, ColumnReader];
    const [victims, perpetrators, laws, norms, sources] = [
      chunk.victims,
      chunk.perpetrators,
      chunk.laws,
      chunk.norms,
      chunk.sources,
    ].map(read) as [ColumnReader, ColumnReader, ColumnReader, ColumnReader, ColumnReader];
    const decoders = this.#decoders;
    let yearText = '';
    let year = NO_YEAR;
    const yearOf = (text: string) => {
      if (text !== yearText) {
        yearText = text;
        year = text === '' ? NO_YEAR : Number(text);
      }
      return year;
    };
    for (let i = 0; i < chunk.rows; i++) {
      const place = facility.next();
      this.#scalars(
        ids[i] as string,
        types.next(),
        place === '' ? null : place,
        status.next(),
        confidentiality.next(),
      );
      const first = yearOf(from.next());
      this.#yearFrom.push(first);
      const last = to.next();
      this.#yearTo.push(last === '' ? first : Number(last));
      this.#laws.items.pushAll(decoders.laws.codes(laws.next()));
      this.#norms.items.pushAll(decoders.norms.codes(norms.next()));
      this.#sources.items.pushAll(decoders.sources.codes(sources.next()));
      this.#victims.items.pushAll(decoders.victims.codes(victims.next()));
      const named = decoders.perpetrators.codes(perpetrators.next());
      for (let k = 0; k < named.length; k += 2) {
        this.#perpetrators.items.push(named[k] as number);
        this.#involvement.push(named[k + 1] as number);
      }
      this.#closeLists();
    }
  }

  build(): FactTable {
    const d = this.#dict;
    const dead = this.#dead.size === 0 ? undefined : new Uint8Array(this.#ids.length);
    for (const row of this.#dead) if (dead) dead[row] = 1;
    return {
      ...(dead ? { dead } : {}),
      size: this.#ids.length,
      ids: this.#ids,
      actType: Uint16Array.from(this.#actType.build()),
      actTypes: d.actTypes.values,
      yearFrom: Int16Array.from(this.#yearFrom.build()),
      yearTo: Int16Array.from(this.#yearTo.build()),
      facility: this.#facility.build(),
      facilities: d.facilities.values,
      status: Uint8Array.from(this.#status.build()),
      statuses: d.statuses.values,
      confidentiality: Uint8Array.from(this.#confidentiality.build()),
      confidentialities: d.confidentialities.values,
      laws: this.#laws.build(),
      lawCodes: d.laws.values,
      norms: this.#norms.build(),
      normCodes: d.norms.values,
      sources: this.#sources.build(),
      sourceIds: d.sources.values,
      victims: this.#victims.build(),
      perpetrators: this.#perpetrators.build(),
      involvement: Uint8Array.from(this.#involvement.build()),
      involvements: d.involvements.values,
      personIds: d.persons.values,
    };
  }

  #scalars(
    id: string,
    actType: string,
    facility: string | null,
    status: string,
    confidentiality: string,
  ): void {
    const d = this.#dict;
    this.#ids.push(id);
    this.#actType.push(d.actTypes.code(actType));
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
