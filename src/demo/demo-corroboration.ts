import type { Act } from '../domain/act.ts';
import type { Assessment } from '../domain/assessment.ts';
import type { Facility } from '../domain/facility.ts';
import type { FuzzyDate } from '../domain/fuzzy-date.ts';
import type { Person } from '../domain/person.ts';
import type { Confidentiality, RecordMeta } from '../domain/record-meta.ts';
import type { Source } from '../domain/source.ts';
import { CODES } from './demo-codes.ts';
import { pad } from './detention-path.ts';
import type { Random } from './random.ts';

type ActSourceClaim = Act['sources'][number];
type Meta = (id: string, confidentiality: Confidentiality) => RecordMeta;

/** What one interview gives the corroboration step: its records so far, and how to mention more people. */
export type InterviewSoFar = {
  source: Source;
  acts: Act[];
  meta: Meta;
  /** The survivor's earlier interview by another programme, if any. */
  earlier?: string;
  camp: Facility;
  campDate: FuzzyDate;
  interviewDate: string;
  lastMonth: number;
  at: string;
  /** Another facility of the camp's type (for a facility contradiction). */
  otherCamp: Facility;
  /** Mentions a co-detainee who gives their own interview (a person record in this interview). */
  mentionWitness: () => Person;
  /** Mentions another guard of the camp, as a perpetrator a witness names instead. */
  mentionOtherGuard: (year: number) => string;
  /** Imagery of the camp for a year, shared by every act it shows (created once). */
  imageryOf: (camp: Facility, year: number) => { id: string; created?: Source };
};

/**
 * What makes the demo exercise corroboration and standards of proof (deterministic from `random`, a
 * stream of its own so the rest of the demo is drawn as before): interviews linked to the survivor's
 * earlier interview, co-detainees interviewed as witnesses (some at the same sitting), documents and
 * satellite imagery, accounts that disagree on date, facility or perpetrator, and assessments.
 */
export function* corroborate(
  random: Random,
  interview: InterviewSoFar,
): Generator<Source | Person | Assessment> {
  const { source, acts } = interview;
  const arrest = acts[0] as Act;
  const campActs = acts.filter(
    (a) => a.facility === interview.camp.id && a.victims[0] === source.interviewee,
  );
  // The same survivor told another programme before: the organisations know and link the interviews.
  if (interview.earlier && random.chance(0.5)) {
    source.related_sources = [interview.earlier];
    arrest.sources.push({ source: interview.earlier, connection: CODES.connection.victim });
  }
  // A leaked arrest or sentencing document.
  if (random.chance(0.04)) {
    const id = `${source.id}-D`;
    const claim: ActSourceClaim = { source: id, connection: 'DOCUMENT' };
    if (random.chance(0.25)) claim.account = { date: shiftYears(arrest.date, -3) };
    arrest.sources.push(claim);
    yield {
      type: 'source',
      ...interview.meta(id, 'restricted'),
      kind: 'OFFICIAL-DOCUMENT',
      title: { en: `Fictional demo document ${id}`, ko: `가상 예시 문서 ${id}` },
      date: arrest.date,
      languages: ['ko'],
      organisation: source.organisation,
      programme: source.programme,
      files: [],
      related_sources: [],
      summary: { en: 'Fictional arrest record obtained by the programme.', ko: '가상 체포 기록.' },
    } as Source;
    yield* assess(random, interview, id);
  }
  // Satellite imagery of the camp in the years of forced labour.
  const labour = campActs.find((a) => a.act_type === CODES.act.forcedLabour);
  if (labour && random.chance(0.06)) {
    const imagery = interview.imageryOf(interview.camp, Number(interview.campDate.from));
    labour.sources.push({ source: imagery.id, connection: 'PHYSICAL-EVIDENCE' });
    if (imagery.created) yield imagery.created;
  }
  // A co-detainee interviewed as a witness: at the same sitting (one cluster) or on another day.
  if (campActs.length > 0 && random.chance(0.06)) {
    const witness = interview.mentionWitness();
    const id = `${source.id}-W`;
    const together = random.chance(0.4);
    const date = together
      ? interview.interviewDate
      : `${interview.interviewDate.slice(0, 4)}-${pad(random.int(1, interview.lastMonth))}-${pad(random.int(1, 28))}`;
    yield {
      ...source,
      ...interview.meta(id, 'restricted'),
      date: { from: date },
      interviewee: witness.id,
      related_sources: [],
      title: { en: `Fictional demo witness interview ${id}`, ko: `가상 예시 목격자 면담 ${id}` },
      summary: { en: 'Fictional testimony of a co-detainee.', ko: '가상 증언: 함께 구금된 사람.' },
    };
    for (const act of campActs) {
      const claim: ActSourceClaim = {
        source: id,
        connection: random.chance(0.2) ? 'HEARSAY-FROM-VICTIM' : CODES.connection.eyewitness,
      };
      const year = Number(act.date?.from.slice(0, 4) ?? interview.campDate.from);
      const r = random.next();
      if (r < 0.08) claim.account = { date: shiftYears(act.date, -6) };
      else if (r < 0.16) claim.account = { facility: interview.otherCamp.id };
      else if (r < 0.24 && act.perpetrators.length > 0)
        claim.account = { perpetrators: [interview.mentionOtherGuard(year)] };
      act.sources.push(claim);
      // A reviewer weighs the witness's account of this act; an improbable one resolves a contradiction.
      if (random.chance(0.25)) yield credibility(random, interview, id, act.id, claim.account !== undefined);
    }
    yield* assess(random, interview, id);
  }
  yield* assess(random, interview, source.id);
}

