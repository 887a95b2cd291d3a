import type { EpisodeStep, LegalBasis } from '../domain/episode.ts';
import type { Facility } from '../domain/facility.ts';
import type { FuzzyDate } from '../domain/fuzzy-date.ts';
import { CODES } from './demo-codes.ts';
import type { Individual } from './generate-demo.ts';
import type { Random } from './random.ts';

/** The demo's last year: interviews stop in October of it, so that nothing is dated in the future. */
export const LAST_YEAR = 2026;

/** One survivor's way through the system: arrest, pre-trial detention, trial, camp, release, interview. */
export type DetentionPath = ReturnType<typeof drawPath>;

/** Draws a detention path whose dates, laws and facilities follow the demo's trends. */
export function drawPath(random: Random, survivor: Individual, byType: Map<string, Facility[]>) {
  const arrestYear = random.weighted(ARREST_YEARS);
  const repatriated = random.chance(0.45);
  const legalBasis = lawsFor(random, arrestYear, repatriated, arrestYear - survivor.birthYear);
  const agency = random.weighted([
    [CODES.agency.mss, 5],
    [CODES.agency.msos, 4],
  ] as const);
  const pretrial = random.pick(
    byType.get(agency === CODES.agency.mss ? CODES.facilityType.mss : CODES.facilityType.msos) ??
      [...byType.values()].flat(),
  );
  const trial = random.weighted([
    ['none', 3],
    ['administrative', 2],
    ['court', 4],
    ['public-trial', 1],
  ] as const);
  const [campType, minYears, maxYears] = random.weighted([
    [[CODES.facilityType.labour, 0, 1], 35],
    [[CODES.facilityType.kyohwaso, 1, 8], 45],
    [[CODES.facilityType.kwanliso, 4, 15], 5],
    [[CODES.facilityType.jipkyulso, 0, 1], 15],
  ] as const);
  const camp = random.pick(byType.get(campType) ?? [...byType.values()].flat());
  const campFrom = arrestYear + (random.chance(0.2) ? 1 : 0);
  const releaseYear = Math.min(LAST_YEAR - 1, campFrom + random.int(minYears, maxYears));
  const interviewYear = Math.min(LAST_YEAR, releaseYear + random.int(1, 4));
  const arrestDate = fuzzyDate(random, arrestYear);
  const interrogationDate: FuzzyDate = { from: arrestDate.from.slice(0, 7), approximate: true };
  const sentenceDate: FuzzyDate = { from: String(campFrom) };
  const steps: EpisodeStep[] = [];
  if (repatriated)
    steps.push({
      kind: 'forced-repatriation',
      date: arrestDate,
      agency: CODES.agency.border,
      legal_basis: [],
    });
  steps.push({ kind: 'arrest', date: arrestDate, agency, facility: pretrial.id, legal_basis: legalBasis });
  steps.push({
    kind: 'interrogation',
    date: interrogationDate,
    facility: pretrial.id,
    agency,
    legal_basis: [],
  });
  steps.push({ kind: 'trial', date: sentenceDate, trial, legal_basis: legalBasis });
  steps.push({
    kind: 'sentence',
    date: sentenceDate,
    legal_basis: legalBasis,
    sentence: {
      facility_type: campType,
      months: Math.max(1, (releaseYear - campFrom) * 12 + random.int(0, 11)),
    },
  });
  steps.push({
    kind: 'detention',
    date: { from: String(campFrom), to: String(Math.max(campFrom, releaseYear)) },
    facility: camp.id,
    legal_basis: [],
  });
  steps.push({ kind: 'release', date: { from: String(releaseYear) }, legal_basis: [] });
  steps.push({
    kind: 'escape',
    date: { from: String(Math.min(LAST_YEAR, releaseYear + random.int(0, 2))), approximate: true },
    legal_basis: [],
  });
  return {
    arrestYear,
    arrestDate,
    interrogationDate,
    sentenceDate,
    repatriated,
    legalBasis,
    pretrial,
    trial,
    camp,
    campFrom,
    releaseYear,
    interviewYear,
    steps,
    heterogeneity: 0.3 + random.next() * 1.4,
  };
}

/** Detentions documented per year of arrest: steady, then rising after the 2020 act. */
const ARREST_YEARS: [number, number][] = Array.from({ length: 25 }, (_, i) => {
  const year = 2000 + i;
  return [year, year < 2020 ? 10 : year === 2020 ? 9 : 16 + (year - 2021) * 2];
});

function lawsFor(random: Random, year: number, repatriated: boolean, age: number): LegalBasis[] {
  if (year >= 2023 && random.chance(0.08)) return [{ law: CODES.law.language }];
  if (year >= 2022 && age < 30 && random.chance(0.25)) return [{ law: CODES.law.youth }];
  if (year >= 2021 && random.chance(0.5)) return [{ law: CODES.law.ricra }];
  if (repatriated) return [{ law: CODES.law.criminalCode }];
  return random.chance(0.8) ? [{ law: CODES.law.criminalCode }] : [{ law: CODES.law.administrative }];
}

function fuzzyDate(random: Random, year: number): FuzzyDate {
  const kind = random.next();
  if (kind < 0.15) return { from: `${year}-${pad(random.int(1, 12))}-${pad(random.int(1, 28))}` };
  if (kind < 0.6) return { from: `${year}-${pad(random.int(1, 12))}` };
  if (kind < 0.9) return { from: String(year) };
  return { from: String(year), approximate: true };
}

/** Two-digit month or day. */
export function pad(n: number): string {
  return String(n).padStart(2, '0');
}
