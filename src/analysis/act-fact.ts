import type { Act } from '../domain/act.ts';

/**
 * What the analysis needs of an act, and nothing identifying: codes, years, ids. Read from the
 * store's `act_facts` projection (kept by triggers) so a million acts load without parsing records.
 */
export type ActFact = {
  /** Position in the loaded list (for `AnalysisContext.units`); absent for facts made elsewhere. */
  index?: number;
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

/** The projection row as the store returns it (lists comma-joined). */
export type ActFactRow = {
  id: string;
  act_type: string;
  year_from: number | null;
  year_to: number | null;
  facility: string | null;
  status: string;
  confidentiality: string;
  victims: string | null;
  perpetrators: string | null;
  laws: string | null;
  norms: string | null;
  sources: string | null;
};

const list = (joined: string | null): string[] => (joined ? joined.split(',') : []);

/** An act fact from its projection row. */
export function factOfRow(row: ActFactRow): ActFact {
  return {
    id: row.id,
    act_type: row.act_type,
    year_from: row.year_from,
    year_to: row.year_to,
    facility: row.facility,
    status: row.status,
    confidentiality: row.confidentiality,
    victims: list(row.victims),
    perpetrators: list(row.perpetrators).map((p) => {
      const at = p.lastIndexOf(':');
      return { person: p.slice(0, at), involvement: p.slice(at + 1) };
    }),
    laws: list(row.laws),
    norms: list(row.norms),
    sources: list(row.sources),
  };
}

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
