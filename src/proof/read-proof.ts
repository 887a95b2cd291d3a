import type { FieldKeys } from '../access/field-cipher.ts';
import type { Viewer } from '../access/roles.ts';
import { readRecord } from '../records/read-record.ts';
import { readScopeOf } from '../records/read-scope.ts';
import type { Store } from '../store/store.ts';
import type { EvidentiaryStatus } from './evidentiary-status.ts';
import { evidentiaryStatuses, type ProofSummary, summariseStatuses } from './evidentiary-statuses.ts';
import type { ProofRules } from './standards-of-proof.ts';

/**
 * How well one act is established, if the viewer may read it (`undefined` otherwise, the same as for
 * an act that does not exist). Ids and codes only, so nothing identifying leaves.
 */
export async function readProof(
  store: Store,
  viewer: Viewer,
  keys: FieldKeys,
  actId: string,
  rules?: ProofRules,
): Promise<EvidentiaryStatus | undefined> {
  // Reading the act the way `show` does decides the permission (and audits restricted reads).
  const visible = await readRecord(store, viewer, keys, actId);
  if (visible?.type !== 'act') return undefined;
  for await (const status of evidentiaryStatuses(store, keys, { rules, only: [actId] })) return status;
  return undefined;
}

/** How many of the acts the viewer may count reach each level, and how many are contradicted per field. */
export async function summariseProof(
  store: Store,
  viewer: Viewer,
  keys: FieldKeys,
  rules?: ProofRules,
): Promise<ProofSummary> {
  const scope = readScopeOf(viewer, 'view-statistics');
  return summariseStatuses(evidentiaryStatuses(store, keys, { rules, scope }));
}
