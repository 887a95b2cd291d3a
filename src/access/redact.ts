import type { DaylightRecord } from '../domain/record.ts';
import { isAllowed } from './authorize.ts';
import type { Viewer } from './roles.ts';
import { findSensitiveTexts, withholdSensitiveTexts } from './sensitive-text.ts';

/** A record as a viewer may see it, with the names of the fields taken out. */
export type PresentedRecord = DaylightRecord & { redacted?: string[] };

/**
 * Strips the identifying fields a viewer may not see (see docs/access.md). Pure: the stored record
 * is never changed. Whether the viewer may see the record at all is the caller's question.
 */
export function redactFor(viewer: Viewer, record: DaylightRecord): PresentedRecord {
  if (isAllowed(viewer, 'read-identifying', record.confidentiality)) return record;
  return stripIdentifying(record);
}

/**
 * The record without its identifying fields (names, contact, notes, exact birth date, county of
 * origin, the interviewee of a source, file names, custody and consent notes, free text marked
 * sensitive — replaced by `WITHHELD`), listing what was
 * taken out in `redacted`. Pure.
 */
export function stripIdentifying(record: DaylightRecord): PresentedRecord {
  const removed: string[] = [];
  const sensitive = findSensitiveTexts(record);
  if (sensitive.length > 0) removed.push(...sensitive.map((t) => t.path.join('.')));
  const out = withholdSensitiveTexts(structuredClone(record)) as PresentedRecord;
  const drop = (object: Record<string, unknown>, field: string, label = field) => {
    if (object[field] !== undefined && !(Array.isArray(object[field]) && object[field].length === 0))
      removed.push(label);
    delete object[field];
  };
  switch (out.type) {
    case 'person': {
      const person = out as unknown as Record<string, unknown>;
      if (out.names.length > 0) removed.push('names');
      out.names = [];
      drop(person, 'contact');
      drop(person, 'notes');
      if (out.origin?.county) {
        removed.push('origin.county');
        out.origin = { province: out.origin.province };
      }
      if (out.birth && (out.birth.from.length > 4 || (out.birth.to ?? '').length > 4)) {
        removed.push('birth.day');
        out.birth = { ...out.birth, from: out.birth.from.slice(0, 4), to: out.birth.to?.slice(0, 4) };
        if (out.birth.to === undefined) delete out.birth.to;
      }
      break;
    }
    case 'source':
      drop(out as unknown as Record<string, unknown>, 'interviewee');
      break;
    case 'file':
      drop(out as unknown as Record<string, unknown>, 'name');
      break;
    case 'custody':
    case 'consent':
      drop(out as unknown as Record<string, unknown>, 'note');
      break;
    default:
      break;
  }
  if (removed.length > 0) out.redacted = removed;
  return out;
}
