import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { ceilingOf } from '../access/authorize.ts';
import { levelsUpTo, type Viewer } from '../access/roles.ts';
import { actsInScope, analysisData } from '../analysis/analysis-data.ts';
import { NO_YEAR } from '../analysis/fact-table.ts';
import { ancestorsOf, codeOf, REFERENCE_DIR } from '../domain/vocabulary.ts';
import type { Store } from '../store/store.ts';
import type { UprFilter, UprRecommendation } from './upr-recommendation.ts';

const Mapping = z.object({
  issues: z.record(z.string(), z.array(codeOf('act-types'))),
  session_years: z.object({ source: z.string(), years: z.record(z.string(), z.int()) }),
});
type Mapping = z.infer<typeof Mapping>;

let mapping: Mapping | undefined;
/** The shipped mapping of UPR Info issues to act types, and the year of each session. */
export function followUpMapping(): Mapping {
  if (mapping) return mapping;
  const parsed = Mapping.parse(
    JSON.parse(readFileSync(new URL('upr-issue-act-types.json', REFERENCE_DIR), 'utf8')),
  );
  // An act must not count twice for one issue: no listed type may be broader than another.
  for (const [issue, types] of Object.entries(parsed.issues))
    for (const type of types)
      if (ancestorsOf('act-types', type).some((a) => a !== type && types.includes(a)))
        throw new Error(`upr-issue-act-types.json: ${issue}: ${type} is already covered by a broader type`);
  mapping = parsed;
  return mapping;
}

/** One recommendation and the documented acts of the kinds it concerns, dated after its review. */
export type FollowUp = {
  recommendation: UprRecommendation;
  act_types: string[];
  review_year: number | undefined;
  /** Acts of those kinds that began in a year after the review's (the caller's statistics level). */
  acts_after: number;
};

/**
 * Sets recommendations beside the evidence: for each, the act types its issues concern and how many
 * documented acts of those types began after the year of its review — the basis for saying, in a
 * submission, that a supported recommendation has not been implemented. Year precision on both
 * sides (an act in the review's own year is not counted: it may predate the review). The acts
 * behind a number: `daylight explain --act-type T --from-year Y`.
 */
export async function followUp(store: Store, viewer: Viewer, filter: UprFilter): Promise<FollowUp[]> {
  const { rows } = await store.searchUprRecommendations(filter);
  const { issues, session_years } = followUpMapping();
  const ceiling = ceilingOf(viewer, 'view-statistics');
  // Acts counted once, by (act type or any broader type, year the act began), from the fact table.
  const data = await analysisData(store);
  const { table } = data;
  const scope =
    ceiling && viewer.role !== 'public'
      ? actsInScope(store, data, levelsUpTo(ceiling), false)
      : new Int32Array();
  const chains = table.actTypes.map((type) => ancestorsOf('act-types', type));
  const counts = new Map<string, number>();
  for (const i of scope) {
    const year = table.yearFrom[i] as number;
    if (year === NO_YEAR) continue;
    for (const type of chains[table.actType[i] as number] ?? [])
      counts.set(`${type}|${year}`, (counts.get(`${type}|${year}`) ?? 0) + 1);
  }
  const years = [...new Set([...counts.keys()].map((key) => Number(key.split('|')[1])))];
  return rows.map((recommendation) => {
    const actTypes = [...new Set(recommendation.issues.flatMap((issue) => issues[issue] ?? []))];
    const reviewYear = session_years.years[String(recommendation.session)];
    let after = 0;
    if (reviewYear !== undefined)
      for (const type of actTypes)
        for (const year of years) if (year > reviewYear) after += counts.get(`${type}|${year}`) ?? 0;
    return { recommendation, act_types: actTypes, review_year: reviewYear, acts_after: after };
  });
}
