import { authorize, isAllowed } from '../access/authorize.ts';
import type { FieldKeys } from '../access/field-cipher.ts';
import type { Viewer } from '../access/roles.ts';
import type { Person } from '../domain/person.ts';
import type { Source } from '../domain/source.ts';
import { evidentiaryStatuses } from '../proof/evidentiary-statuses.ts';
import { readRecord } from '../records/read-record.ts';
import { individuals } from '../resolution/individuals.ts';
import type { Store } from '../store/store.ts';
import type { ActFact } from './act-fact.ts';
import { analysisData } from './analysis-data.ts';
import { factAt } from './fact-table.ts';

/** One act attributed to the perpetrator, with how they were involved and how well it is established. */
export type DossierAct = {
  id: string;
  act_type: string;
  years: string | null;
  facility: string | null;
  /** The person record named in the act, and the degree of involvement it records. */
  as: string;
  involvement: string;
  status: string;
  standard: string | undefined;
  independent_sources: number | undefined;
  sources: { id: string; kind?: string }[];
};

/**
 * What an accountability mechanism asks of a perpetrator: every record of the individual (resolved),
 * the positions held, facilities and periods, and each act attributed with the degree of
 * involvement, its evidentiary status and its sources. Identifying: needs `read-identifying` at the
 * level of every record included; records above the viewer's level are left out (and counted).
 */
export type Dossier = {
  individual: string;
  records: { id: string; code: string; names: Person['names']; roles: string[] }[];
  positions: (Person['positions'][number] & { record: string })[];
  facilities: string[];
  period: { from: number; to: number } | null;
  acts: DossierAct[];
  withheld: number;
};

export async function perpetratorDossier(
  store: Store,
  viewer: Viewer,
  keys: FieldKeys,
  personId: string,
): Promise<Dossier | undefined> {
  authorize(viewer, 'read-identifying');
  const data = await analysisData(store);
  const individual = (await individuals(store)).of(personId);
  const first = await readRecord(store, viewer, keys, personId, 'perpetrator dossier');
  if (first?.type !== 'person') return undefined;
  // Every person record resolved to the same individual.
  const clusters = (await store.resolution('person'))?.clusters ?? new Map<string, string>();
  const members = new Set([personId]);
  for (const [id, of] of clusters) if (of === individual) members.add(id);
  const records: Dossier['records'] = [];
  const positions: Dossier['positions'] = [];
  let withheld = 0;
  for (const id of members) {
    const stored = await store.getRecord(id);
    if (!stored || !isAllowed(viewer, 'read-identifying', stored.confidentiality)) {
      withheld++;
      continue;
    }
    const person = (await readRecord(store, viewer, keys, id, 'perpetrator dossier')) as unknown as
      | Person
      | undefined;
    if (!person) continue;
    records.push({ id, code: person.code, names: person.names, roles: person.roles });
    for (const p of person.positions) positions.push({ ...p, record: id });
  }
  const memberSet = new Set(records.map((r) => r.id));
  const { table } = data;
  const memberNumbers = new Set(table.personIds.flatMap((id, k) => (memberSet.has(id) ? [k] : [])));
  const { start, items } = table.perpetrators;
  const attributed: ActFact[] = [];
  for (let i = 0; i < table.size; i++)
    if (table.dead?.[i] !== 1)
      for (let k = start[i] as number; k < (start[i + 1] as number); k++)
        if (memberNumbers.has(items[k] as number)) {
          attributed.push(factAt(table, i));
          break;
        }
  const visible = attributed.filter((f) => isAllowed(viewer, 'read-records', f.confidentiality as never));
  withheld += attributed.length - visible.length;
  const statuses = new Map<string, { level: string; independent: number }>();
  for await (const s of evidentiaryStatuses(store, keys, { only: visible.map((f) => f.id) }))
    statuses.set(s.act, { level: s.level, independent: s.independent });
  const sourceKinds = new Map<string, string>();
  const wanted = new Set(visible.flatMap((f) => f.sources));
  for await (const json of store.exportRecords('source')) {
    const s = JSON.parse(json) as Source;
    if (wanted.has(s.id)) sourceKinds.set(s.id, s.kind);
  }
  const acts: DossierAct[] = visible.map((f) => {
    const named = f.perpetrators.find((p) => memberSet.has(p.person));
    return {
      id: f.id,
      act_type: f.act_type,
      years:
        f.year_from === null
          ? null
          : f.year_from === f.year_to
            ? String(f.year_from)
            : `${f.year_from}–${f.year_to}`,
      facility: f.facility,
      as: named?.person ?? '',
      involvement: named?.involvement ?? 'UNKNOWN',
      status: f.status,
      standard: statuses.get(f.id)?.level,
      independent_sources: statuses.get(f.id)?.independent,
      sources: f.sources.map((id) => ({ id, kind: sourceKinds.get(id) })),
    };
  });
  const years = [
    ...acts.flatMap((a) => (a.years ? a.years.split('–').map(Number) : [])),
    ...positions.flatMap((p) =>
      p.period ? [Number(p.period.from.slice(0, 4)), Number((p.period.to ?? p.period.from).slice(0, 4))] : [],
    ),
  ];
  const facilities = [
    ...new Set([
      ...positions.flatMap((p) => (p.facility ? [p.facility] : [])),
      ...acts.flatMap((a) => (a.facility ? [a.facility] : [])),
    ]),
  ].sort();
  await store.appendAudit({
    at: new Date().toISOString(),
    actor: viewer.user,
    action: 'perpetrator-dossier',
    target: personId,
    detail: { records: records.length, acts: acts.length },
  });
  return {
    individual,
    records,
    positions,
    facilities,
    period: years.length > 0 ? { from: Math.min(...years), to: Math.max(...years) } : null,
    acts,
    withheld,
  };
}
