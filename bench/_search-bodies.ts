// The search entries the import writes for each record, rebuilt for the bare-loop baseline.
import { blindTokens, type FieldKeys, revealRecord } from '../src/access/field-cipher.ts';
import { searchTextOf } from '../src/domain/record.ts';
import { indexableText } from '../src/search/hangul-bigrams.ts';

/** `[seq, open, identifying]` for each record that has searchable text, as the import computes them. */
export function searchBodies(
  rows: { seq: number; doc: string }[],
  keys: FieldKeys,
): [number, string, string][] {
  const out: [number, string, string][] = [];
  for (const { seq, doc } of rows) {
    const { open, identifying } = searchTextOf(revealRecord(JSON.parse(doc), keys));
    if (open.length > 0 || identifying.length > 0)
      out.push([seq, indexableText(open), blindTokens(identifying, keys).join(' ')]);
  }
  return out;
}
