import { type FieldKeys, openText, revealRecord, sealText } from '../access/field-cipher.ts';
import type { Person } from '../domain/person.ts';
import type { RecordsMark, Store } from '../store/store.ts';
import type { PersonInfo } from './dimensions.ts';

const KIND = 'persons';
/** What the sealed snapshot is bound to (AES-GCM additional data). */
const CONTEXT = 'analysis-snapshot/persons';

/** Columns: each person's sex and province as an index of `values` (−1: none), birth year (0: none). */
type Snapshot = {
  mark: RecordsMark;
  ids: string[];
  values: string[];
  sex: number[];
  birth: number[];
  province: number[];
};

/**
 * Sex, birth year and province of origin of every live person record, revealed in memory for
 * counting (birth and origin are identifying: they are never stored in clear or printed). Kept
 * between runs as a snapshot sealed with the data key: only persons added or edited since are read
 * and decrypted again.
 */
export async function personInfos(store: Store, keys: FieldKeys): Promise<Map<string, PersonInfo>> {
  const now = await store.recordsMark();
  const saved = await savedInfos(store, keys);
  const infos = saved?.infos ?? new Map<string, PersonInfo>();
  if (saved && saved.mark.records === now.records && saved.mark.versions === now.versions) return infos;
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
  const snapshot = snapshotOf(now, infos);
  await store.saveAnalysisSnapshot(
    KIND,
    `${now.records}:${now.versions}`,
    Buffer.from(sealText(JSON.stringify(snapshot), CONTEXT, keys)),
  );
  return infos;
}

/** The saved snapshot, or `undefined` when there is none or it cannot be opened (e.g. its key was retired). */
async function savedInfos(
  store: Store,
  keys: FieldKeys,
): Promise<{ mark: RecordsMark; infos: Map<string, PersonInfo> } | undefined> {
  const saved = await store.analysisSnapshot(KIND);
  if (!saved) return undefined;
  try {
    const snapshot = JSON.parse(
      openText(Buffer.from(saved.data).toString('utf8'), CONTEXT, keys),
    ) as Snapshot;
    // Persons share few combinations of sex, birth year and origin: one object per combination.
    const shared = new Map<number, PersonInfo>();
    const infos = new Map<string, PersonInfo>();
    snapshot.ids.forEach((id, k) => {
      const sex = snapshot.sex[k] as number;
      const birth = snapshot.birth[k] as number;
      const province = snapshot.province[k] as number;
      const key = ((sex + 1) * 65536 + birth) * 4096 + province + 1;
      let info = shared.get(key);
      if (!info) {
        info = {};
        if (sex >= 0) info.sex = snapshot.values[sex] as string;
        if (birth !== 0) info.birthYear = birth;
        if (province >= 0) info.province = snapshot.values[province] as string;
        shared.set(key, info);
      }
      infos.set(id, info);
    });
    return { mark: snapshot.mark, infos };
  } catch {
    return undefined;
  }
}

function snapshotOf(mark: RecordsMark, infos: Map<string, PersonInfo>): Snapshot {
  const snapshot: Snapshot = { mark, ids: [], values: [], sex: [], birth: [], province: [] };
  const codes = new Map<string, number>();
  const code = (value: string | undefined) => {
    if (value === undefined) return -1;
    let n = codes.get(value);
    if (n === undefined) {
      n = snapshot.values.length;
      codes.set(value, n);
      snapshot.values.push(value);
    }
    return n;
  };
  for (const [id, info] of infos) {
    snapshot.ids.push(id);
    snapshot.sex.push(code(info.sex));
    snapshot.birth.push(info.birthYear ?? 0);
    snapshot.province.push(code(info.province));
  }
  return snapshot;
}
