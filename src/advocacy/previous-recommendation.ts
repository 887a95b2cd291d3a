import { termOf } from '../domain/vocabulary.ts';
import type { Store } from '../store/store.ts';
import { followUpMapping } from '../upr/upr-follow-up.ts';
import type { UprRecommendation } from '../upr/upr-recommendation.ts';

/** A recommendation of an earlier review as the knowledge base holds it: one item, every state that made it. */
export type PreviousRecommendation = {
  paragraph: string | undefined;
  session: number;
  cycle: number;
  text: string;
  states: string[];
  response: 'supported' | 'noted' | null;
  /** The act types its issues concern (docs/upr.md, "Follow-up against evidence"). */
  act_types: string[];
  review_year: number | undefined;
};

/** Every recommendation to a state (all pages of the knowledge base), optionally of one session. */
export async function recommendationsTo(
  store: Store,
  state: string,
  session?: number,
): Promise<UprRecommendation[]> {
  const all: UprRecommendation[] = [];
  for (let offset = 0; ; offset += 1000) {
    const { rows } = await store.searchUprRecommendations({
      state_under_review: state,
      session,
      limit: 1000,
      offset,
    });
    all.push(...rows);
    if (rows.length < 1000) return all;
  }
}

/**
 * The recommendations a paragraph number (`124.56`) cites, grouped by session: one entry per
 * review in which the report numbered an item so (pass `session` when there are several).
 */
export async function findByParagraph(
  store: Store,
  state: string,
  paragraph: string,
  session?: number,
): Promise<PreviousRecommendation[]> {
  const rows = (await recommendationsTo(store, state, session)).filter((r) => r.paragraph === paragraph);
  return groupItems(rows);
}

/** The recommendation (one item, all its states) a knowledge-base row id belongs to. */
export async function findById(store: Store, state: string, id: string): Promise<PreviousRecommendation[]> {
  const rows = await recommendationsTo(store, state);
  const row = rows.find((r) => r.id === id);
  if (!row) return [];
  return groupItems(
    rows.filter((r) => r.session === row.session && (r.paragraph ?? r.text) === (row.paragraph ?? row.text)),
  );
}

/** Rows of the same item (session, paragraph or text) as one recommendation with all its states. */
export function groupItems(rows: readonly UprRecommendation[]): PreviousRecommendation[] {
  const { issues, session_years } = followUpMapping();
  const items = new Map<string, PreviousRecommendation>();
  for (const row of rows) {
    const key = `${row.session}|${row.paragraph ?? row.text}`;
    const item = items.get(key);
    if (item) {
      if (!item.states.includes(row.recommending_state)) item.states.push(row.recommending_state);
      continue;
    }
    items.set(key, {
      paragraph: row.paragraph,
      session: row.session,
      cycle: row.cycle,
      text: row.text,
      states: [row.recommending_state],
      response: row.response,
      act_types: [...new Set(row.issues.flatMap((issue) => issues[issue] ?? []))],
      review_year: session_years.years[String(row.session)],
    });
  }
  return [...items.values()];
}

const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth'];

/** How a submission cites a previous recommendation: "124.56 (Chile, France; second cycle, 2014)". */
export function citationOf(item: PreviousRecommendation): string {
  const cycle = `${ORDINALS[item.cycle - 1] ?? `cycle ${item.cycle}`} cycle`;
  const when = item.review_year === undefined ? `session ${item.session}` : String(item.review_year);
  const label = item.paragraph ?? `of session ${item.session}`;
  return `${label} (${item.states.join(', ')}; ${cycle}, ${when})`;
}

/** The English labels of act types, joined: "torture, inhuman conditions of detention". */
export function actTypeLabels(codes: readonly string[]): string {
  return codes.map((code) => (termOf('act-types', code)?.en ?? code).toLocaleLowerCase('en')).join(', ');
}
