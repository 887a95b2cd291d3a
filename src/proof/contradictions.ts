import type { Act } from '../domain/act.ts';
import { dateBounds, type FuzzyDate } from '../domain/fuzzy-date.ts';

/** The fields of an act whose versions are compared across its sources. */
export const CONTRADICTED_FIELDS = ['date', 'facility', 'perpetrators'] as const;
export type ContradictedField = (typeof CONTRADICTED_FIELDS)[number];

/**
 * Two versions of one field that cannot both be true: a source's account against another source's
 * (`with` is that source's id), or against the act as coded (`with` is the act's id, `withCoding`).
 * Ids only: never the values, which may identify someone.
 */
export type Contradiction = { field: ContradictedField; source: string; with: string; withCoding: boolean };

type Version = { source: string; date?: FuzzyDate; facility?: string; perpetrators?: readonly string[] };

/**
 * Every contradiction within an act: between the accounts of two different sources, and between a
 * source's account and the act as coded. A source without an account of a field is not compared on it.
 */
export function findContradictions(act: Act): Contradiction[] {
  const coded: Version = {
    source: act.id,
    date: act.date,
    facility: act.facility,
    perpetrators: act.perpetrators.map((p) => p.person),
  };
  const accounts: Version[] = [];
  for (const claim of act.sources) {
    if (claim.account && !accounts.some((a) => a.source === claim.source))
      accounts.push({ source: claim.source, ...claim.account });
  }
  const found: Contradiction[] = [];
  for (const [i, account] of accounts.entries()) {
    for (const field of CONTRADICTED_FIELDS) {
      for (const other of accounts.slice(i + 1)) {
        if (disagree(field, account, other))
          found.push({ field, source: account.source, with: other.source, withCoding: false });
      }
      if (disagree(field, account, coded))
        found.push({ field, source: account.source, with: act.id, withCoding: true });
    }
  }
  return found;
}

function disagree(field: ContradictedField, a: Version, b: Version): boolean {
  if (field === 'date') return a.date !== undefined && b.date !== undefined && !mayOverlap(a.date, b.date);
  if (field === 'facility')
    return a.facility !== undefined && b.facility !== undefined && a.facility !== b.facility;
  const pa = a.perpetrators ?? [];
  const pb = b.perpetrators ?? [];
  return pa.length > 0 && pb.length > 0 && !pa.some((p) => pb.includes(p));
}

/**
 * Whether two fuzzy dates can mean the same time: their spans of days intersect. An approximate date
 * ("around 2015") is widened by a year on each side, so that approximations are not contradictions.
 */
export function mayOverlap(a: FuzzyDate, b: FuzzyDate): boolean {
  const [sa, sb] = [spanOf(a), spanOf(b)];
  return sa.earliest <= sb.latest && sb.earliest <= sa.latest;
}

function spanOf(date: FuzzyDate): { earliest: string; latest: string } {
  const bounds = dateBounds(date);
  if (!date.approximate) return bounds;
  // Day strings compare as text, so shifting the year is enough (a shifted 29 February still sorts right).
  const shift = (day: string, years: number) =>
    `${String(Number(day.slice(0, 4)) + years).padStart(4, '0')}${day.slice(4)}`;
  return { earliest: shift(bounds.earliest, -1), latest: shift(bounds.latest, 1) };
}
