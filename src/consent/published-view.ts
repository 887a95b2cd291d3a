import { RECORD_TYPES, type RecordType } from '../domain/record.ts';
import type { Store } from '../store/store.ts';
import { type PlanInputs, planInputs, unchangedFor } from './plan-inputs.ts';
import type { ReleasePlan } from './release-plan.ts';
import { planRelease } from './release-records.ts';

/** What the public may see: published records whose sources' consent allows anonymised publication. */
export type PublishedView = { plan: ReleasePlan; counts: Record<RecordType, number> };

type Made = PublishedView & { inputs: PlanInputs };
const cache = new WeakMap<Store, { mark: string; view: Promise<Made> }>();

/**
 * The public view (portal, public API, overview page for visitors): public, verified records, as an
 * anonymised release for publication. Made again whenever a record written since (the store's
 * change mark) could change it, so a consent withdrawal hides what it covers from the next request
 * on; a write that cannot change it (an act's description edited, a draft added) keeps the view
 * made before, after reading only the records written since (`unchangedFor`).
 */
export async function publishedView(store: Store): Promise<PublishedView> {
  const mark = await store.changeMark();
  const cached = cache.get(store);
  if (cached?.mark === mark) return cached.view;
  const view = cached ? kept(store, cached, mark) : computeView(store);
  cache.set(store, { mark, view });
  view.catch(() => {
    if (cache.get(store)?.view === view) cache.delete(store);
  });
  return view;
}

async function kept(
  store: Store,
  before: { mark: string; view: Promise<Made> },
  mark: string,
): Promise<Made> {
  const view = await before.view.catch(() => undefined);
  if (view && (await unchangedFor(store, view.plan, view.inputs, before.mark, mark))) return view;
  return computeView(store);
}

/** Makes the view from every record (exported for tests: what `publishedView` must equal). */
export async function computeView(store: Store): Promise<Made> {
  const inputs = planInputs();
  const plan = await planRelease(
    store,
    { purpose: 'publication', anonymised: true, ceiling: 'public', verifiedOnly: true },
    inputs.observe,
  );
  const counts = Object.fromEntries(RECORD_TYPES.map((type) => [type, 0])) as Record<RecordType, number>;
  const page = 10_000;
  for (const type of RECORD_TYPES) {
    for (let offset = 0; ; offset += page) {
      const records = await store.listRecords({
        type,
        levels: ['public'],
        verifiedOnly: true,
        limit: page,
        offset,
      });
      for (const record of records) if (plan.leaves(record)) counts[type]++;
      if (records.length < page) break;
    }
  }
  return { plan, counts, inputs };
}
