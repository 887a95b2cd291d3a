// The state's responses in the addendum to a Working Group report (A/HRC/…/Add.1).
import type { ExtractedRecommendation, Response } from './working-group-report.ts';

// Phrases after which the listed recommendations are answered one way; the last one seen rules.
const NOTED =
  /\b(?:(?:does|do|did) not (?:accept|support|enjoy)|not (?:been )?(?:accepted|supported)|takes? note|noted|rejects?|rejected|cannot accept)\b/gi;
const SUPPORTED = /\b(?:accepts?|accepted|supports?|supported|enjoys? (?:the|its) support)\b/gi;
const REFERENCE = /\b(\d{1,3})\.(\d{1,3})\b(?:\s*(?:-|–|to)\s*(?:(\d{1,3})\.)?(\d{1,3})\b)?/g;

/**
 * Reads an addendum's running text into the response given to each recommendation it cites: every
 * "124.5" (or range "124.5–124.9") takes the response of the nearest answering phrase before it
 * ("accepts the following recommendations: …", "takes note of …").
 */
export function readAddendumResponses(text: string): Map<string, Response> {
  const marks: { at: number; response: Response }[] = [];
  for (const m of text.matchAll(SUPPORTED)) marks.push({ at: m.index, response: 'supported' });
  // A negative phrase contains a positive word ("does not accept"): it wins at the same place.
  for (const m of text.matchAll(NOTED)) marks.push({ at: m.index + m[0].length - 1, response: 'noted' });
  marks.sort((a, b) => a.at - b.at);
  const responses = new Map<string, Response>();
  for (const m of text.matchAll(REFERENCE)) {
    const before = marks.filter((mark) => mark.at < m.index).at(-1);
    if (!before) continue;
    const parent = Number(m[1]);
    const first = Number(m[2]);
    const last = m[4] !== undefined && (m[3] === undefined || Number(m[3]) === parent) ? Number(m[4]) : first;
    for (let item = first; item <= Math.max(first, last); item++)
      responses.set(`${parent}.${item}`, before.response);
  }
  return responses;
}

/** The report's recommendations with the addendum's answers filled in where the report had none. */
export function applyAddendum(
  recommendations: ExtractedRecommendation[],
  responses: Map<string, Response>,
): ExtractedRecommendation[] {
  return recommendations.map((r) =>
    r.response === null && responses.has(r.paragraph)
      ? { ...r, response: responses.get(r.paragraph) ?? null }
      : r,
  );
}
