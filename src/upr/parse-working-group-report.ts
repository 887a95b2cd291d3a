// A Working Group report, from its printed lines to recommendations and state claims (pure).
import { type BodyLine, bodyLines, joinLines, wordsOf } from './body-lines.ts';
import type { PdfLine } from './pdf-lines.ts';
import { readRecommendations } from './read-recommendations.ts';
import { type NumberedParagraph, numberedParagraphs } from './report-paragraphs.ts';
import { readReviewFacts } from './review-documents.ts';
import type { StateNames } from './state-names.ts';
import type { ExtractedReport, StateClaim } from './working-group-report.ts';

const ORDINALS = [
  'first',
  'second',
  'third',
  'fourth',
  'fifth',
  'sixth',
  'seventh',
  'eighth',
  'ninth',
  'tenth',
  'eleventh',
  'twelfth',
  'thirteenth',
  'fourteenth',
  'fifteenth',
  'sixteenth',
  'seventeenth',
  'eighteenth',
  'nineteenth',
  'twentieth',
];

/** "nineteenth", "twenty-first" or "21st" as a number. */
export function ordinalNumber(word: string): number | undefined {
  const w = word.toLowerCase();
  const digits = /^(\d+)(?:st|nd|rd|th)$/.exec(w);
  if (digits) return Number(digits[1]);
  const simple = ORDINALS.indexOf(w);
  if (simple >= 0) return simple + 1;
  const compound = /^(twenty|thirty|forty)-(\w+)$/.exec(w);
  if (compound?.[1] && compound[2]) {
    const unit = ORDINALS.indexOf(compound[2]);
    if (unit >= 0 && unit < 9)
      return { twenty: 20, thirty: 30, forty: 40 }[compound[1] as 'twenty'] + unit + 1;
  }
  if (w === 'thirtieth') return 30;
  if (w === 'fortieth') return 40;
  return undefined;
}

/** The document symbol printed on the cover: "A/HRC/27/10". */
export function documentSymbol(lines: PdfLine[]): string | null {
  for (const line of lines.filter((l) => l.page === 1)) {
    const symbol = /\bA\/HRC\/\d+\/\d+(?:\/Add\.\d+)?/.exec(line.text);
    if (symbol) return symbol[0];
  }
  return null;
}

const paragraphText = (paragraph: NumberedParagraph, words: ReadonlySet<string>): string =>
  joinLines(paragraph.lines, words);

/** Sessions and state under review, from paragraph 1: "held its nineteenth session … The review of X was held". */
function readIntroduction(
  first: string,
  states: StateNames,
): { session: number | null; state: string | null } {
  const session = /held its ([\w-]+) session/i.exec(first)?.[1];
  const reviewed = /The review of (?:the )?(.+?) (?:was|took place|has been) held/i.exec(first)?.[1];
  return {
    session: session ? (ordinalNumber(session) ?? null) : null,
    // "the Democratic People’s Republic of Korea (DPRK)": the name without its abbreviation.
    state: reviewed ? (states.nameOf(reviewed.replace(/\s*\([A-Z]+\)$/, '')) ?? null) : null,
  };
}

// Paragraphs of the dialogue that report the proceedings rather than anyone's words.
const PROCEEDINGS =
  /^(?:During|In the course of) the (?:interactive )?dialogue,? (?:\d+|[\w-]+) delegations/i;

/**
 * The state under review's own statements: every paragraph of its presentation, and the paragraphs
 * of the interactive dialogue that do not begin with another state speaking ("Japan was concerned").
 */
function readStateClaims(
  paragraphs: NumberedParagraph[],
  states: StateNames,
  stateUnderReview: string | null,
  words: ReadonlySet<string>,
): StateClaim[] {
  const claims: StateClaim[] = [];
  for (const paragraph of paragraphs) {
    if (paragraph.section !== 'presentation' && paragraph.section !== 'dialogue') continue;
    const text = paragraphText(paragraph, words);
    if (paragraph.section === 'dialogue') {
      if (PROCEEDINGS.test(text)) continue;
      const speaker = states.leadingName(text);
      if (speaker && speaker !== stateUnderReview) continue;
      if (/^(?:The )?(?:European Union|Holy See|Palestine|Sovereign Military Order)/i.test(text)) continue;
    }
    claims.push({ paragraph: String(paragraph.number), text });
  }
  return claims;
}

/** Reads a Working Group report from the printed lines of its PDF. */
export function parseWorkingGroupReport(lines: PdfLine[], states: StateNames): ExtractedReport {
  const body: BodyLine[] = bodyLines(lines);
  const words = wordsOf(body);
  const paragraphs = numberedParagraphs(body);
  const first = paragraphs.find((p) => p.number === 1);
  const { session, state } = first
    ? readIntroduction(paragraphText(first, words), states)
    : { session: null, state: null };
  const document = documentSymbol(lines);
  const introduction = paragraphs
    .filter((p) => p.section === 'introduction' || p.number <= 4)
    .map((p) => paragraphText(p, words))
    .join('\n');
  return {
    document,
    state_under_review: state,
    session,
    review: readReviewFacts(introduction, document),
    recommendations: readRecommendations(paragraphs, states, words),
    state_claims: readStateClaims(paragraphs, states, state, words),
  };
}
