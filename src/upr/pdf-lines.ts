// The one place that reads PDF files: pdfjs-dist's text layer, grouped into lines. Everything
// after this (headers, footnotes, numbering, states) is pure and works on `PdfLine`s.
import { readFile } from 'node:fs/promises';

/** One printed line of a page: its position (PDF points, origin bottom left), font height and text. */
export type PdfLine = {
  page: number;
  /** Baseline height from the bottom of the page. */
  y: number;
  /** Left edge of the line's first non-blank piece of text. */
  x: number;
  /** The tallest font on the line (superscripts excluded). */
  height: number;
  text: string;
};

// The small surface of pdfjs-dist we use, typed here so that its DOM-flavoured types stay out.
type TextItem = { str: string; transform: number[]; height: number; width: number };
type PdfPage = { getTextContent(): Promise<{ items: unknown[] }>; cleanup(): void };
type PdfDocument = { numPages: number; getPage(n: number): Promise<PdfPage>; destroy(): Promise<void> };
type PdfJs = {
  getDocument(options: { data: Uint8Array; verbosity: number; isEvalSupported: boolean }): {
    promise: Promise<PdfDocument>;
  };
};

let pdfjs: Promise<PdfJs> | undefined;
const loadPdfJs = (): Promise<PdfJs> => {
  pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs') as unknown as Promise<PdfJs>;
  return pdfjs;
};

const isTextItem = (item: unknown): item is TextItem =>
  typeof item === 'object' && item !== null && 'str' in item && 'transform' in item;

/** Reads a PDF file into its printed lines, page by page, top to bottom. */
export async function readPdfLines(path: string): Promise<PdfLine[]> {
  const { getDocument } = await loadPdfJs();
  const data = new Uint8Array(await readFile(path));
  const document = await getDocument({ data, verbosity: 0, isEvalSupported: false }).promise;
  try {
    const lines: PdfLine[] = [];
    for (let page = 1; page <= document.numPages; page++) {
      const pdfPage = await document.getPage(page);
      const content = await pdfPage.getTextContent();
      lines.push(...groupLines(page, content.items.filter(isTextItem)));
      pdfPage.cleanup();
    }
    return lines;
  } finally {
    await document.destroy();
  }
}

type Piece = { x: number; y: number; height: number; str: string };

/** Groups a page's text pieces into lines by baseline; superscripts (footnote marks) are dropped. */
export function groupLines(page: number, items: TextItem[]): PdfLine[] {
  const pieces: Piece[] = items.map((item) => ({
    x: item.transform[4] ?? 0,
    y: item.transform[5] ?? 0,
    height: item.height,
    str: item.str,
  }));
  const byBaseline = new Map<number, Piece[]>();
  for (const piece of pieces) {
    const y = Math.round(piece.y);
    // A superscript sits a few points above the baseline of its line: attach it there.
    const key = [y, y - 1, y + 1].find((k) => byBaseline.has(k)) ?? y;
    const line = byBaseline.get(key) ?? [];
    line.push(piece);
    byBaseline.set(key, line);
  }
  const lines: PdfLine[] = [];
  for (const [y, line] of byBaseline) {
    line.sort((a, b) => a.x - b.x);
    const height = Math.max(0, ...line.filter((p) => p.str.trim() !== '').map((p) => p.height));
    // Footnote marks: short pieces in a clearly smaller font than the rest of the line.
    const kept = line.filter(
      (p) => !(p.str.trim() !== '' && p.height < height * 0.8 && /^[\d*∗,\s]+$/.test(p.str)),
    );
    const text = kept
      .map((p) => p.str)
      .join('')
      .replace(/\s+/g, ' ')
      .trim();
    const first = kept.find((p) => p.str.trim() !== '');
    if (text === '' || !first) continue;
    lines.push({ page, y, x: Math.round(first.x), height: Math.round(height * 10) / 10, text });
  }
  return lines.sort((a, b) => b.y - a.y);
}
