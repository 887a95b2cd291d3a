// A review and its documents, as a Working Group report's introduction states them (pure).
import { z } from 'zod';

/** The documents of a review: three prepared for it, the Working Group's report and its addendum. */
export const DOCUMENT_KINDS = [
  'national-report',
  'un-compilation',
  'stakeholder-summary',
  'working-group-report',
  'addendum',
] as const;

export const ReviewDocument = z.object({ kind: z.enum(DOCUMENT_KINDS), symbol: z.string().min(1) });
export type ReviewDocument = z.infer<typeof ReviewDocument>;

/** What the report says of the review itself. */
export const ReviewFacts = z.object({
  /** The day of the review meeting (YYYY-MM-DD). */
  date: z.string().nullable(),
  documents: z.array(ReviewDocument),
});
export type ReviewFacts = z.infer<typeof ReviewFacts>;

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

// "(a) National report … (A/HRC/WG.6/6/PRK/1)": the last number says which of the three it is.
const PREPARED = /A\/HRC\/WG\.6\/\d+\/[A-Z]{3}\/([123])(?:\/(?:Corr|Rev)\.\d)?/g;
const PREPARED_KINDS = { '1': 'national-report', '2': 'un-compilation', '3': 'stakeholder-summary' } as const;

/**
 * The review's date (paragraph 1: "The review of X was held at the 11th meeting on 7 December
 * 2009") and the documents issued for it (paragraph 3 lists the national report, the OHCHR
 * compilation and the summary of stakeholders' information by symbol), plus the report itself.
 */
export function readReviewFacts(introduction: string, reportSymbol: string | null): ReviewFacts {
  const day = /(?:held|took place)[^.]*?\bon (\d{1,2}) (\w+) (\d{4})/i.exec(introduction);
  const month = day ? MONTHS.indexOf((day[2] as string).toLowerCase()) : -1;
  const date =
    day && month >= 0
      ? `${day[3]}-${String(month + 1).padStart(2, '0')}-${(day[1] as string).padStart(2, '0')}`
      : null;
  const documents: ReviewDocument[] = [];
  for (const match of introduction.matchAll(PREPARED)) {
    const kind = PREPARED_KINDS[match[1] as '1' | '2' | '3'];
    if (!documents.some((d) => d.symbol === match[0])) documents.push({ kind, symbol: match[0] });
  }
  if (reportSymbol) documents.push({ kind: 'working-group-report', symbol: reportSymbol });
  return { date, documents };
}
