import type { Viewer } from '../access/roles.ts';
import { publishedView } from '../consent/published-view.ts';
import type { RecordType } from '../domain/record.ts';
import type { Store } from '../store/store.ts';
import { readScopeOf } from './read-scope.ts';

/** How many live records of each type the viewer may count (its statistics level; the public: the published view). */
export async function countRecords(store: Store, viewer: Viewer): Promise<Record<RecordType, number>> {
  if (viewer.role === 'public') return (await publishedView(store)).counts;
  const { levels, verifiedOnly } = readScopeOf(viewer, 'view-statistics');
  return store.countByType({ levels, verifiedOnly });
}
