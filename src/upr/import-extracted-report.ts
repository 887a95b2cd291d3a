import { createHash } from 'node:crypto';
import { authorize } from '../access/authorize.ts';
import type { Viewer } from '../access/roles.ts';
import type { Store } from '../store/store.ts';
import { readUprStates } from './state-names.ts';
import { cycleOfSession, UprRecommendation } from './upr-recommendation.ts';
import type { ExtractedReport } from './working-group-report.ts';

/**
 * Puts what `upr extract` read from a Working Group report into the knowledge base: one row per
 * recommendation item and recommending state (as UPR Info counts them), with the report's
 * paragraph number, and the state's own statements as state claims. Refused when the review is
 * already there from another source (e.g. UPR Info's data), so that nothing is counted twice;
 * re-importing the same report changes nothing. Audited.
 */
export async function importExtractedReport(
  store: Store,
  viewer: Viewer,
  report: ExtractedReport,
): Promise<{ recommendations: number; inserted: number; claims: number }> {
  authorize(viewer, 'write-records', 'public');
  const { document, state_under_review: state, session } = report;
  if (!document || !state || session === null)
    throw new Error('the report gave no document symbol, state under review or session: cannot import it');
  const existing = await store.searchUprRecommendations({
    state_under_review: state,
    session,
    limit: 1,
    offset: 0,
  });
  if (existing.rows.some((r) => r.source !== document))
    throw new Error(
      `${state}'s review in session ${session} is already in the knowledge base from ${existing.rows[0]?.source}; not importing ${document} over it`,
    );
  const groups = new Map(readUprStates().map((s) => [s.name, s.group]));
  const rows = report.recommendations.flatMap((item) =>
    item.recommending_states.map((from) =>
      UprRecommendation.parse({
        id: `report-${createHash('sha256').update([document, item.paragraph, from].join('\u0000')).digest('hex').slice(0, 24)}`,
        state_under_review: state,
        cycle: cycleOfSession(session),
        session,
        paragraph: item.paragraph,
        text: item.text,
        recommending_state: from,
        recommending_group: groups.get(from),
        response: item.response,
        action: null,
        issues: [],
        source: document,
      }),
    ),
  );
  const { inserted } = await store.addUprRecommendations(rows);
  if (report.review)
    await store.addUprReview({
      state_under_review: state,
      session,
      cycle: cycleOfSession(session),
      date: report.review.date,
      documents: report.review.documents,
    });
  const claims = await store.addUprStateClaims(
    report.state_claims.map((c) => ({
      document,
      state_under_review: state,
      session,
      paragraph: c.paragraph,
      text: c.text,
    })),
  );
  if (inserted > 0 || claims > 0)
    await store.appendAudit({
      at: new Date().toISOString(),
      actor: viewer.user,
      action: 'import-upr-report',
      target: document,
      detail: { recommendations: inserted, state_claims: claims },
    });
  return { recommendations: rows.length, inserted, claims };
}
