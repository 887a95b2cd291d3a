import { type FieldKeys, revealRecord } from '../access/field-cipher.ts';
import type { RecordType } from '../domain/record.ts';
import type { Store } from '../store/store.ts';

/**
 * Every live (not deleted) record of a type, revealed, streamed in storage order. For batch jobs
 * that need all records (proof, resolution); callers decide what the viewer may see of the result.
 */
export async function* liveRecords<T>(store: Store, type: RecordType, keys: FieldKeys): AsyncGenerator<T> {
  for await (const json of store.exportRecords(type)) {
    const stored = JSON.parse(json) as Record<string, unknown>;
    if (stored.deleted !== undefined) continue;
    yield revealRecord(stored, keys) as T;
  }
}
