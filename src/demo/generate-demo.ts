import type { Act } from '../domain/act.ts';
import type { Episode } from '../domain/episode.ts';
import type { Facility } from '../domain/facility.ts';
import type { FuzzyDate } from '../domain/fuzzy-date.ts';
import type { Person } from '../domain/person.ts';
import type { DaylightRecord } from '../domain/record.ts';
import type { Confidentiality, ReviewStatus } from '../domain/record-meta.ts';
import type { Source } from '../domain/source.ts';
import { CODES } from './demo-codes.ts';
import { corroborate } from './demo-corroboration.ts';
import { DEMO_ORGANISATIONS, type DemoProgramme, demoFacilities } from './demo-fixtures.ts';
import { type DetentionPath, drawPath, LAST_YEAR, pad } from './detention-path.ts';
import { drawName, type NameForm, type TrueName, writeName } from './name-variants.ts';
import { Random } from './random.ts';

/** How big a demo: `small` is a few hundred interviews, `large` about 100,000 and over a million acts. */
export type DemoSize = 'small' | 'large' | { interviews: number };

export type DemoOptions = {
  seed: number;
  size: DemoSize;
  /** Told, for every person record, which fictional individual it mentions (linkage ground truth). */
  onMention?: (personId: string, individual: number) => void;
};

const INTERVIEWS: Record<'small' | 'large', number> = { small: 300, large: 100_000 };
const STATUSES: [ReviewStatus, number][] = [
  ['verified', 45],
  ['under-review', 12],
  ['submitted', 10],
  ['draft', 15],
  ['needs-information', 12],
  ['rejected', 6],
];

/** A fictional person, as the generator knows them (the truth that testimonies name variously). */
export type Individual = {
  key: number;
  name: TrueName;
  sex: 'female' | 'male';
  birthYear: number;
  province: string;
};

type Guard = Individual & {
  facility: Facility;
  agency: string;
  rank: { en: string; ko: string };
  from: number;
};

/**
 * Builds a clearly fictional but realistic dataset, deterministically from the seed: several
 * programmes interviewing overlapping sets of survivors, each testimony naming people its own way.
 */
