// A report's body cut into its numbered paragraphs, and the recommendation items numbered inside
// them, each with the section it sits in.
import type { BodyLine } from './body-lines.ts';

/** The parts of a Working Group report whose paragraphs mean different things. */
export const REPORT_SECTIONS = ['introduction', 'presentation', 'dialogue', 'conclusions', 'other'] as const;
export type ReportSection = (typeof REPORT_SECTIONS)[number];

/** A recommendation item under a paragraph: "124.56" or, in older reports, "56." under "114.". */
export type NumberedItem = { number: number; lines: string[] };

/** A numbered paragraph, its lines up to its first item, and its items. */
export type NumberedParagraph = {
  number: number;
  section: ReportSection;
  lines: string[];
  items: NumberedItem[];
};

const SECTION_HEADINGS: [RegExp, ReportSection][] = [
  [/^[A-D]\.\s+Presentation by the State/i, 'presentation'],
  [/^[A-D]\.\s+Interactive dialogue/i, 'dialogue'],
  [/^(?:I|II|III)\.\s+Conclusions and\/or recommendations/i, 'conclusions'],
  [/^(?:III|IV|V)\.\s+(?:Voluntary|Pledges)/i, 'other'],
];
const CONTENTS_LEADER = /\.{5,}/;

/**
 * Cuts body lines into numbered paragraphs. A line "N." starts paragraph N only when N follows the
 * last paragraph; in the conclusions, "N.K" or an indented "K." starts item K when K follows the
 * last item. Where both could follow (item 84 under paragraph 82, then paragraph 83), the indent
 * decides: paragraphs start left of their items.
 */
export function numberedParagraphs(lines: BodyLine[]): NumberedParagraph[] {
  const paragraphs: NumberedParagraph[] = [];
  let section: ReportSection = 'introduction';
  let current: NumberedParagraph | undefined;
  let item: NumberedItem | undefined;
  let itemIndent = 0;
  for (const line of lines) {
    if (CONTENTS_LEADER.test(line.text)) continue;
    const text = line.text.replace(/\*+$/, '').trim();
    const heading = SECTION_HEADINGS.find(([pattern]) => pattern.test(text));
    if (heading) {
      section = heading[1];
      item = undefined;
      continue;
    }
    if (/^Annex\b/i.test(text) && section !== 'introduction') break;
    const last = current?.number ?? 0;
    const lastItem = current?.items.at(-1)?.number ?? 0;

    const dotted = /^(\d{1,3})\.(\d{1,3})\.?\s+(.*)$/.exec(text);
    // The parent must be the current paragraph, but a misprinted parent ("136.69" between 138.68
    // and 138.70) is read as the current paragraph's next item.
    if (current && section === 'conclusions' && dotted && (Number(dotted[1]) === last || lastItem > 0)) {
      if (Number(dotted[2]) === lastItem + 1) {
        item = { number: lastItem + 1, lines: [dotted[3] ?? ''] };
        current.items.push(item);
        itemIndent = line.indent;
        continue;
      }
    }
    const numbered = /^(\d{1,3})(\.?)\s+(.*)$/.exec(text);
    if (numbered) {
      const n = Number(numbered[1]);
      const canBeParagraph = n === last + 1 && numbered[2] === '.';
      const canBeItem = current !== undefined && section === 'conclusions' && n === lastItem + 1;
      const isParagraph = canBeParagraph && (!canBeItem || line.indent < itemIndent - 10);
      if (isParagraph) {
        current = { number: n, section, lines: [numbered[3] ?? ''], items: [] };
        paragraphs.push(current);
        item = undefined;
        continue;
      }
      if (canBeItem && current) {
        item = { number: n, lines: [numbered[3] ?? ''] };
        current.items.push(item);
        itemIndent = line.indent;
        continue;
      }
    }
    if (item) item.lines.push(text);
    else current?.lines.push(text);
  }
  return paragraphs;
}
