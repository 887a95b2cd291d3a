import { authorize } from '../access/authorize.ts';
import type { FieldKeys } from '../access/field-cipher.ts';
import type { Viewer } from '../access/roles.ts';
import type { Episode } from '../domain/episode.ts';
import type { Facility } from '../domain/facility.ts';
import type { Person } from '../domain/person.ts';
import type { Source } from '../domain/source.ts';
import { linkMentions } from '../linkage/link-mentions.ts';
import { liveRecords } from '../records/live-records.ts';
import type { Store } from '../store/store.ts';
import { decisionsInForce, pairKey } from './decisions-in-force.ts';
import { personMentions } from './person-mentions.ts';

/** What a resolution run found, without identifying values. */
export type ResolutionSummary = {
  kind: 'person';
  mentions: number;
  individuals: number;
  /** Records that were joined with at least one other. */
  linkedRecords: number;
  reviewPairs: number;
  decisionsApplied: { merge: number; split: number };
  seconds: number;
};

/** Pairs whose match probability falls in this band go to the reviewers' queue. */
export const DEFAULT_REVIEW_BAND: [number, number] = [0.3, 0.8];

/**
 * Links every person record to the individual it names (Fellegi–Sunter linkage over the names,
 * sex, birth year, origin, source and detention of each record), applying the reviewers' merge and
 * split decisions, and stores the result: every count of persons then counts individuals.
 */
export async function resolvePersons(
  store: Store,
  viewer: Viewer,
  keys: FieldKeys,
  options: { now?: Date; reviewBand?: [number, number] } = {},
): Promise<ResolutionSummary> {
  authorize(viewer, 'resolve-records');
  const started = performance.now();
  const persons: Person[] = [];
  for await (const p of liveRecords<Person>(store, 'person', keys)) persons.push(p);
  const episodes: Episode[] = [];
  for await (const e of liveRecords<Episode>(store, 'episode', keys)) episodes.push(e);
  const sources: Source[] = [];
  for await (const s of liveRecords<Source>(store, 'source', keys)) sources.push(s);
  const facilities: Facility[] = [];
  for await (const f of liveRecords<Facility>(store, 'facility', keys)) facilities.push(f);
  const mentions = personMentions({ persons, episodes, sources, facilities, acts: [] });
  const decisions = decisionsInForce(await store.linkDecisions('person'));
  const known = new Set(mentions.map((m) => m.id));
  const live = (pairs: [string, string][]) => pairs.filter(([a, b]) => known.has(a) && known.has(b));
  const result = linkMentions(mentions, {
    mustLink: live(decisions.mustLink),
    cannotLink: live(decisions.cannotLink),
    reviewBand: options.reviewBand ?? DEFAULT_REVIEW_BAND,
  });
  const reviewPairs = result.uncertain
    .filter((pair) => !decisions.byPair.has(pairKey(pair.a, pair.b)))
    .map((pair) => ({
      a: pair.a,
      b: pair.b,
      probability: pair.probability,
      explanation: JSON.stringify({
        weight: pair.weight,
        prior_weight: pair.prior_weight,
        fields: pair.fields,
      }),
    }));
  const sizes = new Map<string, number>();
  for (const c of result.clusters.values()) sizes.set(c, (sizes.get(c) ?? 0) + 1);
  let linkedRecords = 0;
  for (const c of result.clusters.values()) if ((sizes.get(c) ?? 0) > 1) linkedRecords++;
  const summary: ResolutionSummary = {
    kind: 'person',
    mentions: mentions.length,
    individuals: sizes.size,
    linkedRecords,
    reviewPairs: reviewPairs.length,
    decisionsApplied: { merge: decisions.mustLink.length, split: decisions.cannotLink.length },
    seconds: Number(((performance.now() - started) / 1000).toFixed(2)),
  };
  const ranAt = (options.now ?? new Date()).toISOString();
  await store.saveResolution({
    kind: 'person',
    ran_at: ranAt,
    actor: viewer.user,
    summary: JSON.stringify(summary),
    clusters: [...result.clusters],
    reviewPairs,
  });
  await store.appendAudit({
    at: ranAt,
    actor: viewer.user,
    action: 'resolve-persons',
    detail: {
      mentions: summary.mentions,
      individuals: summary.individuals,
      reviewPairs: summary.reviewPairs,
    },
  });
  return summary;
}
