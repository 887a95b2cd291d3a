import { blindTokens, type FieldKeys, revealRecord } from '../access/field-cipher.ts';
import { type PresentedRecord, redactFor } from '../access/redact.ts';
import type { Viewer } from '../access/roles.ts';
import { publishedView } from '../consent/published-view.ts';
import type { RecordType } from '../domain/record.ts';
import { searchTerms } from '../search/hangul-bigrams.ts';
import type { Store } from '../store/store.ts';
import { readScopeOf } from './read-scope.ts';

/**
 * Full-text search within what the viewer may see: records above its level are never matched
 * (so they cannot show in hits, counts or order), and identifying text is matched only for
 * viewers allowed to see it. Hits are presented redacted; the public searches the published view.
 */
export async function searchRecords(
  store: Store,
  viewer: Viewer,
  keys: FieldKeys,
  query: string,
  options: { type?: RecordType; limit: number },
): Promise<PresentedRecord[]> {
  const scope = readScopeOf(viewer, 'search');
  if (scope.levels.length === 0) return [];
  const terms = searchTerms(query).map((text) => ({
    text,
    blind: scope.identifying ? blindTokens(text, keys) : [],
  }));
  if (viewer.role === 'public') {
    // The public searches the published view only (consent in force, anonymised).
    const { plan } = await publishedView(store);
    const hits = await store.search({ terms }, { ...options, ...scope, limit: options.limit * 10 });
    return hits
      .filter((hit) => plan.leaves(hit.record))
      .slice(0, options.limit)
      .map((hit) => plan.release(revealRecord(hit.record as never, keys)) as PresentedRecord);
  }
  const hits = await store.search({ terms }, { ...options, ...scope });
  return hits.map((hit) => redactFor(viewer, revealRecord(hit.record as never, keys)));
}
