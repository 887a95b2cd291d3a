import { RECORD_TYPES, type RecordType } from '../domain/record.ts';
import type { Store } from '../store/store.ts';
import type { ReleasePlan } from './release-plan.ts';
import { planRelease } from './release-records.ts';

/** What the public may see: published records whose sources' consent allows anonymised publication. */
export type PublishedView = { plan: ReleasePlan; counts: Record<RecordType, number> };

const cache = new WeakMap<Store, { mark: string; view: Promise<PublishedView> }>();

/**
 * The public view (portal, public API, overview page for visitors): public, verified records, as an
 * anonymised release for publication. Recomputed whenever a record has been written since (the
 * store's change mark), so a consent withdrawal hides what it covers from the next request on.
 */
export async function publishedView(store: Store): Promise<PublishedView> {
  const mark = await store.changeMark();
  const cached = cache.get(store);
  if (cached?.mark === mark) return cached.view;
  const view = computeView(store);
  cache.set(store, { mark, view });
  view.catch(() => cache.delete(store));
  return view;
}

async function computeView(store: Store): Promise<PublishedView> {
  const plan = await planRelease(store, {
    purpose: 'publication',
    anonymised: true,
    ceiling: 'public',
    verifiedOnly: true,
  });
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
  return { plan, counts };
}