function shiftYears(date: FuzzyDate | undefined, years: number): FuzzyDate {
  const from = Number(date?.from.slice(0, 4) ?? 2010) + years;
  return { from: String(from) };
}

const RELIABILITY: [string, number][] = [
  ['A', 2],
  ['B', 30],
  ['C', 38],
  ['D', 14],
  ['E', 6],
  ['F', 10],
];

const REASONS: Record<string, string> = {
  A: 'Fictional: account consistent in every detail across three interviews and with documents.',
  B: 'Fictional: consistent account; details of the facility match other testimonies.',
  C: 'Fictional: broadly consistent; some dates uncertain.',
  D: 'Fictional: inconsistent on several points between interviews.',
  E: 'Fictional: account contradicted by documents; earlier statements found unreliable.',
  F: 'Fictional: first contact; nothing yet to judge reliability by.',
};

// About two sources in five are assessed, by a reviewer, later on the day of the interview.
function* assess(random: Random, interview: InterviewSoFar, source: string): Generator<Assessment> {
  if (!random.chance(0.4)) return;
  const reliability = random.weighted(RELIABILITY);
  yield {
    type: 'assessment',
    ...assessmentMeta(random, interview, `AS-${source}`),
    source,
    reliability,
    assessor: `demo-reviewer-${random.int(1, 4)}`,
    at: reviewedAt(interview),
    reason: REASONS[reliability] as string,
  } as Assessment;
}

function credibility(
  random: Random,
  interview: InterviewSoFar,
  source: string,
  act: string,
  differs: boolean,
): Assessment {
  const code = differs
    ? random.weighted([
        ['5', 3],
        ['4', 2],
        ['2', 1],
      ])
    : random.weighted([
        ['1', 3],
        ['2', 4],
        ['3', 2],
      ]);
  return {
    type: 'assessment',
    ...assessmentMeta(random, interview, `AS-${source}-${act}`),
    source,
    act,
    credibility: code,
    assessor: `demo-reviewer-${random.int(1, 4)}`,
    at: reviewedAt(interview),
    reason:
      code === '5'
        ? 'Fictional: this account of the act is improbable against the other testimonies.'
        : 'Fictional: this account of the act agrees with what other sources say.',
  } as Assessment;
}

function assessmentMeta(_random: Random, interview: InterviewSoFar, id: string) {
  const { id: _, ...meta } = interview.meta(id, 'internal');
  return { id, ...meta, created_at: reviewedAt(interview), updated_at: reviewedAt(interview) };
}

function reviewedAt(interview: InterviewSoFar): string {
  return `${interview.interviewDate}T20:00:00.000Z`;
}
