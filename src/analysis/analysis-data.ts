import type { FieldKeys } from '../access/field-cipher.ts';
import type { Facility } from '../domain/facility.ts';
import type { Confidentiality } from '../domain/record-meta.ts';
import { evidentiaryStatuses } from '../proof/evidentiary-statuses.ts';
import type { Store } from '../store/store.ts';
import type { AnalysisContext, FacilityInfo } from './dimensions.ts';
import type { FactTable } from './fact-table.ts';
import { factsAt, type MarkedFacts } from './load-facts.ts';
import { personsOfFacts } from './person-infos.ts';

/** Everything the counts read, loaded once per state of the database. */
export type AnalysisData = { table: FactTable; context: AnalysisContext; loadedIn: number };

type Cached = {
  mark: string;
  data: AnalysisData;
  /** The table as made for `mark` (what the next change updates). */
  facts: MarkedFacts;
  levels?: boolean;
  persons?: boolean;
  /** The acts each statistics scope may count, by scope. */
  scopes: Map<string, Int32Array>;
};
const cache = new WeakMap<Store, Cached>();

/**
 * The acts (from the `act_facts` projection, as columns, with their individuals numbered) and
 * facilities (with the places they resolve to), cached in memory until the database changes
 * (`Store.changeMark`), so a dashboard's figures read the database once; after a change only what
 * changed is read again, and the columns are saved in the database for the next process (`factsAt`).
 */
export async function analysisData(store: Store): Promise<AnalysisData> {
  const mark = await store.changeMark();
  const hit = cache.get(store);
  if (hit && hit.mark === mark) return hit.data;
  // Requests that arrive while the data of this state is being loaded wait for that load (a server
  // under load would otherwise load it once per request in flight).
  const pending = loading.get(store);
  if (pending?.mark === mark) return pending.data;
  const data = loadAnalysisData(store, mark, hit);
  loading.set(store, { mark, data });
  try {
    return await data;
  } finally {
    if (loading.get(store)?.data === data) loading.delete(store);
  }
}

const loading = new WeakMap<Store, { mark: string; data: Promise<AnalysisData> }>();

async function loadAnalysisData(store: Store, mark: string, hit: Cached | undefined): Promise<AnalysisData> {
  const started = performance.now();
  const marked = await factsAt(store, mark, hit?.facts);
  const numbered = marked.facts;
  const places = (await store.resolution('facility'))?.clusters;
  const facilities = new Map<string, FacilityInfo>();
  for await (const json of store.exportRecords('facility')) {
    const f = JSON.parse(json) as Facility;
    if (f.deleted) continue;
    const info: FacilityInfo = { type: f.facility_type, place: places?.get(f.id) ?? f.id };
    if (f.location?.province) info.province = f.location.province;
    facilities.set(f.id, info);
  }
  // Persons (sex, birth, origin) are read only when a count asks for victims' attributes, and
  // evidentiary levels only when a count asks for standards of proof.
  const context: AnalysisContext = { facilities, units: numbered.units, unitCount: numbered.unitCount };
  const data = { table: numbered.table, context, loadedIn: (performance.now() - started) / 1000 };
  cache.set(store, { mark, data, facts: marked, scopes: new Map() });
  return data;
}

/** Fills `context.levels` (reads every act once); a no-op when done for this state of the database. */
export async function withEvidentiaryLevels(
  store: Store,
  keys: FieldKeys,
  data: AnalysisData,
): Promise<void> {
  const entry = cache.get(store);
  if (!entry || entry.data !== data || entry.levels) return;
  const index = new Map(data.table.ids.map((id, i) => [id, i]));
  const levels: (string | undefined)[] = new Array(data.table.size).fill(undefined);
  for await (const status of evidentiaryStatuses(store, keys)) {
    const i = index.get(status.act);
    if (i !== undefined) levels[i] = status.level;
  }
  data.context = { ...data.context, levels };
  entry.levels = true;
}

/** Fills `context.persons`: persons' sex, birth year and origin (in memory only), once per state. */
export async function withPersons(store: Store, keys: FieldKeys, data: AnalysisData): Promise<void> {
  const entry = cache.get(store);
  if (!entry || entry.data !== data || entry.persons) return;
  const persons = await personsOfFacts(store, keys, entry.mark, data.table.personIds);
  data.context = { ...data.context, persons };
  entry.persons = true;
}

/** The acts a viewer's statistics may count (by index), computed once per scope and state. */
export function actsInScope(
  store: Store,
  data: AnalysisData,
  levels: readonly Confidentiality[],
  verifiedOnly: boolean,
): Int32Array {
  const key = `${levels.join(',')}|${verifiedOnly}`;
  const entry = cache.get(store);
  const known = entry?.data === data ? entry.scopes.get(key) : undefined;
  if (known) return known;
  const { table } = data;
  const allowed = Uint8Array.from(table.confidentialities, (c) =>
    levels.includes(c as Confidentiality) ? 1 : 0,
  );
  const verified = table.statuses.indexOf('verified');
  const acts: number[] = [];
  const dead = table.dead;
  for (let i = 0; i < table.size; i++)
    if (
      dead?.[i] !== 1 &&
      allowed[table.confidentiality[i] as number] === 1 &&
      (!verifiedOnly || table.status[i] === verified)
    )
      acts.push(i);
  const scope = Int32Array.from(acts);
  if (entry?.data === data) entry.scopes.set(key, scope);
  return scope;
}
