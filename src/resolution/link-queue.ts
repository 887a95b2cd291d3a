import { isAllowed } from '../access/authorize.ts';
import type { Viewer } from '../access/roles.ts';
import type { Store } from '../store/store.ts';
import { decisionsInForce, pairKey } from './decisions-in-force.ts';
import type { ResolutionKind } from './resolution-rows.ts';

/** A pair waiting for a reviewer, named by record ids and codes only (the names stay in the records). */
export type QueuedPair = {
  a: string;
  b: string;
  codes: [string | undefined, string | undefined];
  probability: number;
  explanation: unknown;
};

/**
 * The pairs the latest run could not decide and no reviewer has decided since, most uncertain
 * first, limited to pairs whose two records the viewer may decide on.
 */
export async function linkQueue(
  store: Store,
  viewer: Viewer,
  kind: ResolutionKind,
  limit = 50,
): Promise<{ total: number; pairs: QueuedPair[] }> {
  const decided = decisionsInForce(await store.linkDecisions(kind)).byPair;
  const pending = (await store.linkReviewPairs(kind)).filter((p) => !decided.has(pairKey(p.a, p.b)));
  const pairs: QueuedPair[] = [];
  let total = 0;
  for (const pair of pending) {
    const [ra, rb] = [await store.getRecord(pair.a), await store.getRecord(pair.b)];
    if (!ra || !rb) continue;
    if (!isAllowed(viewer, 'decide-links', ra.confidentiality)) continue;
    if (!isAllowed(viewer, 'decide-links', rb.confidentiality)) continue;
    total++;
    if (pairs.length >= limit) continue;
    pairs.push({
      a: pair.a,
      b: pair.b,
      codes: [codeOf(ra), codeOf(rb)],
      probability: pair.probability,
      explanation: JSON.parse(pair.explanation),
    });
  }
  return { total, pairs };
}

function codeOf(record: object): string | undefined {
  return 'code' in record && typeof record.code === 'string' ? record.code : undefined;
}
