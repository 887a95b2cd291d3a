// Reading a generated .docx in tests: its parts unzipped, and the text of each paragraph.
import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';

/** The XML parts of a .docx file, by name (`word/document.xml`, `word/footnotes.xml`, …). */
export function docxParts(path: string): Record<string, string> {
  const files = unzipSync(new Uint8Array(readFileSync(path)));
  return Object.fromEntries(Object.entries(files).map(([name, data]) => [name, strFromU8(data)]));
}

/** Each `<w:p>` of a part: its text (runs joined, entities decoded) and whether Word numbers it. */
export function docxParagraphs(xml: string): { text: string; numbered: boolean }[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((match) => ({
    text: [...match[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
      .map((t) => decode(t[1] as string))
      .join(''),
    numbered: match[0].includes('<w:numPr>'),
  }));
}

function decode(text: string): string {
  return text
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&quot;', '"')
    .replaceAll('&apos;', "'")
    .replaceAll('&amp;', '&');
}
