import { ceilingOf, isAllowed } from '../access/authorize.ts';
import type { FieldKeys } from '../access/field-cipher.ts';
import { levelsUpTo, type Viewer } from '../access/roles.ts';
import { factOfAct } from '../analysis/act-fact.ts';
import type { PersonInfo } from '../analysis/dimensions.ts';
import { personInfos } from '../analysis/person-infos.ts';
import type { Act } from '../domain/act.ts';
import type { Assessment } from '../domain/assessment.ts';
import type { Facility } from '../domain/facility.ts';
import type { Source } from '../domain/source.ts';
import { type EvidentiaryStatus, evidentiaryStatus } from '../proof/evidentiary-status.ts';
import { readProofContext } from '../proof/evidentiary-statuses.ts';
import { defaultProofRules, type ProofRules } from '../proof/standards-of-proof.ts';
import { individuals } from '../resolution/individuals.ts';
import type { Store } from '../store/store.ts';
import {
  actMatches,
  describeFigure,
  type FigureLookups,
  type FigureQuery,
  filtersVictims,
  victimMatches,
} from './figure-query.ts';

/** One source behind an act, with how it knows and the latest assessments. */
export type ExplainedSource = {
  id: string;
  kind?: string;
  connection: string;
  reliability?: string;
  credibility?: string;
  /** Absent when the caller may not read the source record itself (only its id is shown). */
  visible: boolean;
};
/** One act behind a figure. */
export type ExplainedAct = {
  id: string;
  act_type: string;
  date?: string;
  facility?: string;
  status: string;
  confidentiality: string;
  victims: number;
  sources: ExplainedSource[];
};
/** A figure that cannot be computed as asked (e.g. an unknown standard). */
export class FigureError extends Error {
  readonly id = 'figure';
}

/** One act behind a figure, with how well it is established (src/proof/). */
export type ExplainedActWithProof = ExplainedAct & {
  standard: string;
  independent_sources: number;
  /** Fields on which its sources contradict each other, unresolved. */
  contradictions: string[];
};

/** A figure with what it rests on. */
export type Explanation = {
  figure: string;
  query: FigureQuery;
  value: number;
  acts: ExplainedActWithProof[];
  /** Acts counted in the figure that the caller may count but not read (listed by number only). */
  withheld: number;
};

/**
 * A figure and the acts behind it, each with its sources and their latest assessments — within
 * what the caller may see: the figure counts acts at the caller's statistics level; the acts the
 * caller may also read are listed, the others only counted in `withheld`. The public has no figures
 * here (its figures come from the published view).
 */
export async function explainFigure(
  store: Store,
  viewer: Viewer,
  keys: FieldKeys,
  query: FigureQuery,
  rules: ProofRules = defaultProofRules(),
): Promise<Explanation> {
  const rank = new Map(rules.levels.map((level, i) => [level.code, i]));
  const wantedRank = query.standard === undefined ? undefined : rank.get(query.standard);
  if (query.standard !== undefined && wantedRank === undefined)
    throw new FigureError(
      `standard: not a level of the rules (${rules.levels.map((l) => l.code).join(', ')})`,
    );
  const proof = await readProofContext(store, keys, rules);
  const ceiling = ceilingOf(viewer, 'view-statistics');
  const levels = new Set<string>(ceiling && viewer.role !== 'public' ? levelsUpTo(ceiling) : []);
  const facilityTypes = new Map<string, Facility['facility_type']>();
  const facilityProvinces = new Map<string, string>();
  for await (const json of store.exportRecords('facility')) {
    const facility = JSON.parse(json) as Facility;
    facilityTypes.set(facility.id, facility.facility_type);
    if (facility.location?.province) facilityProvinces.set(facility.id, facility.location.province);
  }
  const persons = filtersVictims(query) ? await personInfos(store, keys) : new Map<string, PersonInfo>();
  const lookups: FigureLookups = {
    facilityType: (id) => facilityTypes.get(id),
    facilityProvince: (id) => facilityProvinces.get(id),
    person: (id) => persons.get(id),
  };
  const counted: Act[] = [];
  const statuses = new Map<string, EvidentiaryStatus>();
  for await (const json of store.exportRecords('act')) {
    const act = JSON.parse(json) as Act;
    if (act.deleted || !levels.has(act.confidentiality)) continue;
    const fact = factOfAct(act);
    if (!actMatches(fact, query, lookups)) continue;
    const status = evidentiaryStatus(act, proof);
    if (wantedRank !== undefined && (rank.get(status.level) ?? Number.POSITIVE_INFINITY) > wantedRank)
      continue;
    counted.push(act);
    statuses.set(act.id, status);
  }
  // Victims are individuals (resolved persons), not the person records that mention them.
  const who = await individuals(store);
  const readable = counted.filter((act) => isAllowed(viewer, 'read-records', act.confidentiality));
  const value =
    query.measure === 'acts'
      ? counted.length
      : new Set(
          counted.flatMap((act) =>
            act.victims
              .filter((v) => !filtersVictims(query) || victimMatches(v, factOfAct(act), query, lookups))
              .map((id) => who.of(id)),
          ),
        ).size;
  return {
    figure: describeFigure(query),
    query,
    value,
    acts: (await explainActs(store, viewer, readable)).map((act) => {
      const status = statuses.get(act.id) as EvidentiaryStatus;
      const open = status.contradictions.filter((c) => !c.resolved).map((c) => c.field);
      return {
        ...act,
        standard: status.level,
        independent_sources: status.independent,
        contradictions: [...new Set(open)],
      };
    }),
    withheld: counted.length - readable.length,
  };
}

async function explainActs(store: Store, viewer: Viewer, acts: Act[]): Promise<ExplainedAct[]> {
  const wanted = new Set(acts.flatMap((act) => act.sources.map((s) => s.source)));
  const sources = new Map<string, Source>();
  for await (const json of store.exportRecords('source')) {
    const source = JSON.parse(json) as Source;
    if (wanted.has(source.id)) sources.set(source.id, source);
  }
  // The latest assessment of each source, and of each (source, act).
  const latest = new Map<string, Assessment>();
  for await (const json of store.exportRecords('assessment')) {
    const a = JSON.parse(json) as Assessment;
    if (a.deleted || !wanted.has(a.source)) continue;
    const key = `${a.source}\u0000${a.act ?? ''}`;
    const seen = latest.get(key);
    if (!seen || seen.at < a.at || (seen.at === a.at && seen.id < a.id)) latest.set(key, a);
  }
  return acts.map((act) => ({
    id: act.id,
    act_type: act.act_type,
    date: act.date ? `${act.date.from}${act.date.to ? `/${act.date.to}` : ''}` : undefined,
    facility: act.facility,
    status: act.status,
    confidentiality: act.confidentiality,
    victims: act.victims.length,
    sources: act.sources.map((s) => {
      const source = sources.get(s.source);
      const visible = source !== undefined && isAllowed(viewer, 'read-records', source.confidentiality);
      return {
        id: s.source,
        kind: visible ? source?.kind : undefined,
        connection: s.connection,
        reliability: visible ? latest.get(`${s.source}\u0000`)?.reliability : undefined,
        credibility: visible ? latest.get(`${s.source}\u0000${act.id}`)?.credibility : undefined,
        visible,
      };
    }),
  }));
}
