import { ceilingOf } from '../access/authorize.ts';
import { levelsUpTo, type Viewer } from '../access/roles.ts';
import type { QueueRow, Store } from '../store/store.ts';
import { WAITING_FOR_REVIEW } from './workflow.ts';

/** What waits for review (submitted or under review) at the levels the viewer may review, longest waiting first. */
export async function reviewQueue(store: Store, viewer: Viewer, limit = 100): Promise<QueueRow[]> {
  const ceiling = ceilingOf(viewer, 'review-records');
  if (ceiling === undefined) return [];
  return store.reviewQueue({ statuses: [...WAITING_FOR_REVIEW], levels: levelsUpTo(ceiling), limit });
}
