import { type FieldKeys, openText, revealRecord, sealText } from '../access/field-cipher.ts';
import type { Person } from '../domain/person.ts';
import type { RecordsMark, Store } from '../store/store.ts';
import type { PersonInfo } from './dimensions.ts';

/**
 * Persons' attributes as columns: sex and province as an index of `values` (−1: not recorded),
 * birth year (0: not recorded); `missing` lists the positions with no live person record.
 */
type PersonColumns = {
  values: string[];
  sex: number[];
  birth: number[];
  province: number[];
  missing: number[];
};

/** Kept between runs, sealed with the data key: by person id, as of a records mark. */
const BY_ID = { kind: 'persons', context: 'analysis-snapshot/persons', format: 'daylight-persons/2' };
/** Kept between runs, sealed: in the order of a fact table's `personIds`, as of its change mark. */
const BY_FACTS = {
  kind: 'persons-of-facts',
  context: 'analysis-snapshot/persons-of-facts',
  format: 'daylight-persons-of-facts/1',
};
type Where = { kind: string; context: string; format: string };

/**
 * Sex, birth year and province of origin of every live person record, revealed in memory for
 * counting (birth and origin are identifying: they are never stored in clear or printed). Kept
 * between runs as a snapshot sealed with the data key: only persons added or edited since are read
 * and decrypted again.
 */
export async function personInfos(store: Store, keys: FieldKeys): Promise<Map<string, PersonInfo>> {
  const now = await store.recordsMark();
  const saved = await opened<PersonColumns & { mark: RecordsMark; ids: string[] }>(store, keys, BY_ID);
  const infos = new Map<string, PersonInfo>();
  if (saved) {
    const list = infosOf(saved);
    saved.ids.forEach((id, k) => {
      infos.set(id, list[k] as PersonInfo);
    });
    if (saved.mark.records === now.records && saved.mark.versions === now.versions) return infos;
  }
  const docs = saved ? store.recordsChangedSince('person', saved.mark) : store.exportRecords('person');
  for await (const json of docs) {
    const stored = JSON.parse(json) as Record<string, unknown>;
    const id = String(stored.id);
    if (stored.deleted !== undefined) {
      infos.delete(id);
      continue;
    }
    const p = revealRecord(stored, keys) as Person;
    const info: PersonInfo = {};
    if (p.sex) info.sex = p.sex;
    if (p.birth) info.birthYear = Number(p.birth.from.slice(0, 4));
    if (p.origin?.province) info.province = p.origin.province;
    infos.set(id, info);
  }
  await save(store, keys, BY_ID, `${now.records}:${now.versions}`, {
    mark: now,
    ids: [...infos.keys()],
    ...columnsOf(infos.values()),
  });
  return infos;
}

/**
 * The attributes of the persons a fact table names, in its `personIds` order: from the snapshot
 * saved for that state of the database, else from `personInfos` (then saved for the next run).
 */
export async function personsOfFacts(
  store: Store,
  keys: FieldKeys,
  mark: string,
  personIds: readonly string[],
): Promise<(PersonInfo | undefined)[]> {
  const saved = await store.analysisSnapshot(BY_FACTS.kind);
  if (saved?.mark === mark) {
    const columns = await opened<PersonColumns>(store, keys, BY_FACTS, saved);
    if (columns && columns.sex.length === personIds.length) return infosOf(columns);
  }
  const infos = await personInfos(store, keys);
  const persons = personIds.map((id) => infos.get(id));
  await save(store, keys, BY_FACTS, mark, columnsOf(persons));
  return persons;
}

function columnsOf(infos: Iterable<PersonInfo | undefined>): PersonColumns {
  const columns: PersonColumns = { values: [], sex: [], birth: [], province: [], missing: [] };
  const codes = new Map<string, number>();
  const code = (value: string | undefined) => {
    if (value === undefined) return -1;
    let n = codes.get(value);
    if (n === undefined) {
      n = columns.values.length;
      codes.set(value, n);
      columns.values.push(value);
    }
    return n;
  };
  for (const info of infos) {
    if (!info) columns.missing.push(columns.sex.length);
    columns.sex.push(code(info?.sex));
    columns.birth.push(info?.birthYear ?? 0);
    columns.province.push(code(info?.province));
  }
  return columns;
}

/** The attributes back from columns; persons with the same ones share one object. */
function infosOf(columns: PersonColumns): (PersonInfo | undefined)[] {
  const shared = new Map<number, PersonInfo>();
  const infos = columns.sex.map((sex, k): PersonInfo | undefined => {
    const birth = columns.birth[k] as number;
    const province = columns.province[k] as number;
    const key = ((sex + 1) * 4096 + birth) * 1024 + province + 1;
    let info = shared.get(key);
    if (!info) {
      info = {};
      if (sex >= 0) info.sex = columns.values[sex] as string;
      if (birth !== 0) info.birthYear = birth;
      if (province >= 0) info.province = columns.values[province] as string;
      shared.set(key, info);
    }
    return info;
  });
  for (const k of columns.missing) infos[k] = undefined;
  return infos;
}

async function save(
  store: Store,
  keys: FieldKeys,
  where: Where,
  mark: string,
  content: object,
): Promise<void> {
  const text = JSON.stringify({ format: where.format, ...content });
  await store.saveAnalysisSnapshot(where.kind, mark, Buffer.from(sealText(text, where.context, keys)));
}

/**
 * A saved snapshot opened, or `undefined` when there is none, it cannot be opened (e.g. its key was
 * retired) or it is of another format.
 */
async function opened<T extends PersonColumns>(
  store: Store,
  keys: FieldKeys,
  where: Where,
  known?: { data: Uint8Array },
): Promise<T | undefined> {
  const saved = known ?? (await store.analysisSnapshot(where.kind));
  if (!saved) return undefined;
  try {
    const text = openText(Buffer.from(saved.data).toString('utf8'), where.context, keys);
    const content = JSON.parse(text) as T & { format?: string };
    if (content.format !== where.format) return undefined;
    const n = content.sex.length;
    if (content.birth.length !== n || content.province.length !== n) return undefined;
    return content;
  } catch {
    return undefined;
  }
}
