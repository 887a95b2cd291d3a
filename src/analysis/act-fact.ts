import type { Act } from '../domain/act.ts';

/**
 * What the analysis needs of an act, and nothing identifying: codes, years, ids. Read from the
 * store's `act_facts` projection (kept by triggers) so a million acts load without parsing records;
 * counted as columns (`FactTable`).
 */
export type ActFact = {
  id: string;
  act_type: string;
  /** First and last possible year of the act's date; null when undated. */
  year_from: number | null;
  year_to: number | null;
  facility: string | null;
  status: string;
  confidentiality: string;
  victims: string[];
  perpetrators: { person: string; involvement: string }[];
  laws: string[];
  norms: string[];
  sources: string[];
};

/**
 * Consecutive rows of the projection as the store returns them: each column's values joined by
 * newlines (ids and codes never contain one), an empty string for null; lists comma-joined within
 * a value, perpetrators as `person:involvement`. One string per column keeps a million rows cheap
 * to read.
 */
export type ActFactChunk = {
  rows: number;
  id: string;
  act_type: string;
  year_from: string;
  year_to: string;
  facility: string;
  status: string;
  confidentiality: string;
  victims: string;
  perpetrators: string;
  laws: string;
  norms: string;
  sources: string;
};

/** An act fact from the act itself (the same thing the projection holds). */
export function factOfAct(act: Act): ActFact {
  return {
    id: act.id,
    act_type: act.act_type,
    year_from: act.date ? Number(act.date.from.slice(0, 4)) : null,
    year_to: act.date ? Number((act.date.to ?? act.date.from).slice(0, 4)) : null,
    facility: act.facility ?? null,
    status: act.status,
    confidentiality: act.confidentiality,
    victims: [...act.victims],
    perpetrators: act.perpetrators.map((p) => ({ person: p.person, involvement: p.involvement })),
    laws: act.legal_basis.map((b) => b.law),
    norms: [...act.norms],
    sources: act.sources.map((s) => s.source),
  };
}
