import { blockText, type ReportDocument } from './report-document.ts';

/**
 * Words as a word processor counts them: runs of characters between white space that hold at least
 * one letter or digit ("—" alone is not a word; "1,204", "124.56" and "ill-treatment" are one each).
 */
export function countWords(text: string): number {
  let words = 0;
  for (const token of text.split(/\s+/)) if (/[\p{L}\p{N}]/u.test(token)) words++;
  return words;
}

/**
 * The words a document's limit counts: title, preamble, headings, paragraphs (numbers excluded,
 * Word numbers them) and footnotes; not the annex. See docs/advocacy.md.
 */
export function documentWords(document: Omit<ReportDocument, 'words'>): number {
  const parts = [
    document.title,
    ...document.preamble,
    ...document.blocks.map(blockText),
    ...document.footnotes,
  ];
  return parts.reduce((sum, part) => sum + countWords(part), 0);
}
