// Running headers, footers and footnotes removed from a report's printed lines: what is left is
// the body text, still line by line, with each line's indent on its page.
import type { PdfLine } from './pdf-lines.ts';

/** A line of body text, and how far it is indented from the leftmost body line of its page. */
export type BodyLine = { page: number; x: number; indent: number; text: string };

// Running headers and footers of UN documents: the symbol, "Page 3", a page number, the job number
// ("GE.14-07222 (E)", "GE.09-16375 21") and its bar-code text ("*1407222*").
const RUNNING_LINE = [
  /^A\/HRC\/[\w./-]+\*?$/,
  /^Page \d+$/i,
  /^\d+$/,
  /^(\d+ )?GE\.\d{2}-\d+( \(E\))?( \d+)?( \S+)?$/,
  /^\*\d+\*$/,
];
// The rule above footnotes ("_____") in older reports: the rest of the page is footnotes.
const FOOTNOTE_RULE = /^_{5,}$/;

/** The most common font height of the document's lines: the body text's. */
export function bodyHeight(lines: PdfLine[]): number {
  const counts = new Map<number, number>();
  for (const line of lines) counts.set(line.height, (counts.get(line.height) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 0;
}

/** Body lines of a report: no running headers and footers, no footnotes (smaller type or under a rule). */
export function bodyLines(lines: PdfLine[]): BodyLine[] {
  const height = bodyHeight(lines);
  const kept: PdfLine[] = [];
  let footnotesFrom: { page: number } | undefined;
  for (const line of lines) {
    if (footnotesFrom?.page === line.page) continue;
    if (FOOTNOTE_RULE.test(line.text)) {
      footnotesFrom = { page: line.page };
      continue;
    }
    // Smaller type is footnotes and running heads; pdfjs reports 0 for some lines, keep those.
    if (line.height > 0 && line.height < height * 0.92) continue;
    if (RUNNING_LINE.some((pattern) => pattern.test(line.text))) continue;
    kept.push(line);
  }
  const leftOf = new Map<number, number>();
  for (const line of kept) leftOf.set(line.page, Math.min(leftOf.get(line.page) ?? line.x, line.x));
  return kept.map((line) => ({
    page: line.page,
    x: line.x,
    indent: line.x - (leftOf.get(line.page) ?? line.x),
    text: line.text,
  }));
}

/**
 * Joins the lines of one paragraph into running text. A line ending in a hyphen is joined without
 * it only when the document spells the whole word without one elsewhere ("tele-/medicine"); UN
 * documents seldom hyphenate, so "ill-/treatment" keeps its hyphen.
 */
export function joinLines(lines: string[], wordsOfDocument: ReadonlySet<string>): string {
  let text = '';
  for (const line of lines) {
    if (text === '') text = line;
    else {
      const broken = /([\p{L}]+)-$/u.exec(text);
      const next = /^([\p{L}]+)/u.exec(line);
      if (broken?.[1] && next?.[1] && wordsOfDocument.has(`${broken[1]}${next[1]}`.toLowerCase()))
        text = `${text.slice(0, -1)}${line}`;
      else if (text.endsWith('-') && broken) text = `${text}${line}`;
      else text = `${text} ${line}`;
    }
  }
  return text.replace(/\s+/g, ' ').trim();
}

/** The words of the document (lower case), to decide hyphenation breaks. */
export function wordsOf(lines: BodyLine[]): Set<string> {
  const words = new Set<string>();
  for (const line of lines)
    for (const word of line.text.toLowerCase().match(/\p{L}+/gu) ?? []) words.add(word);
  return words;
}
