import { RECORD_TYPES } from '../domain/record.ts';
import type { Store } from '../store/store.ts';

/**
 * Every record as JSON Lines, in a fixed order (record type, then id), tombstones included:
 * exporting, importing into an empty database and exporting again gives the same bytes.
 */
export async function* exportJsonLines(store: Store): AsyncGenerator<string> {
  for (const type of RECORD_TYPES) {
    for await (const json of store.exportRecords(type)) yield `${json}\n`;
  }
}
