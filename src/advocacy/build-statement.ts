import type { FieldKeys } from '../access/field-cipher.ts';
import type { Viewer } from '../access/roles.ts';
import type { Store } from '../store/store.ts';
import type { BuildResult } from './build-submission.ts';
import { DocumentBuilder, type Unconsented } from './document-builder.ts';
import { followUp } from './follow-up-paragraph.ts';
import { blockText, figureAnnexLines, type ReportDocument } from './report-document.ts';
import type { StatementSpec } from './statement-spec.ts';
import { type StatementTiming, statementTiming } from './statement-timing.ts';
import { countWords } from './word-count.ts';

/** A built statement: the document, and how long it takes to speak against the slot. */
export type StatementResult = Omit<BuildResult, 'limit'> & { timing: StatementTiming };

/**
 * Builds a pre-session statement: one line on the organisation, follow-up of earlier
 * recommendations, 3–5 recommendations (numbered), an optional closing; figures live and
 * disclosure-controlled, as in a submission. `words` counts what is spoken (every paragraph, not the
 * title or footnotes), and `timing` sets it against the slot at the spec's pace.
 */
export async function buildStatement(
  store: Store,
  viewer: Viewer,
  keys: FieldKeys,
  spec: StatementSpec,
  options: { unconsented?: Unconsented } = {},
): Promise<StatementResult> {
  const builder = await DocumentBuilder.open(store, viewer, keys, spec, options.unconsented);
  const unnumbered = { numbered: false };
  await builder.paragraph(spec.about, ['about'], unnumbered);
  for (const [i, item] of spec.follow_up.entries()) {
    if (typeof item === 'string') await builder.paragraph(item, ['follow_up', i], unnumbered);
    else await followUp(builder, store, item, spec, ['follow_up', i], unnumbered);
  }
  await builder.paragraph(
    `We ask States to recommend that ${spec.state_under_review}:`,
    ['recommendations'],
    unnumbered,
  );
  for (const [i, text] of spec.recommendations.entries())
    await builder.paragraph(text, ['recommendations', i], { style: 'recommendation' });
  if (spec.closing) await builder.paragraph(spec.closing, ['closing'], unnumbered);

  const words = builder.blocks.reduce((sum, block) => sum + countWords(blockText(block)), 0);
  const timing = statementTiming(words, spec.words_per_minute, spec.slot);
  const ok = builder.problems.length === 0;
  const document: ReportDocument = {
    title: spec.title ?? `Statement at the UPR pre-session on ${spec.state_under_review}`,
    preamble: [spec.organisation],
    blocks: builder.blocks,
    footnotes: builder.footnotes,
    annex:
      builder.figures.length > 0
        ? {
            heading: 'Annex (not spoken): the figures and how to trace them',
            lines: figureAnnexLines(builder.figures),
          }
        : undefined,
    words,
  };
  return {
    ok,
    document: ok ? document : undefined,
    problems: builder.problems,
    warnings: builder.warnings,
    figures: builder.figures,
    words,
    timing,
  };
}
