/** A change mark's parts (see `Store.changeMark`): the last record, version, review and resolution run. */
export type MarkParts = { records: number; versions: number; reviews: number; runs: number };

/** The parts of a change mark, or `undefined` for a mark of another shape. */
export function markParts(mark: string): MarkParts | undefined {
  const numbers = mark.split(':').map(Number);
  if (numbers.length !== 4 || !numbers.every(Number.isInteger)) return undefined;
  const [records, versions, reviews, runs] = numbers as [number, number, number, number];
  return { records, versions, reviews, runs };
}

/** Whether `to` is the same state as `from` or a later one (no part moved back). */
export function isLater(from: MarkParts, to: MarkParts): boolean {
  return (
    to.records >= from.records &&
    to.versions >= from.versions &&
    to.reviews >= from.reviews &&
    to.runs >= from.runs
  );
}
