import { type Individuals, individuals } from '../resolution/individuals.ts';
import { isLater, markParts } from '../store/change-mark.ts';
import type { Store } from '../store/store.ts';
import type { FactTable } from './fact-table.ts';
import { FactTableBuilder } from './fact-table-builder.ts';
import { decodeFacts, encodeFacts, type NumberedFacts } from './fact-table-codec.ts';

const FACTS = 'facts';
/** Beyond this share of rows no longer live (and this many), a table is rebuilt rather than updated. */
const MOST_DEAD = { share: 0.2, rows: 10_000 };
/** An update of fewer rows than this is not saved (the next process applies it again from the saved state). */
const SAVE_FROM_ROWS = 1_000;

/**
 * A fact table with the database state (`Store.changeMark`) it reflects, and the builder that made
 * it when it was made in this process (continuing it saves copying a million rows per update).
 */
export type MarkedFacts = {
  mark: string;
  facts: NumberedFacts;
  builder?: FactTableBuilder;
  /** Who is who and their numbers, as used for `facts.units` (reused while no resolution run). */
  numbering?: Numbering;
};

type Numbering = { who: Individuals; numbers: Map<string, number> };

/**
 * The fact table for the database's state `mark`: the one known (in memory, else the snapshot
 * saved in the database) when it reflects that state; else that one brought up to date — acts
 * added since are appended, acts edited or reviewed since are read again and their old rows marked
 * no longer live; else (nothing known, or too much changed) built from the whole projection. A
 * rebuild, or an update of many rows, is saved as the snapshot for the next process.
 */
export async function factsAt(store: Store, mark: string, known?: MarkedFacts): Promise<MarkedFacts> {
  const previous = known ?? (await savedFacts(store));
  if (previous?.mark === mark) return previous;
  const update = previous && (await updatedFacts(store, previous, mark));
  if (update) {
    if (update.rows >= SAVE_FROM_ROWS || !known)
      await store.saveAnalysisSnapshot(FACTS, mark, encodeFacts(update.facts));
    return { mark, ...update };
  }
  const builder = new FactTableBuilder();
  for await (const chunk of store.actFacts()) builder.addChunk(chunk);
  const { facts, numbering } = await numbered(store, builder.build());
  await store.saveAnalysisSnapshot(FACTS, mark, encodeFacts(facts));
  return { mark, facts, builder, numbering };
}

async function savedFacts(store: Store): Promise<MarkedFacts | undefined> {
  const saved = await store.analysisSnapshot(FACTS);
  if (!saved) return undefined;
  try {
    return { mark: saved.mark, facts: decodeFacts(saved.data) };
  } catch {
    return undefined;
  }
}

async function updatedFacts(
  store: Store,
  previous: MarkedFacts,
  mark: string,
): Promise<
  { facts: NumberedFacts; builder: FactTableBuilder; numbering: Numbering; rows: number } | undefined
> {
  const from = markParts(previous.mark);
  const to = markParts(mark);
  if (!from || !to || !isLater(from, to)) return undefined;
  const { records, versions, reviews } = from;
  const changed = await store.changedRecordIds({ versions, reviews });
  const table = previous.facts.table;
  const builder = previous.builder ?? new FactTableBuilder(table);
  if (changed.length > 0) {
    const ids = new Set(changed);
    table.ids.forEach((id, row) => {
      if (ids.has(id)) builder.kill(row);
    });
  }
  let rows = 0;
  for await (const chunk of store.actFacts(undefined, { afterSeq: records, ids: changed })) {
    builder.addChunk(chunk);
    rows += chunk.rows;
  }
  const updated = builder.build();
  let dead = 0;
  for (const d of updated.dead ?? []) dead += d;
  if (dead > MOST_DEAD.rows && dead > MOST_DEAD.share * updated.size) return undefined;
  // The same resolution: the numbers stand, persons new to the table are numbered after them.
  const same = from.runs === to.runs ? previous : undefined;
  return { ...(await numbered(store, updated, same)), builder, rows };
}

/**
 * Numbers the individuals the table's persons resolve to (the latest resolution run); with `from`
 * (same resolution), its numbers are kept and only persons new to the table are looked up.
 */
async function numbered(
  store: Store,
  table: FactTable,
  from?: MarkedFacts,
): Promise<{ facts: NumberedFacts; numbering: Numbering }> {
  const kept = from?.numbering;
  const who = kept?.who ?? (await individuals(store));
  const numbers = kept?.numbers ?? new Map<string, number>();
  const units = new Int32Array(table.personIds.length);
  const start = kept ? (from?.facts.units.length ?? 0) : 0;
  if (kept) units.set((from as MarkedFacts).facts.units.subarray(0, start));
  for (let k = start; k < table.personIds.length; k++) {
    const individual = who.of(table.personIds[k] as string);
    let n = numbers.get(individual);
    if (n === undefined) {
      n = numbers.size;
      numbers.set(individual, n);
    }
    units[k] = n;
  }
  return { facts: { table, units, unitCount: numbers.size }, numbering: { who, numbers } };
}
