// The shape every advocacy document takes between building and export (Word, Markdown): pure data.
import type { FigureQuery } from '../provenance/figure-query.ts';

/** A run of a paragraph: text, or the mark of a footnote (its number, from 1, in `footnotes`). */
export type Run = { kind: 'text'; text: string } | { kind: 'footnote'; note: number };

/** A block of the document, in order. Numbered paragraphs carry their number (1, 2, …). */
export type Block =
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; number: number | null; runs: Run[]; style?: 'quotation' | 'recommendation' };

/** A figure inserted live, with what it counts and how to trace it. */
export type PlacedFigure = {
  /** What is counted (measure and filters; the basis apart). */
  query: FigureQuery;
  /** The numbered paragraph it appears in (null: in an unnumbered line). */
  paragraph: number | null;
  /** As shown, e.g. "1,204" or "fewer than 5". */
  shown: string;
  /** The count, or null when disclosure control withholds it. */
  value: number | null;
  /** What is counted, e.g. `acts: act_type=TORTURE year=2021` and the basis. */
  figure: string;
  basis: string;
  /** `daylight stats table` arguments giving the same count (its distinct total). */
  stats: string;
  /** `daylight explain` arguments listing the acts behind it. */
  explain: string;
};

/** A document ready to export. `words` counts what the word limit counts (see docs/advocacy.md). */
export type ReportDocument = {
  title: string;
  /** Lines under the title: the organisation(s), the session. */
  preamble: string[];
  blocks: Block[];
  footnotes: string[];
  /** After the document, not counted: e.g. the figures and how to trace them. */
  annex?: { heading: string; lines: string[] };
  words: number;
};

/** The text of a block without footnote marks. */
export function blockText(block: Block): string {
  if (block.kind === 'heading') return block.text;
  return block.runs.map((run) => (run.kind === 'text' ? run.text : '')).join('');
}

/** Annex lines for placed figures: where each is, what it counts, the commands that give and trace it. */
export function figureAnnexLines(figures: readonly PlacedFigure[]): string[] {
  return figures.map(
    (f, i) =>
      `F${i + 1}${f.paragraph === null ? '' : ` (paragraph ${f.paragraph})`}: ${f.shown} — ${f.figure}; basis ${f.basis}. Count: ${f.stats}. Acts: ${f.explain}`,
  );
}
