import type { Viewer } from '../access/roles.ts';
import { publishedView } from '../consent/published-view.ts';
import type { DaylightRecord } from '../domain/record.ts';
import type { Store } from '../store/store.ts';
import { readScopeOf } from './read-scope.ts';

/**
 * The records most recently updated that the viewer may read, newest first, as stored (identifying
 * fields still encrypted): callers present them through a summary that shows no identifying field.
 */
export async function listRecent(store: Store, viewer: Viewer, limit: number): Promise<DaylightRecord[]> {
  const { levels, verifiedOnly } = readScopeOf(viewer, 'read-records');
  if (levels.length === 0) return [];
  if (viewer.role !== 'public') return store.listRecords({ limit, levels, verifiedOnly });
  const { plan } = await publishedView(store);
  const candidates = await store.listRecords({ limit: limit * 10, levels, verifiedOnly });
  return candidates.filter((record) => plan.leaves(record)).slice(0, limit);
}
