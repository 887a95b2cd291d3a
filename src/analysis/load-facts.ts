import { individuals } from '../resolution/individuals.ts';
import type { Store } from '../store/store.ts';
import type { FactTable } from './fact-table.ts';
import { FactTableBuilder } from './fact-table-builder.ts';
import { decodeFacts, encodeFacts, type NumberedFacts } from './fact-table-codec.ts';

const FACTS = 'facts';
/** Beyond this share of rows no longer live (and this many), a table is rebuilt rather than updated. */
const MOST_DEAD = { share: 0.2, rows: 10_000 };

/** The fact table of the database at `mark`, with what it was made from (for the next update). */
export type MarkedFacts = { mark: string; facts: NumberedFacts };

/**
 * The fact table for the database's state `mark`: the one known (in memory, else the snapshot
 * saved in the database) when it reflects that state; else that one brought up to date — acts
 * added since are appended, acts edited or reviewed since are read again and their old rows marked
 * no longer live; else (nothing known, or too much changed) built from the whole projection. The
 * result is saved as the snapshot for the next process.
 */
export async function factsAt(store: Store, mark: string, known?: MarkedFacts): Promise<NumberedFacts> {
  const previous = known ?? (await savedFacts(store));
  if (previous?.mark === mark) return previous.facts;
  const facts =
    (previous && (await updatedFacts(store, previous, mark))) ??
    (await numbered(store, await wholeTable(store)));
  await store.saveAnalysisSnapshot(FACTS, mark, encodeFacts(facts));
  return facts;
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

async function wholeTable(store: Store): Promise<FactTable> {
  const builder = new FactTableBuilder();
  for await (const chunk of store.actFacts()) builder.addChunk(chunk);
  return builder.build();
}

/** The marks' parts (see `Store.changeMark`): records, versions, reviews, resolution runs. */
function parts(mark: string): number[] | undefined {
  const numbers = mark.split(':').map(Number);
  return numbers.length === 4 && numbers.every(Number.isInteger) ? numbers : undefined;
}

async function updatedFacts(
  store: Store,
  previous: MarkedFacts,
  mark: string,
): Promise<NumberedFacts | undefined> {
  const from = parts(previous.mark);
  const to = parts(mark);
  if (!from || !to || to.some((n, i) => n < (from[i] as number))) return undefined;
  const [records, versions, reviews] = from as [number, number, number, number];
  const changed = await store.changedRecordIds({ versions, reviews });
  const builder = new FactTableBuilder(previous.facts.table);
  const table = previous.facts.table;
  if (changed.length > 0) {
    const ids = new Set(changed);
    table.ids.forEach((id, row) => {
      if (ids.has(id)) builder.kill(row);
    });
  }
  for await (const chunk of store.actFacts(undefined, { afterSeq: records, ids: changed }))
    builder.addChunk(chunk);
  const updated = builder.build();
  let dead = 0;
  for (const d of updated.dead ?? []) dead += d;
  if (dead > MOST_DEAD.rows && dead > MOST_DEAD.share * updated.size) return undefined;
  return numbered(store, updated);
}

/** Numbers the individuals the table's persons resolve to (the latest resolution run). */
async function numbered(store: Store, table: FactTable): Promise<NumberedFacts> {
  const who = await individuals(store);
  const numbers = new Map<string, number>();
  const units = Int32Array.from(table.personIds, (id) => {
    const individual = who.of(id);
    let n = numbers.get(individual);
    if (n === undefined) {
      n = numbers.size;
      numbers.set(individual, n);
    }
    return n;
  });
  return { table, units, unitCount: numbers.size };
}
