import { authorize } from '../access/authorize.ts';
import type { FieldKeys } from '../access/field-cipher.ts';
import type { Viewer } from '../access/roles.ts';
import type { Facility } from '../domain/facility.ts';
import { liveRecords } from '../records/live-records.ts';
import type { Store } from '../store/store.ts';
import { decisionsInForce, pairKey } from './decisions-in-force.ts';
import { facilityClusters } from './facility-clusters.ts';

/** What a facility resolution run found. */
export type FacilityResolutionSummary = {
  kind: 'facility';
  records: number;
  places: number;
  reviewPairs: number;
};

/** Resolves facility records to places (see `facilityClusters`) and stores the result. */
export async function resolveFacilities(
  store: Store,
  viewer: Viewer,
  keys: FieldKeys,
  options: { now?: Date } = {},
): Promise<FacilityResolutionSummary> {
  authorize(viewer, 'resolve-records');
  const facilities: Facility[] = [];
  for await (const f of liveRecords<Facility>(store, 'facility', keys)) facilities.push(f);
  const decisions = decisionsInForce(await store.linkDecisions('facility'));
  const { clusters, reviewPairs } = facilityClusters(facilities, decisions);
  const pending = reviewPairs.filter((p) => !decisions.byPair.has(pairKey(p.a, p.b)));
  const summary: FacilityResolutionSummary = {
    kind: 'facility',
    records: facilities.length,
    places: new Set(clusters.values()).size,
    reviewPairs: pending.length,
  };
  const at = (options.now ?? new Date()).toISOString();
  await store.saveResolution({
    kind: 'facility',
    ran_at: at,
    actor: viewer.user,
    summary: JSON.stringify(summary),
    clusters: [...clusters],
    reviewPairs: pending,
  });
  await store.appendAudit({ at, actor: viewer.user, action: 'resolve-facilities', detail: { ...summary } });
  return summary;
}
