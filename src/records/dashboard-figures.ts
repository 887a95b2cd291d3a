import { ceilingOf } from '../access/authorize.ts';
import { levelsUpTo, type Viewer } from '../access/roles.ts';
import { RECORD_TYPES, type RecordType } from '../domain/record.ts';
import { WAITING_FOR_REVIEW } from '../review/workflow.ts';
import type { Store } from '../store/store.ts';
import { countRecords } from './count-records.ts';
import { readScopeOf } from './read-scope.ts';

/**
 * The dashboard's figures for a staff member, from one pass over the records: how many of each
 * type they may count (their statistics level), and how many wait for review at the levels they
 * may review. The public gets the published counts and no queue.
 */
export async function dashboardFigures(
  store: Store,
  viewer: Viewer,
): Promise<{ counts: Record<RecordType, number>; waiting: number }> {
  if (viewer.role === 'public') return { counts: await countRecords(store, viewer), waiting: 0 };
  const { levels, verifiedOnly } = readScopeOf(viewer, 'view-statistics');
  const reviewCeiling = ceilingOf(viewer, 'review-records');
  const reviewable = new Set<string>(reviewCeiling ? levelsUpTo(reviewCeiling) : []);
  const countable = new Set<string>(levels);
  const counts = Object.fromEntries(RECORD_TYPES.map((type) => [type, 0])) as Record<RecordType, number>;
  let waiting = 0;
  for (const group of await store.countLive()) {
    if (countable.has(group.confidentiality) && (!verifiedOnly || group.status === 'verified'))
      counts[group.type] += group.n;
    if (reviewable.has(group.confidentiality) && WAITING_FOR_REVIEW.includes(group.status as never))
      waiting += group.n;
  }
  return { counts, waiting };
}
