import type { FieldKeys } from '../access/field-cipher.ts';
import type { Person } from '../domain/person.ts';
import { liveRecords } from '../records/live-records.ts';
import type { Store } from '../store/store.ts';
import type { PersonInfo } from './dimensions.ts';

/**
 * Sex, birth year and province of origin of every live person record, revealed in memory for
 * counting (birth and origin are identifying: they are never stored in clear or printed).
 */
export async function personInfos(store: Store, keys: FieldKeys): Promise<Map<string, PersonInfo>> {
  const infos = new Map<string, PersonInfo>();
  for await (const p of liveRecords<Person>(store, 'person', keys)) {
    const info: PersonInfo = {};
    if (p.sex) info.sex = p.sex;
    if (p.birth) info.birthYear = Number(p.birth.from.slice(0, 4));
    if (p.origin?.province) info.province = p.origin.province;
    infos.set(p.id, info);
  }
  return infos;
}