export function* generateDemo(options: DemoOptions): Generator<DaylightRecord> {
  const random = new Random(options.seed);
  const target = typeof options.size === 'object' ? options.size.interviews : INTERVIEWS[options.size];
  const facilities = demoFacilities();
  const byType = groupFacilities(facilities);
  const provinces = [
    'NORTH-HAMGYONG',
    'RYANGGANG',
    'SOUTH-HAMGYONG',
    'NORTH-PYONGAN',
    'CHAGANG',
    'SOUTH-PYONGAN',
    'PYONGYANG',
    'KANGWON',
  ];
  const provinceWeights = provinces.map((p, i) => [p, i < 2 ? 6 : i < 4 ? 2 : 1] as const);
  const guardPoolSize = Math.max(4, Math.round(Math.sqrt(target) / 2));
  const guards = new Map<string, Guard[]>();
  const detainees = new Map<string, Individual[]>();
  const survivors: Individual[] = [];
  let nextKey = 1;
  let personSeq = 0;
  let actSeq = 0;
  let interviews = 0;
  // Corroboration draws from a stream of its own, so that adding it left the rest of the demo as it was.
  const proofRandom = new Random(options.seed * 7919 + 17);
  const earlierInterview = new Map<number, string>();
  const imagery = new Map<string, string>();

  for (const organisation of DEMO_ORGANISATIONS) yield organisation.record;
  yield* facilities;

  const newIndividual = (minBirth: number, maxBirth: number): Individual => {
    const sex = random.chance(0.7) ? 'female' : 'male';
    return {
      key: nextKey++,
      name: drawName(random, sex),
      sex,
      birthYear: random.int(minBirth, maxBirth),
      province: random.weighted(provinceWeights),
    };
  };

  const guardAt = (facility: Facility, year: number): Guard => {
    const pool = guards.get(facility.id) ?? [];
    guards.set(facility.id, pool);
    if (pool.length < guardPoolSize && (pool.length === 0 || random.chance(0.3))) {
      const base = newIndividual(1950, 1995);
      const guard: Guard = {
        ...base,
        sex: random.chance(0.85) ? 'male' : 'female',
        facility,
        agency: facility.agency ?? CODES.agency.mss,
        rank: random.pick(RANKS),
        from: Math.max(1995, year - random.int(0, 8)),
      };
      pool.push(guard);
      return guard;
    }
    return random.pick(pool);
  };

  const cellmateAt = (facility: Facility, year: number): Individual => {
    if (survivors.length > 10 && random.chance(0.3)) return random.pick(survivors);
    const pool = detainees.get(facility.id) ?? [];
    detainees.set(facility.id, pool);
    if (pool.length > 0 && random.chance(0.5)) return random.pick(pool);
    const person = newIndividual(year - 70, year - 17);
    pool.push(person);
    return person;
  };

  while (interviews < target) {
    const survivor = newIndividual(1945, 2006);
    const path = drawPath(random, survivor, byType);
    const capturedBy = DEMO_ORGANISATIONS.flatMap((o) => o.programmes)
      .filter((p) => programmeActive(p, path.interviewYear))
      .filter((p) => random.chance(Math.min(0.95, p.rate * path.heterogeneity)));
    for (const programme of capturedBy) {
      if (interviews >= target) break;
      interviews++;
      yield* interviewRecords(programme, survivor, path);
    }
    survivors.push(survivor);
  }

  function* interviewRecords(
    programme: DemoProgramme,
    survivor: Individual,
    path: DetentionPath,
  ): Generator<DaylightRecord> {
    const sourceId = `S-${String(interviews).padStart(7, '0')}`;
    const episodeId = `E-${String(interviews).padStart(7, '0')}`;
    const status = random.weighted(STATUSES);
    // The demo's last interviews are in October 2026, so that no record is dated in the future.
    const lastMonth = path.interviewYear === LAST_YEAR ? 10 : 12;
    const interviewDate = `${path.interviewYear}-${pad(random.int(1, lastMonth))}-${pad(random.int(1, 28))}`;
    const at = `${interviewDate}T0${random.int(1, 8)}:${pad(random.int(0, 59))}:00.000Z`;
    const investigator = `demo-investigator-${programme.code.toLowerCase()}-${random.int(1, 3)}`;
    const meta = (id: string, confidentiality: Confidentiality) => ({
      id,
      version: 1,
      created_at: at,
      created_by: investigator,
      updated_at: at,
      updated_by: investigator,
      status,
      confidentiality,
    });
    const mentioned = new Map<number, Person>();
    const mention = (individual: Individual, role: string, extra: Partial<Person> = {}): Person => {
      const existing = mentioned.get(individual.key);
      if (existing) {
        if (!existing.roles.includes(role)) existing.roles.push(role);
        return existing;
      }
      personSeq++;
      const id = `P-${String(personSeq).padStart(7, '0')}`;
      const prefix = role === CODES.role.perpetrator ? 'X' : role === CODES.role.witness ? 'W' : 'V';
      const person: Person = {
        type: 'person',
        ...meta(id, 'restricted'),
        code: `${prefix}-${String(personSeq).padStart(7, '0')}`,
        names: namesFor(individual, random, individual === survivor),
        sex: random.chance(0.97) ? individual.sex : 'unknown',
        birth: birthFor(individual, random, individual === survivor),
        origin: random.chance(individual === survivor ? 0.85 : 0.4)
          ? { province: individual.province }
          : undefined,
        current_status: individual === survivor ? CODES.status.escaped : undefined,
        roles: [role],
        positions: [],
        ...extra,
      };
      mentioned.set(individual.key, person);
      options.onMention?.(id, individual.key);
      return person;
    };

    const interviewee = mention(survivor, CODES.role.victim);
    interviewee.roles.push(CODES.role.interviewee);
    const acts: Act[] = [];
    const act = (
      type: string,
      victims: Person[],
      date: FuzzyDate | undefined,
      fields: Partial<Act> = {},
    ): void => {
      actSeq++;
      acts.push({
        type: 'act',
        ...meta(
          `A-${String(actSeq).padStart(8, '0')}`,
          status === 'verified' && random.chance(0.4) ? 'public' : 'internal',
        ),
        act_type: type,
        victims: victims.map((v) => v.id),
        perpetrators: [],
        episode: episodeId,
        date,
        legal_basis: [],
        norms: [],
        sources: [{ source: sourceId, connection: CODES.connection.victim }],
        ...fields,
      });
    };
    const perpetrator = (guard: Guard, year: number, involvement: string = CODES.involvement.carriedOut) => {
      const person = mention(guard, CODES.role.perpetrator, {
        origin: undefined,
        birth: random.chance(0.3)
          ? {
              from: String(guard.birthYear - (guard.birthYear % 10)),
              to: String(guard.birthYear - (guard.birthYear % 10) + 9),
            }
          : undefined,
        positions: [
          {
            agency: guard.agency,
            rank: guard.rank,
            facility: guard.facility.id,
            period: {
              from: String(Math.min(guard.from, year)),
              to: String(Math.min(LAST_YEAR, Math.max(guard.from, year) + random.int(0, 3))),
            },
          },
        ],
      });
      return { person: person.id, involvement };
    };

    // Arrest and interrogation.
    act(CODES.act.arrest, [interviewee], path.arrestDate, {
      facility: path.pretrial.id,
      legal_basis: path.legalBasis,
      norms: [CODES.norm.iccpr9],
      description: {
        en: 'Fictional demo: arrested without a warrant and held without notice to family.',
        ko: '가상 예시: 영장 없이 체포되어 가족에게 알리지 않은 채 구금됨.',
      },
    });
    const interrogator = guardAt(path.pretrial, path.arrestYear);
    for (const method of random.sample(TORTURE_METHODS, random.int(1, 5))) {
      act(method, [interviewee], path.interrogationDate, {
        facility: path.pretrial.id,
        perpetrators: [perpetrator(interrogator, path.arrestYear)],
        norms: [CODES.norm.iccpr7, CODES.norm.iccpr10],
        description: {
          en: 'Fictional demo: ill-treated during interrogation.',
          ko: '가상 예시: 예심 중 가혹행위를 당함.',
        },
      });
    }
    if (path.trial === 'none' || path.trial === 'administrative') {
      act(CODES.act.noTrial, [interviewee], path.sentenceDate, {
        legal_basis: path.legalBasis,
        norms: [CODES.norm.iccpr9, CODES.norm.iccpr14],
      });
    } else {
      if (random.chance(0.7))
        act(CODES.act.noCounsel, [interviewee], path.sentenceDate, { norms: [CODES.norm.iccpr14] });
      if (random.chance(0.5))
        act(CODES.act.coercedConfession, [interviewee], path.interrogationDate, {
          norms: [CODES.norm.iccpr14, CODES.norm.iccpr7],
        });
      if (random.chance(0.3))
        act(CODES.act.noPublicHearing, [interviewee], path.sentenceDate, { norms: [CODES.norm.iccpr14] });
    }
    // Imprisonment.
    const camp = path.camp;
    const campDate: FuzzyDate = {
      from: String(path.campFrom),
      to: String(Math.max(path.campFrom, path.releaseYear)),
    };
    const conditions: [string, number, string][] = [
      [CODES.act.forcedLabour, 0.85, CODES.norm.iccpr10],
      [CODES.act.food, 0.75, CODES.norm.iccpr10],
      [CODES.act.conditions, 0.65, CODES.norm.iccpr10],
      [CODES.act.medical, 0.35, CODES.norm.iccpr10],
    ];
    for (const [type, p, norm] of conditions) {
      if (random.chance(p)) act(type, [interviewee], campDate, { facility: camp.id, norms: [norm] });
    }
    for (let i = random.int(0, 3); i > 0; i--) {
      const year = random.int(path.campFrom, Math.max(path.campFrom, path.releaseYear));
      act(
        CODES.act.beating,
        [interviewee],
        { from: String(year) },
        {
          facility: camp.id,
          perpetrators: [perpetrator(guardAt(camp, year), year)],
          norms: [CODES.norm.iccpr7],
        },
      );
    }
    if (survivor.sex === 'female') {
      if (random.chance(0.4))
        act(CODES.act.bodySearch, [interviewee], path.interrogationDate, {
          facility: path.pretrial.id,
          norms: [CODES.norm.iccpr7],
        });
      if (random.chance(0.04))
        act(CODES.act.rape, [interviewee], campDate, {
          facility: camp.id,
          perpetrators: [perpetrator(guardAt(camp, path.campFrom), path.campFrom)],
          norms: [CODES.norm.iccpr7],
        });
      if (path.repatriated && random.chance(0.05))
        act(CODES.act.forcedAbortion, [interviewee], path.arrestDate, {
          facility: path.pretrial.id,
          norms: [CODES.norm.iccpr7, CODES.norm.iccpr6],
        });
    }
    // What the interviewee saw happen to others.
    const witnessed: [string, number, string][] = [
      [CODES.act.beating, 0.5, CODES.norm.iccpr7],
      [CODES.act.deathInCustody, 0.25, CODES.norm.iccpr6],
      [CODES.act.publicExecution, 0.08, CODES.norm.iccpr6],
      [CODES.act.forcedLabour, 0.3, CODES.norm.iccpr10],
    ];
    for (const [type, p, norm] of witnessed) {
      if (!random.chance(p)) continue;
      const year = random.int(path.campFrom, Math.max(path.campFrom, path.releaseYear));
      const other = mention(cellmateAt(camp, year), CODES.role.victim);
      if (type === CODES.act.deathInCustody) other.current_status = CODES.status.deceased;
      const hearsay = random.chance(0.15);
      act(
        type,
        [other],
        { from: String(year), approximate: random.chance(0.3) || undefined },
        {
          facility: camp.id,
          perpetrators: type === CODES.act.deathInCustody ? [] : [perpetrator(guardAt(camp, year), year)],
          norms: [norm],
          sources: [
            {
              source: sourceId,
              connection: hearsay ? CODES.connection.hearsay : CODES.connection.eyewitness,
            },
          ],
        },
      );
      if (!interviewee.roles.includes(CODES.role.witness)) interviewee.roles.push(CODES.role.witness);
    }

    const consent = [CODES.consent[0], ...random.sample(CODES.consent.slice(1), random.int(0, 5))];
    const sameType = (byType.get(camp.facility_type) ?? []).filter((f) => f.id !== camp.id);
    const otherCamp = proofRandom.pick(
      sameType.length > 0 ? sameType : facilities.filter((f) => f.id !== camp.id),
    );
    const source: Source = {
      type: 'source',
      ...meta(sourceId, 'restricted'),
      kind: CODES.sourceType.interview,
      title: { en: `Fictional demo interview ${sourceId}`, ko: `가상 예시 면담 ${sourceId}` },
      date: { from: interviewDate },
      languages: programme.code === 'LONDON' ? ['ko', 'en'] : ['ko'],
      interviewer: investigator,
      place: programme.place,
      interviewee: interviewee.id,
      organisation: programme.organisation,
      programme: programme.code,
      consent: { scopes: consent, recorded_at: at, recorded_by: investigator },
      files: [],
      related_sources: [],
      summary: {
        en: `Fictional testimony: detention at ${camp.name.en ?? camp.id} after arrest in ${path.arrestYear}.`,
        ko: `가상 증언: ${path.arrestYear}년 체포 후 ${camp.name.ko ?? camp.id} 구금.`,
      },
    };
    const episode: Episode = {
      type: 'episode',
      ...meta(episodeId, 'internal'),
      person: interviewee.id,
      steps: path.steps,
      sources: [sourceId],
    };
    const extra = [
      ...corroborate(proofRandom, {
        source,
        acts,
        meta,
        earlier: earlierInterview.get(survivor.key),
        camp,
        campDate,
        interviewDate,
        lastMonth,
        at,
        otherCamp,
        mentionWitness: () => {
          const witness = mention(cellmateAt(camp, path.campFrom), CODES.role.witness);
          if (!witness.roles.includes(CODES.role.interviewee)) witness.roles.push(CODES.role.interviewee);
          return witness;
        },
        mentionOtherGuard: (year) => perpetrator(guardAt(camp, year), year).person,
        imageryOf: (facility, year) => {
          const id = `S-IMG-${facility.id}-${year}`;
          if (imagery.has(id)) return { id };
          imagery.set(id, id);
          return { id, created: imageryRecord(id, facility, year, programme) };
        },
      }),
    ];
    earlierInterview.set(survivor.key, sourceId);
    yield* mentioned.values();
    yield* extra;
    yield source;
    yield episode;
    yield* acts;
  }
}

