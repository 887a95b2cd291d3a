import { isDeepStrictEqual } from 'node:util';
import { blindTokens, type FieldKeys } from '../../access/field-cipher.ts';
import { RESOLUTION_KINDS } from '../../resolution/resolution-rows.ts';
import { searchTerms } from '../../search/hangul-bigrams.ts';
import type { Store } from '../store.ts';

/** What to ask both stores besides what every store has: searches, records' histories, accounts. */
export type Probes = { searches: string[]; recordIds: string[]; users: string[] };

/** Search hits compared as sets: the two databases rank ties differently, so only the members count. */
const SEARCH_LIMIT = 1_000_000;

/**
 * Asks two stores the same questions — searches (identifying text through blind tokens), counts,
 * change marks, the newest records, versions and reviews of records, accounts, resolutions, and the
 * act facts behind every statistic — and names each answer that differs (empty when all agree).
 */
export async function compareStores(a: Store, b: Store, keys: FieldKeys, probes: Probes): Promise<string[]> {
  const differences: string[] = [];
  const same = async (what: string, ask: (s: Store) => Promise<unknown>) => {
    if (!isDeepStrictEqual(plain(await ask(a)), plain(await ask(b)))) differences.push(what);
  };
  for (const text of probes.searches) {
    const query = { terms: searchTerms(text).map((t) => ({ text: t, blind: blindTokens(t, keys) })) };
    await same(`search ${JSON.stringify(text)}`, async (s) =>
      (await s.search(query, { limit: SEARCH_LIMIT })).map((h) => h.id).sort(),
    );
  }
  await same('counts by type', (s) => s.countByType());
  await same('public counts', (s) => s.countByType({ levels: ['public'], verifiedOnly: true }));
  await same('change mark', (s) => s.changeMark());
  await same('records mark', (s) => s.recordsMark());
  await same('newest records', (s) => s.listRecords({ limit: 200 }));
  for (const id of probes.recordIds) {
    await same(`versions of ${id}`, (s) => s.recordVersions(id));
    await same(`reviews of ${id}`, (s) => s.reviewSteps(id));
    await same(`what refers to ${id}`, (s) => s.listReferencing(id));
  }
  for (const user of probes.users) await same(`account ${user}`, (s) => s.getUser(user));
  for (const kind of RESOLUTION_KINDS) await same(`resolution of ${kind}s`, (s) => s.resolution(kind));
  await same('review queue', (s) =>
    s.reviewQueue({
      statuses: ['submitted', 'draft'],
      levels: ['public', 'internal', 'restricted'],
      limit: 500,
    }),
  );
  await same('UPR recommendations', (s) => s.searchUprRecommendations({ limit: 1000, offset: 0 }));
  await same('act facts', async (s) => {
    const chunks = [];
    for await (const chunk of s.actFacts()) chunks.push(chunk);
    return chunks;
  });
  return differences;
}

/** Rows as plain objects (node:sqlite gives null-prototype ones). */
function plain(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(plain);
  if (value instanceof Map || value instanceof Uint8Array || value === null || typeof value !== 'object')
    return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]));
}
