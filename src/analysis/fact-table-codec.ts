import type { FactTable, Lists } from './fact-table.ts';

/** A fact table with its acts' individuals numbered (what a snapshot keeps). */
export type NumberedFacts = { table: FactTable; units: Int32Array; unitCount: number };

type Typed = Int32Array | Int16Array | Uint16Array | Uint8Array;
const KINDS = { Int32Array, Int16Array, Uint16Array, Uint8Array } as const;
type Kind = keyof typeof KINDS;

const TYPED = [
  'actType',
  'yearFrom',
  'yearTo',
  'facility',
  'status',
  'confidentiality',
  'involvement',
] as const;
const LISTS = ['laws', 'norms', 'sources', 'victims', 'perpetrators'] as const;
/** Long lists (an entry per act, person or source): joined by newlines, split on first use. */
const LONG = ['ids', 'personIds', 'sourceIds'] as const;
const STRINGS = [
  'actTypes',
  'facilities',
  'statuses',
  'confidentialities',
  'lawCodes',
  'normCodes',
  'involvements',
] as const;
const FORMAT = 'daylight-facts/1';

type Header = {
  format: string;
  size: number;
  unitCount: number;
  strings: Record<(typeof STRINGS)[number], string[]>;
  long: Record<(typeof LONG)[number], { joined: string; length: number }>;
  arrays: { name: string; kind: Kind; length: number }[];
};

/** The numbered facts as bytes: a JSON header (dictionaries, array layout) then the arrays. */
export function encodeFacts(facts: NumberedFacts): Uint8Array {
  const { table } = facts;
  const arrays: [string, Typed][] = [
    ...(table.dead ? [['dead', table.dead] as [string, Typed]] : []),
    ...TYPED.map((name): [string, Typed] => [name, table[name]]),
    ...LISTS.flatMap((name): [string, Typed][] => [
      [`${name}.start`, table[name].start],
      [`${name}.items`, table[name].items],
    ]),
    ['units', facts.units],
  ];
  const header: Header = {
    format: FORMAT,
    size: table.size,
    unitCount: facts.unitCount,
    strings: Object.fromEntries(STRINGS.map((name) => [name, table[name]])) as Header['strings'],
    long: Object.fromEntries(
      LONG.map((name) => [name, { joined: table[name].join('\n'), length: table[name].length }]),
    ) as Header['long'],
    arrays: arrays.map(([name, array]) => ({
      name,
      kind: array.constructor.name as Kind,
      length: array.length,
    })),
  };
  const json = Buffer.from(JSON.stringify(header));
  const parts: Uint8Array[] = [lengthOf(json.length), json];
  for (const [, array] of arrays)
    parts.push(new Uint8Array(array.buffer, array.byteOffset, array.byteLength));
  return Buffer.concat(parts);
}

/** The numbered facts back from `encodeFacts`; throws on anything else. */
export function decodeFacts(bytes: Uint8Array): NumberedFacts {
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerLength = view.readUInt32LE(0);
  const header = JSON.parse(view.subarray(4, 4 + headerLength).toString('utf8')) as Header;
  if (header.format !== FORMAT) throw new Error(`not a facts snapshot (${String(header.format)})`);
  let at = 4 + headerLength;
  const arrays = new Map<string, Typed>();
  for (const { name, kind, length } of header.arrays) {
    const Kind = KINDS[kind];
    if (!Kind) throw new Error(`facts snapshot: unknown array kind ${kind}`);
    const bytesLength = length * Kind.BYTES_PER_ELEMENT;
    if (at + bytesLength > view.length) throw new Error('facts snapshot: truncated');
    // Copied so each array is aligned.
    const copy = new Uint8Array(bytesLength);
    copy.set(view.subarray(at, at + bytesLength));
    arrays.set(name, new Kind(copy.buffer));
    at += bytesLength;
  }
  if (at !== view.length) throw new Error('facts snapshot: trailing bytes');
  const typed = <T extends Typed>(name: string): T => {
    const array = arrays.get(name);
    if (!array) throw new Error(`facts snapshot: no ${name}`);
    return array as T;
  };
  const list = (name: string): Lists => ({ start: typed(`${name}.start`), items: typed(`${name}.items`) });
  const table = {
    size: header.size,
    ...header.strings,
    actType: typed('actType'),
    yearFrom: typed('yearFrom'),
    yearTo: typed('yearTo'),
    facility: typed('facility'),
    status: typed('status'),
    confidentiality: typed('confidentiality'),
    involvement: typed('involvement'),
    laws: list('laws'),
    norms: list('norms'),
    sources: list('sources'),
    victims: list('victims'),
    perpetrators: list('perpetrators'),
  } as FactTable;
  const dead = arrays.get('dead');
  if (dead) table.dead = dead as Uint8Array;
  for (const name of LONG) lazyList(table, name, header.long[name]);
  return { table, units: typed('units'), unitCount: header.unitCount };
}

/** A list property split from its joined form when first read (a cold count may never need it). */
function lazyList(
  table: FactTable,
  name: (typeof LONG)[number],
  stored: { joined: string; length: number },
): void {
  let list: string[] | undefined;
  Object.defineProperty(table, name, {
    enumerable: true,
    get: () => {
      if (!list) list = stored.length === 0 ? [] : stored.joined.split('\n');
      return list;
    },
  });
}

function lengthOf(n: number): Uint8Array {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n, 0);
  return b;
}