/** Satellite imagery of a camp in one year, obtained by a programme (fictional, public). */
function imageryRecord(id: string, facility: Facility, year: number, programme: DemoProgramme): Source {
  const at = `${Math.min(year + 1, LAST_YEAR)}-01-15T00:00:00.000Z`;
  return {
    type: 'source',
    id,
    version: 1,
    created_at: at,
    created_by: 'demo-analyst',
    updated_at: at,
    updated_by: 'demo-analyst',
    status: 'verified',
    confidentiality: 'internal',
    kind: 'SATELLITE-IMAGERY',
    title: {
      en: `Fictional demo imagery of ${facility.id}, ${year}`,
      ko: `가상 예시 위성사진 ${facility.id} ${year}`,
    },
    date: { from: String(year) },
    languages: [],
    organisation: programme.organisation,
    programme: programme.code,
    files: [],
    related_sources: [],
    summary: {
      en: 'Fictional satellite imagery showing work sites in use.',
      ko: '가상 위성사진: 작업장 가동.',
    },
  };
}

function programmeActive(programme: DemoProgramme, year: number): boolean {
  return year >= programme.from && year <= programme.to;
}

function namesFor(individual: Individual, random: Random, self: boolean): Person['names'] {
  const names: Person['names'] = [];
  const hangul: NameForm = random.chance(self ? 0.7 : 0.5) ? 'HANGUL' : 'HANGUL-NORTH';
  if (self || random.chance(0.85))
    names.push({ value: writeName(individual.name, hangul, random), form: hangul });
  if (names.length === 0 || random.chance(self ? 0.5 : 0.2)) {
    const form = random.weighted<NameForm>([
      ['ROMANIZED-RR', 3],
      ['ROMANIZED-MR', 2],
      ['ROMANIZED-DPRK', 2],
      ['ROMANIZED-OTHER', 4],
    ]);
    names.push({ value: writeName(individual.name, form, random), form });
  }
  if (!self && random.chance(0.05))
    names.push({ value: writeName(individual.name, 'ALIAS', random), form: 'ALIAS' });
  return names;
}

function birthFor(individual: Individual, random: Random, self: boolean): FuzzyDate | undefined {
  const r = random.next();
  if (self ? r < 0.6 : r < 0.15) return { from: String(individual.birthYear) };
  if (self ? r < 0.85 : r < 0.55)
    return { from: String(individual.birthYear + random.int(-3, 3)), approximate: true };
  return undefined;
}

function groupFacilities(facilities: Facility[]): Map<string, Facility[]> {
  const map = new Map<string, Facility[]>();
  for (const f of facilities) map.set(f.facility_type, [...(map.get(f.facility_type) ?? []), f]);
  return map;
}

const TORTURE_METHODS = [
  CODES.act.beating,
  CODES.act.stress,
  CODES.act.sleep,
  CODES.act.cold,
  CODES.act.water,
  CODES.act.threats,
  CODES.act.incommunicado,
];

const RANKS = [
  { en: 'Warden', ko: '계호원' },
  { en: 'Interrogator', ko: '예심원' },
  { en: 'Guard', ko: '경비원' },
  { en: 'Second Lieutenant', ko: '소위' },
  { en: 'Lieutenant', ko: '중위' },
  { en: 'Captain', ko: '대위' },
  { en: 'Senior Lieutenant', ko: '상위' },
];
