// `daylight upr extract`: a report PDF (and its addendum) read into recommendations and claims.
import { applyAddendum, readAddendumResponses } from './parse-addendum.ts';
import { documentSymbol, parseWorkingGroupReport } from './parse-working-group-report.ts';
import { readPdfLines } from './pdf-lines.ts';
import { readUprStates, StateNames } from './state-names.ts';
import type { ExtractedReport } from './working-group-report.ts';

let shippedStates: StateNames | undefined;

/** Extracts a Working Group report from its PDF; with an addendum, fills in the responses it gives. */
export async function extractWorkingGroupReport(
  reportPath: string,
  options: { addendumPath?: string; states?: StateNames } = {},
): Promise<ExtractedReport> {
  shippedStates ??= new StateNames(readUprStates());
  const report = parseWorkingGroupReport(await readPdfLines(reportPath), options.states ?? shippedStates);
  if (!options.addendumPath) return report;
  const addendumLines = await readPdfLines(options.addendumPath);
  const addendum = addendumLines.map((line) => line.text).join('\n');
  const addendumSymbol = documentSymbol(addendumLines);
  return {
    ...report,
    review:
      report.review && addendumSymbol
        ? {
            ...report.review,
            documents: [...report.review.documents, { kind: 'addendum', symbol: addendumSymbol }],
          }
        : report.review,
    recommendations: applyAddendum(report.recommendations, readAddendumResponses(addendum)),
  };
}
