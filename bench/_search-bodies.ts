// The search entries the import writes for each record, rebuilt for the bare-loop baseline.
import type { DaylightRecord } from '../src/domain/record.ts';
import { searchTextOf } from '../src/domain/record.ts';
import { indexableText } from '../src/search/hangul-bigrams.ts';

/** `[seq, open, identifying]` for each record that has searchable text. */
export function searchBodies(rows: { seq: number; doc: string }[]): [number, string, string][] {
  const out: [number, string, string][] = [];
  for (const { seq, doc } of rows) {
    const { open, identifying } = searchTextOf(JSON.parse(doc) as DaylightRecord);
    if (open.length > 0 || identifying.length > 0)
      out.push([seq, indexableText(open), indexableText(identifying)]);
  }
  return out;
}
