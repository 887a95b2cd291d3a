import { type DaylightRecord, RECORD_TYPES } from '../domain/record.ts';
import { isLater, markParts } from '../store/change-mark.ts';
import type { Store } from '../store/store.ts';
import type { ReleasePlan } from './release-plan.ts';
import { shownBy } from './release-records.ts';

/** Beyond this many records written since, the view is made again rather than checked record by record. */
const MOST_CHECKED = 2_000;

/**
 * What the public view's plan read from each record beyond whether it is visible (its links), kept
 * as a 53-bit hash per record id: every episode (consent reaches acts through episodes even unseen),
 * and the acts, custody events and assessments the public may see.
 */
export type PlanInputs = {
  observe: (record: DaylightRecord) => void;
  /** Whether the plan, made before `record` was written as it is now, would be made the same. */
  holds: (plan: ReleasePlan, record: DaylightRecord) => boolean;
};

/** What the public sees at all: live, public, verified (the public view's plan). */
const publiclyVisible = shownBy({ ceiling: 'public', verifiedOnly: true });

/** The references the plan follows from a record, or `undefined` for types it reads nothing more of. */
function links(record: DaylightRecord): string | undefined {
  switch (record.type) {
    case 'act':
      return JSON.stringify([
        record.sources.map((s) => s.source),
        record.victims,
        record.perpetrators.map((p) => p.person),
      ]);
    case 'episode':
      return JSON.stringify([record.sources, record.person]);
    case 'custody':
      return record.file;
    case 'assessment':
      return record.source;
    default:
      return undefined;
  }
}

/** FNV-1a over UTF-16 code units, twice with different offsets, as one 53-bit number. */
function hash(text: string): number {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193) ^ (b >>> 15);
  }
  return (a >>> 0) * 0x200000 + ((b >>> 0) & 0x1fffff);
}

export function planInputs(): PlanInputs {
  const fingerprints = new Map<string, number>();
  return {
    observe(record) {
      const linked = links(record);
      if (linked === undefined) return;
      if (record.type === 'episode' || publiclyVisible(record)) fingerprints.set(record.id, hash(linked));
    },
    holds(plan, record) {
      // Sources and consent changes make the consent ledger: any write of one makes the view again.
      if (record.type === 'source' || record.type === 'consent') return false;
      const now = publiclyVisible(record);
      if (now !== plan.visible(record.id)) return false;
      const linked = links(record);
      if (linked === undefined) return true;
      // Acts, custody events and assessments the public sees neither before nor now change nothing.
      if (!now && record.type !== 'episode') return true;
      return fingerprints.get(record.id) === hash(linked);
    },
  };
}

/**
 * Whether a plan made at change mark `from` (with `inputs`) is still the plan at `to`: every record
 * added, edited or reviewed since holds (`PlanInputs.holds`). Reads only those records; `false`
 * when more than `MOST_CHECKED` were written or the marks are not in order.
 */
export async function unchangedFor(
  store: Store,
  plan: ReleasePlan,
  inputs: PlanInputs,
  from: string,
  to: string,
): Promise<boolean> {
  const a = markParts(from);
  const b = markParts(to);
  if (!a || !b || !isLater(a, b)) return false;
  if (b.records - a.records > MOST_CHECKED) return false;
  const changed = await store.changedRecordIds({ versions: a.versions, reviews: a.reviews });
  if (changed.length > MOST_CHECKED) return false;
  for (const id of changed) {
    const record = await store.getRecord(id);
    if (!record || !inputs.holds(plan, record)) return false;
  }
  if (b.records === a.records) return true;
  // Records added since (edits after `to` come too: checking them as well only errs on the safe side).
  for (const type of RECORD_TYPES) {
    for await (const json of store.recordsChangedSince(type, { records: a.records, versions: b.versions }))
      if (!inputs.holds(plan, JSON.parse(json) as DaylightRecord)) return false;
  }
  return true;
}
