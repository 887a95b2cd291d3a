import {
  AlignmentType,
  Document,
  Footer,
  FootnoteReferenceRun,
  HeadingLevel,
  LevelFormat,
  Packer,
  PageNumber,
  Paragraph,
  TextRun,
} from 'docx';
import type { Block, ReportDocument } from './report-document.ts';

const NUMBERING = 'numbered-paragraphs';
const FONT = 'Times New Roman';

/**
 * The document as Word (.docx), as OHCHR asks for submissions: numbered paragraphs (Word's own
 * numbering, so an editor can insert one), real footnotes, page numbers, Times New Roman 12.
 */
export async function reportDocx(document: ReportDocument): Promise<Uint8Array> {
  const footnotes = Object.fromEntries(
    document.footnotes.map((text, i) => [
      String(i + 1),
      { children: [new Paragraph({ children: [new TextRun({ text, size: 20 })] })] },
    ]),
  );
  const doc = new Document({
    creator: 'Daylight',
    title: document.title,
    styles: {
      default: {
        document: { run: { font: FONT, size: 24 } },
        heading1: { run: { font: FONT, size: 28, bold: true } },
        heading2: { run: { font: FONT, size: 24, bold: true } },
      },
    },
    numbering: {
      config: [
        {
          reference: NUMBERING,
          levels: [
            {
              level: 0,
              format: LevelFormat.DECIMAL,
              text: '%1.',
              alignment: AlignmentType.START,
              style: { paragraph: { indent: { left: 567, hanging: 567 } } },
            },
          ],
        },
      ],
    },
    footnotes,
    sections: [
      {
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: [PageNumber.CURRENT] })],
              }),
            ],
          }),
        },
        children: [
          new Paragraph({
            text: document.title,
            heading: HeadingLevel.TITLE,
            alignment: AlignmentType.CENTER,
          }),
          ...document.preamble.map(
            (line) =>
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ text: line, italics: true })],
              }),
          ),
          ...document.blocks.map(blockParagraph),
          ...(document.annex
            ? [
                new Paragraph({
                  text: document.annex.heading,
                  heading: HeadingLevel.HEADING_2,
                  pageBreakBefore: true,
                }),
                ...document.annex.lines.map(
                  (line) => new Paragraph({ children: [new TextRun({ text: line, size: 18 })] }),
                ),
              ]
            : []),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

function blockParagraph(block: Block): Paragraph {
  if (block.kind === 'heading') return new Paragraph({ text: block.text, heading: HeadingLevel.HEADING_1 });
  const children = block.runs.map((run) =>
    run.kind === 'text'
      ? new TextRun({ text: run.text, italics: block.style === 'quotation' })
      : new FootnoteReferenceRun(run.note),
  );
  return new Paragraph({
    children,
    numbering: block.number === null ? undefined : { reference: NUMBERING, level: 0 },
    indent: block.style === 'quotation' ? { left: 1134, right: 567 } : undefined,
    spacing: { after: 120 },
  });
}
