import { type NameReading, nameKey, readName, resolveFacility, resolveOrigin } from './korean.ts';
import type { Mention } from './mention.ts';

/** A distinct way a person is named (the name and name_ko of a mention): its readings and their keys. */
export type DistinctName = {
  readings: NameReading[];
  /** Reading keys (exact agreement). */
  keys: number[];
  /** Coarse keys, surname and given name's sound (the term-frequency adjustment's unit). */
  coarse: number[];
};

/**
 * Every mention reduced to integer codes, once, so that comparing a pair touches only typed arrays.
 * `-1` (or 0 for years and sex) means "not known".
 */
export type Features = {
  count: number;
  ids: string[];
  /** Index into `names`, -1 without a name. */
  name: Int32Array;
  names: DistinctName[];
  /** Name key id → its text key and how many mentions carry it (for the term-frequency adjustment). */
  keyText: string[];
  keyCount: Int32Array;
  /** Coarse key id → how many mentions carry it. */
  coarseCount: Int32Array;
  /** Mentions with a name, the denominator of a key's frequency. */
  named: number;
  birthYear: Int16Array;
  /** 1 male, 2 female, 0 unknown. */
  sex: Int8Array;
  province: Int32Array;
  locality: Int32Array;
  facility: Int32Array;
  facilities: { codes: string[]; key: string | null; text: string }[];
  from: Int16Array;
  to: Int16Array;
  source: Int32Array;
};

/**
 * One key for a facility whatever its spelling: its gazetteer code when it names one facility,
 * else the key of an unknown facility, else its text.
 */
export function facilityKey(facility: Features['facilities'][number]): string {
  if (facility.codes.length === 1) return `c:${facility.codes[0]}`;
  return facility.key !== null ? `k:${facility.key}` : `t:${facility.text}`;
}

class Interner {
  readonly index = new Map<string, number>();
  readonly values: string[] = [];
  id(value: string): number {
    let id = this.index.get(value);
    if (id === undefined) {
      id = this.values.length;
      this.index.set(value, id);
      this.values.push(value);
    }
    return id;
  }
}

/** Reduces mentions to features; every distinct name, origin and facility is read once. */
export function extractFeatures(mentions: readonly Mention[]): Features {
  const n = mentions.length;
  const nameOfText = new Map<string, number>();
  const readingSets = new Interner();
  const keys = new Interner();
  const coarseKeys = new Interner();
  const coarseCounts: number[] = [];
  const places = new Interner();
  const facilityText = new Interner();
  const sources = new Interner();
  const names: DistinctName[] = [];
  const originCache = new Map<string, [number, number]>();
  const facilities: Features['facilities'] = [];
  const f: Features = {
    count: n,
    ids: mentions.map((m) => m.id),
    name: new Int32Array(n).fill(-1),
    names,
    keyText: keys.values,
    keyCount: new Int32Array(0),
    coarseCount: new Int32Array(0),
    named: 0,
    birthYear: new Int16Array(n),
    sex: new Int8Array(n),
    province: new Int32Array(n).fill(-1),
    locality: new Int32Array(n).fill(-1),
    facility: new Int32Array(n).fill(-1),
    facilities,
    from: new Int16Array(n),
    to: new Int16Array(n),
    source: new Int32Array(n).fill(-1),
  };
  const keyCounts: number[] = [];
  for (let i = 0; i < n; i++) {
    const m = mentions[i] as Mention;
    const name = m.name?.trim() || undefined;
    const nameKo = m.name_ko?.trim() || undefined;
    if (name || nameKo) {
      // Spellings that read the same (case, hyphens, diacritics) share one distinct name.
      const text = `${name ?? ''}\u0000${nameKo ?? ''}`;
      let id = nameOfText.get(text);
      if (id === undefined) {
        const readings = [...readName(nameKo), ...readName(name)];
        const readingKeys = [...new Set(readings.map(nameKey))].sort();
        const before = readingSets.values.length;
        id = readingSets.id(readingKeys.join('\u0001'));
        if (id === before) {
          const unique = readings.filter(
            (r, k) => readings.findIndex((x) => nameKey(x) === nameKey(r)) === k,
          );
          const coarse = [
            ...new Set(unique.map((r) => coarseKeys.id(`${r.surname ?? r.surnameKey}|${r.given}`))),
          ];
          names.push({ readings: unique, keys: readingKeys.map((k) => keys.id(k)), coarse });
        }
        nameOfText.set(text, id);
      }
      const distinct = names[id] as DistinctName;
      if (distinct.readings.length > 0) {
        f.name[i] = id;
        f.named++;
        for (const k of distinct.keys) keyCounts[k] = (keyCounts[k] ?? 0) + 1;
        for (const k of distinct.coarse) coarseCounts[k] = (coarseCounts[k] ?? 0) + 1;
      }
    }
    if (m.birth_year !== undefined) f.birthYear[i] = m.birth_year;
    if (m.sex) f.sex[i] = m.sex === 'M' ? 1 : 2;
    const origin = m.origin?.trim();
    if (origin) {
      let coded = originCache.get(origin);
      if (!coded) {
        const resolved = resolveOrigin(origin);
        const province = resolved.province ? places.id(`p:${resolved.province}`) : -1;
        // A locality's key names the place whatever the spelling; a province need not come with it.
        const locality = resolved.locality ? places.id(`l:${resolved.locality}`) : -1;
        coded = [province, locality];
        originCache.set(origin, coded);
      }
      f.province[i] = coded[0];
      f.locality[i] = coded[1];
    }
    const facility = m.facility?.trim();
    if (facility) {
      const before = facilityText.values.length;
      const id = facilityText.id(facility);
      if (id === before) facilities.push({ ...resolveFacility(facility), text: facility });
      f.facility[i] = id;
    }
    const from = m.detained_from ?? m.detained_to;
    const to = m.detained_to ?? m.detained_from;
    if (from !== undefined && to !== undefined) {
      f.from[i] = Math.min(from, to);
      f.to[i] = Math.max(from, to);
    }
    const source = m.source?.trim();
    if (source) f.source[i] = sources.id(source);
  }
  f.keyCount = Int32Array.from({ length: keys.values.length }, (_, k) => keyCounts[k] ?? 0);
  f.coarseCount = Int32Array.from({ length: coarseKeys.values.length }, (_, k) => coarseCounts[k] ?? 0);
  return f;
}
