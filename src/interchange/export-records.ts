import { type FieldKeys, revealRecord } from '../access/field-cipher.ts';
import { canonicalJson } from '../domain/canonical-json.ts';
import { RECORD_TYPES } from '../domain/record.ts';
import type { Store } from '../store/store.ts';

/**
 * Every record as JSON Lines, in a fixed order (record type, then id), tombstones included:
 * exporting, importing into an empty database and exporting again gives the same bytes.
 */
export async function* exportJsonLines(store: Store, keys: FieldKeys): AsyncGenerator<string> {
  for (const type of RECORD_TYPES) {
    for await (const json of storedPlaintext(store, type, keys)) yield `${json}\n`;
  }
}

/** Every record of a type as plaintext canonical JSON: protected fields decrypted, others as stored. */
export async function* storedPlaintext(
  store: Store,
  type: (typeof RECORD_TYPES)[number],
  keys: FieldKeys,
): AsyncGenerator<string> {
  for await (const json of store.exportRecords(type))
    yield json.includes('"sealed":') ? canonicalJson(revealRecord(JSON.parse(json), keys)) : json;
}
