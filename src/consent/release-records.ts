import { authorize, ceilingOf } from '../access/authorize.ts';
import { type FieldKeys, revealRecord } from '../access/field-cipher.ts';
import { levelsUpTo, type Viewer } from '../access/roles.ts';
import type { Act } from '../domain/act.ts';
import { canonicalJson } from '../domain/canonical-json.ts';
import type { ConsentChange } from '../domain/consent.ts';
import type { Episode } from '../domain/episode.ts';
import { type DaylightRecord, RECORD_TYPES, type RecordType } from '../domain/record.ts';
import type { Confidentiality } from '../domain/record-meta.ts';
import type { Source } from '../domain/source.ts';
import type { Store } from '../store/store.ts';
import { consentLedger } from './consent-ledger.ts';
import { type Purpose, type ReleasePlan, releasePlan } from './release-plan.ts';

type Stored = Pick<DaylightRecord, 'id' | 'confidentiality' | 'status' | 'deleted'>;

/** Whether a plan at `ceiling` (verified only if asked) lets the caller see a record at all. */
export function shownBy(options: {
  ceiling: Confidentiality;
  verifiedOnly: boolean;
}): (record: Stored) => boolean {
  const levels = new Set<string>(levelsUpTo(options.ceiling));
  return (record) =>
    !record.deleted &&
    levels.has(record.confidentiality) &&
    (!options.verifiedOnly || record.status === 'verified');
}

/**
 * Reads the consent in force and plans a release from the store: which records may leave for the
 * purpose, at most at `ceiling`, verified only if asked. Reads every record; nothing is cached,
 * so a consent change applies to the next release.
 */
export async function planRelease(
  store: Store,
  options: { purpose: Purpose; anonymised: boolean; ceiling: Confidentiality; verifiedOnly: boolean },
  /** Sees every record the plan was made from (as stored), once each. */
  observe?: (record: DaylightRecord) => void,
): Promise<ReleasePlan> {
  const shown = shownBy(options);
  const visibleIds = new Set<string>();
  const sources: Source[] = [];
  const changes: ConsentChange[] = [];
  for (const type of RECORD_TYPES) {
    for await (const json of store.exportRecords(type)) {
      const record = JSON.parse(json) as Stored;
      observe?.(record as DaylightRecord);
      if (shown(record)) visibleIds.add(record.id);
      // Consent comes from every interview and every change, whatever may be shown.
      if (type === 'source' && !record.deleted) sources.push(JSON.parse(json) as Source);
      if (type === 'consent' && !record.deleted) changes.push(JSON.parse(json) as ConsentChange);
    }
  }
  const plan = releasePlan(consentLedger(sources, changes), {
    purpose: options.purpose,
    anonymised: options.anonymised,
    visible: (id) => visibleIds.has(id),
  });
  for (const source of sources) plan.considerSource(source);
  for await (const json of store.exportRecords('episode')) plan.considerEpisode(JSON.parse(json) as Episode);
  for await (const json of store.exportRecords('act')) plan.considerAct(JSON.parse(json) as Act);
  return plan;
}

/**
 * An export for a purpose, as JSON Lines in the interchange format, honouring consent (see
 * `releasePlan`). Anonymised exports need `export-anonymised`, named ones `export-identifying`;
 * either covers records up to the caller's level for that right. Audited with what left.
 */
export async function* exportReleased(
  store: Store,
  viewer: Viewer,
  keys: FieldKeys,
  options: { purpose: Purpose; anonymised: boolean; reason?: string },
): AsyncGenerator<string> {
  const useCase = options.anonymised ? 'export-anonymised' : 'export-identifying';
  const ceiling = ceilingOf(viewer, useCase);
  authorize(viewer, useCase, ceiling ?? 'public');
  const plan = await planRelease(store, {
    purpose: options.purpose,
    anonymised: options.anonymised,
    ceiling: ceiling as Confidentiality,
    verifiedOnly: options.purpose === 'publication',
  });
  const counts: Partial<Record<RecordType, number>> = {};
  for (const type of RECORD_TYPES) {
    for await (const json of store.exportRecords(type)) {
      const stored = JSON.parse(json);
      const released = plan.release(revealRecord(stored, keys));
      if (!released) continue;
      counts[type] = (counts[type] ?? 0) + 1;
      yield `${canonicalJson(released)}\n`;
    }
  }
  await store.appendAudit({
    at: new Date().toISOString(),
    actor: viewer.user,
    action: options.anonymised ? 'export-anonymised' : 'export-named',
    reason: options.reason,
    detail: { purpose: options.purpose, records: counts },
  });
}
