import type { FieldKeys } from '../access/field-cipher.ts';
import type { Viewer } from '../access/roles.ts';
import type { Store } from '../store/store.ts';
import { type BuildIssue, DocumentBuilder, type Unconsented } from './document-builder.ts';
import { followUp } from './follow-up-paragraph.ts';
import { figureAnnexLines, type PlacedFigure, type ReportDocument } from './report-document.ts';
import { type SubmissionSpec, wordLimitOf } from './submission-spec.ts';
import { documentWords } from './word-count.ts';

/** What building a document gives: the document when nothing stopped it, and every issue met. */
export type BuildResult = {
  ok: boolean;
  document: ReportDocument | undefined;
  problems: BuildIssue[];
  warnings: BuildIssue[];
  figures: PlacedFigure[];
  words: number;
  limit: number;
};

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII', 'XIII', 'XIV', 'XV'];

/**
 * Builds a stakeholder submission from its spec: numbered paragraphs in sections (the organisation
 * and methodology, thematic findings, follow-up of previous recommendations, new recommendations),
 * figures counted live and disclosure-controlled, footnotes citing sources by code, quotations only
 * with quotation consent. Reports every problem (with its spec path) rather than stopping at the
 * first; `ok` is false if any, and then there is no document.
 */
export async function buildSubmission(
  store: Store,
  viewer: Viewer,
  keys: FieldKeys,
  spec: SubmissionSpec,
  options: { unconsented?: Unconsented } = {},
): Promise<BuildResult> {
  const builder = await DocumentBuilder.open(store, viewer, keys, spec, options.unconsented);
  let section = 0;
  const heading = (text: string) => builder.heading(`${ROMAN[section++] ?? section}. ${text}`);

  heading('The organisation and its methodology');
  for (const [i, paragraph] of spec.methodology.entries())
    await builder.paragraph(textOf(paragraph), ['methodology', i]);

  for (const [s, part] of spec.sections.entries()) {
    heading(part.heading);
    for (const [i, paragraph] of part.paragraphs.entries()) {
      const path = ['sections', s, 'paragraphs', i];
      if (typeof paragraph === 'object' && 'quotation' in paragraph)
        await builder.quotation(paragraph.quotation, path);
      else await builder.paragraph(textOf(paragraph), path);
    }
  }

  if (spec.follow_up.length > 0) {
    heading('Follow-up of recommendations of the previous review');
    for (const [i, item] of spec.follow_up.entries()) {
      const path = ['follow_up', i];
      await followUp(builder, store, item, spec, path);
    }
  }

  if (spec.recommendations.length > 0) {
    heading('Recommendations');
    await builder.paragraph(
      `${spec.organisations.length > 1 ? 'The submitting organisations recommend' : 'We recommend'} that ${spec.state_under_review}:`,
      ['recommendations'],
      { numbered: false },
    );
    for (const [i, text] of spec.recommendations.entries())
      await builder.paragraph(text, ['recommendations', i], { style: 'recommendation' });
  }

  const limit = wordLimitOf(spec);
  const draft: Omit<ReportDocument, 'words'> = {
    title: spec.title,
    preamble: [
      `${spec.organisations.length > 1 ? 'Joint submission by' : 'Submission by'} ${joinNames(spec.organisations)}`,
      ...(spec.session_label ? [spec.session_label] : []),
    ],
    blocks: builder.blocks,
    footnotes: builder.footnotes,
    annex:
      spec.figures_annex && builder.figures.length > 0
        ? {
            heading: 'Annex (not counted): the figures and how to trace them',
            lines: figureAnnexLines(builder.figures),
          }
        : undefined,
  };
  const words = documentWords(draft);
  const ok = builder.problems.length === 0;
  return {
    ok,
    document: ok ? { ...draft, words } : undefined,
    problems: builder.problems,
    warnings: builder.warnings,
    figures: builder.figures,
    words,
    limit,
  };
}

function textOf(paragraph: string | { text: string }): string {
  return typeof paragraph === 'string' ? paragraph : paragraph.text;
}

function joinNames(names: readonly string[]): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}
