import type { Store } from '../store/store.ts';
import type { DocumentBuilder, SpecPath } from './document-builder.ts';
import {
  actTypeLabels,
  citationOf,
  findById,
  findByParagraph,
  type PreviousRecommendation,
} from './previous-recommendation.ts';

/** A previous recommendation to follow up, as a spec cites it. */
export type FollowUpItem = {
  paragraph?: string;
  recommendation_id?: string;
  session?: number;
  comment?: string;
  /** Overrides the act types the knowledge base's issues give. */
  act_types?: string[];
};

/**
 * A paragraph following up one recommendation of an earlier review, cited by its paragraph number:
 * what was asked and by whom, the state's response (UPR knowledge base), and the acts of the kinds
 * it concerns documented since the review (a live figure, as `daylight upr follow-up` counts them,
 * on the document's basis and disclosure-controlled), then the organisation's comment.
 */
export async function followUp(
  builder: DocumentBuilder,
  store: Store,
  item: FollowUpItem,
  document: { state_under_review: string; basis: string },
  path: SpecPath,
  options: { numbered?: boolean } = {},
): Promise<void> {
  const state = document.state_under_review;
  const found = item.paragraph
    ? await findByParagraph(store, state, item.paragraph, item.session)
    : await findById(store, state, item.recommendation_id ?? '');
  if (found.length !== 1) {
    const cited = item.paragraph ?? item.recommendation_id;
    builder.problems.push({
      path: [...path, found.length > 1 ? 'session' : item.paragraph ? 'paragraph' : 'recommendation_id'],
      message:
        found.length === 0
          ? `recommendation ${cited} to ${state} is not in the UPR knowledge base${item.paragraph ? ' (import its Working Group report: daylight upr extract REPORT.pdf --import)' : ''}`
          : `recommendation ${cited} is in ${found.length} reviews (sessions ${found.map((f) => f.session).join(', ')}): give its session`,
    });
    return;
  }
  const stored = found[0] as PreviousRecommendation;
  const recommendation = item.act_types ? { ...stored, act_types: item.act_types } : stored;
  const response =
    recommendation.response === 'supported'
      ? `${state} supported it.`
      : recommendation.response === 'noted'
        ? `${state} noted it.`
        : `${state} has not responded to it.`;
  let evidence = '';
  const placed = builder.figures.length;
  if (recommendation.act_types.length > 0 && recommendation.review_year !== undefined) {
    const shown = await builder.figure(
      { measure: 'acts', act_types: recommendation.act_types, after_year: recommendation.review_year },
      null,
      path,
    );
    if (shown === undefined) return;
    evidence = ` Since ${recommendation.review_year + 1}, ${shown} ${basisWords(document.basis)} acts of the kinds it concerns (${actTypeLabels(recommendation.act_types)}) have been documented.`;
  }
  const text = `Recommendation ${citationOf(recommendation)}: “${recommendation.text}”. ${response}${evidence}${item.comment ? ` ${item.comment}` : ''}`;
  await builder.paragraph(text, path, { numbered: options.numbered });
  // The figure was counted before its paragraph had a number: give it the paragraph's.
  const figure = builder.figures[placed];
  const block = builder.blocks.at(-1);
  if (figure && block?.kind === 'paragraph') figure.paragraph = block.number;
}

function basisWords(basis: string): string {
  if (basis === 'documented') return 'documented';
  if (basis === 'verified') return 'verified';
  return `established (${basis.slice('standard:'.length)})`;
}
