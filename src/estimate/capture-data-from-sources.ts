import { type CaptureData, captureDataFromRows, MAX_LISTS } from './capture-data.ts';

/** What makes a list when estimating from the store: the documenting organisations, or their programmes. */
export const LIST_KINDS = ['organisation', 'programme'] as const;
export type ListKind = (typeof LIST_KINDS)[number];

/** The fields of a source record that estimation reads. */
export type SourceForLists = {
  organisation: string;
  programme?: string;
  interviewee?: string;
  deleted?: unknown;
};

/** Capture histories built from sources, with what was left out. */
export type SourcesAsLists = { data: CaptureData; skipped: { withoutInterviewee: number } };

/** Thrown when the sources make fewer than two lists or more than the estimators take. */
export class ListsError extends Error {}

/**
 * Turns interview sources into capture histories: each organisation (or organisation/programme)
 * is a list, each interviewee a unit, on every list that interviewed them. `resolve` maps a person
 * record to the individual it is (from record linkage); without it, person ids are taken as given.
 */
export function captureDataFromSources(
  sources: SourceForLists[],
  kind: ListKind,
  resolve: (person: string) => string = (person) => person,
): SourcesAsLists {
  const listsOf = new Map<string, Set<string>>();
  let withoutInterviewee = 0;
  for (const source of sources) {
    if (source.deleted) continue;
    if (!source.interviewee) {
      withoutInterviewee++;
      continue;
    }
    const list =
      kind === 'organisation' ? source.organisation : `${source.organisation}/${source.programme ?? '-'}`;
    const units = listsOf.get(list) ?? new Set<string>();
    listsOf.set(list, units);
    units.add(resolve(source.interviewee));
  }
  const lists = [...listsOf.keys()].sort();
  if (lists.length < 2)
    throw new ListsError(`only ${lists.length} ${kind}(s) with interviews: need two or more lists`);
  if (lists.length > MAX_LISTS)
    throw new ListsError(
      `${lists.length} ${kind}s: at most ${MAX_LISTS} lists (merge some, or use --lists organisation)`,
    );
  const histories = new Map<string, number[]>();
  lists.forEach((list, j) => {
    for (const unit of listsOf.get(list) ?? []) {
      const history = histories.get(unit) ?? new Array<number>(lists.length).fill(0);
      histories.set(unit, history);
      history[j] = 1;
    }
  });
  const rows = [...histories.values()].map((history) => ({ history, count: 1 }));
  return { data: captureDataFromRows(lists, rows), skipped: { withoutInterviewee } };
}
