import type { Store } from '../store/store.ts';

/**
 * Who each person record is, for counting: the individual the latest resolution run assigned, or
 * the record itself when no run has seen it (before the first run, or for records added since).
 */
export type Individuals = {
  of(personId: string): string;
  /** When the latest run was made, `undefined` if persons were never resolved. */
  resolvedAt: string | undefined;
  /** Person records the latest run did not see (counted as themselves). */
  unresolved(personIds: Iterable<string>): number;
};

/** Reads the latest person resolution from the store. */
export async function individuals(store: Store): Promise<Individuals> {
  const run = await store.resolution('person');
  const clusters = run?.clusters ?? new Map<string, string>();
  return {
    of: (id) => clusters.get(id) ?? id,
    resolvedAt: run?.ran_at,
    unresolved: (ids) => {
      let n = 0;
      for (const id of ids) if (!clusters.has(id)) n++;
      return n;
    },
  };
}
