import type { FieldKeys } from '../access/field-cipher.ts';
import type { Facility } from '../domain/facility.ts';
import type { Confidentiality } from '../domain/record-meta.ts';
import { evidentiaryStatuses } from '../proof/evidentiary-statuses.ts';
import { individuals } from '../resolution/individuals.ts';
import type { Store } from '../store/store.ts';
import { type ActFact, factOfRow } from './act-fact.ts';
import type { AnalysisContext, FacilityInfo, FactUnits } from './dimensions.ts';
import { personInfos } from './person-infos.ts';

/** Everything the counts read, loaded once per state of the database. */
export type AnalysisData = { facts: ActFact[]; context: AnalysisContext; loadedIn: number };

type Cached = { mark: string; data: AnalysisData; levels?: Map<string, string>; persons?: boolean };
const cache = new WeakMap<Store, Cached>();

/**
 * The acts (from the `act_facts` projection), facilities (with the places they resolve to), persons
 * (sex, birth year, origin: revealed in memory only) and individuals, cached until the database
 * changes (`Store.changeMark`), so a dashboard's figures read the database once.
 */
export async function analysisData(store: Store): Promise<AnalysisData> {
  const mark = await store.changeMark();
  const hit = cache.get(store);
  if (hit && hit.mark === mark) return hit.data;
  const started = performance.now();
  const facts: ActFact[] = [];
  for await (const row of store.actFacts()) {
    const fact = factOfRow(row);
    fact.index = facts.length;
    facts.push(fact);
  }
  const places = (await store.resolution('facility'))?.clusters;
  const facilities = new Map<string, FacilityInfo>();
  for await (const json of store.exportRecords('facility')) {
    const f = JSON.parse(json) as Facility;
    if (f.deleted) continue;
    const info: FacilityInfo = { type: f.facility_type, place: places?.get(f.id) ?? f.id };
    if (f.location?.province) info.province = f.location.province;
    facilities.set(f.id, info);
  }
  const who = await individuals(store);
  // Persons (sex, birth, origin) are read only when a count asks for victims' attributes.
  const context: AnalysisContext = {
    facilities,
    persons: new Map(),
    individualOf: (id) => who.of(id),
    units: factUnits(facts, (id) => who.of(id)),
  };
  const entry: Cached = { mark, data: { facts, context, loadedIn: (performance.now() - started) / 1000 } };
  // Evidentiary levels are costly (every act's sources and assessments): computed on first need.
  context.levelOf = (id) => entry.levels?.get(id);
  cache.set(store, entry);
  return entry.data;
}

/** Numbers every individual once and lists each act's victims and perpetrators by number. */
function factUnits(facts: readonly ActFact[], individualOf: (id: string) => string): FactUnits {
  const numbers = new Map<string, number>();
  const number = (personId: string) => {
    const individual = individualOf(personId);
    let n = numbers.get(individual);
    if (n === undefined) {
      n = numbers.size;
      numbers.set(individual, n);
    }
    return n;
  };
  const victimStart = new Int32Array(facts.length + 1);
  const perpetratorStart = new Int32Array(facts.length + 1);
  const victims: number[] = [];
  const perpetrators: number[] = [];
  facts.forEach((f, i) => {
    victimStart[i] = victims.length;
    perpetratorStart[i] = perpetrators.length;
    for (const v of f.victims) victims.push(number(v));
    for (const p of f.perpetrators) perpetrators.push(number(p.person));
  });
  victimStart[facts.length] = victims.length;
  perpetratorStart[facts.length] = perpetrators.length;
  return {
    count: numbers.size,
    victimStart,
    victims: Int32Array.from(victims),
    perpetratorStart,
    perpetrators: Int32Array.from(perpetrators),
  };
}

/** Makes `levelOf` answer (reads every act once); a no-op when done for this state of the database. */
export async function withEvidentiaryLevels(
  store: Store,
  keys: FieldKeys,
  data: AnalysisData,
): Promise<void> {
  const entry = cache.get(store);
  if (!entry || entry.data !== data || entry.levels) return;
  const levels = new Map<string, string>();
  for await (const status of evidentiaryStatuses(store, keys)) levels.set(status.act, status.level);
  entry.levels = levels;
}

/** Reads persons' sex, birth year and origin into the context (in memory only), once per state. */
export async function withPersons(store: Store, keys: FieldKeys, data: AnalysisData): Promise<void> {
  const entry = cache.get(store);
  if (!entry || entry.data !== data || entry.persons) return;
  const persons = await personInfos(store, keys);
  data.context = { ...data.context, persons };
  entry.persons = true;
}

/** The acts a viewer's statistics may count. */
export function factsAt(
  facts: readonly ActFact[],
  levels: readonly Confidentiality[],
  verifiedOnly: boolean,
): ActFact[] {
  return facts.filter(
    (f) =>
      levels.includes(f.confidentiality as Confidentiality) && (!verifiedOnly || f.status === 'verified'),
  );
}
