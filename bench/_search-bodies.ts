// The search entries the import writes for each record, rebuilt for the bare-loop baseline.
import type { DaylightRecord } from '../src/domain/record.ts';
import { searchTextOf } from '../src/domain/record.ts';
import { indexableText } from '../src/search/hangul-bigrams.ts';

/** `[seq, body]` for each record that has searchable text. */
export function searchBodies(rows: { seq: number; doc: string }[]): [number, string][] {
  const out: [number, string][] = [];
  for (const { seq, doc } of rows) {
    const text = searchTextOf(JSON.parse(doc) as DaylightRecord);
    if (text.length > 0) out.push([seq, indexableText(text)]);
  }
  return out;
}
