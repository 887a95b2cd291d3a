import { stripIdentifying } from '../access/redact.ts';
import { withholdSensitiveTexts } from '../access/sensitive-text.ts';
import type { Act } from '../domain/act.ts';
import type { Episode } from '../domain/episode.ts';
import type { DaylightRecord } from '../domain/record.ts';
import type { Source } from '../domain/source.ts';
import type { ConsentLedger, ConsentScope } from './consent-ledger.ts';

/** Why data leaves the organisation, and the consent scope each purpose needs. */
export const PURPOSE_SCOPES = {
  internal: 'INTERNAL-USE',
  publication: 'ANONYMISED-PUBLICATION',
  un: 'SHARE-UN',
  judicial: 'SHARE-JUDICIAL',
} as const satisfies Record<string, ConsentScope>;
export type Purpose = keyof typeof PURPOSE_SCOPES;
export const PURPOSES = Object.keys(PURPOSE_SCOPES) as Purpose[];

/** What is being released: for which purpose, anonymised or not, and which records the caller may see. */
export type ReleaseOptions = {
  purpose: Purpose;
  /** Strip every identifying field and leave out evidence files, custody and consent records. */
  anonymised: boolean;
  /** Whether the caller may release this record at all (level, review status, not deleted). */
  visible: (id: string) => boolean;
};

/**
 * Decides, record by record, what may leave for a purpose under the consent in force. Feed it every
 * source, then every episode and act (`consider*`), then ask `release` for each record in export
 * order. Only id sets are kept, so it works on databases of millions of records.
 *
 * - A source leaves only if its interviewee's consent covers the purpose (documents always may).
 * - An act or episode leaves citing only those of its sources whose consent covers the purpose,
 *   and not at all if none does: evidence never rests on a testimony whose consent is missing or
 *   withdrawn. Consent is checked on every source, whether or not the caller may see it, so an
 *   act the caller may release can cite (by id) an interview it may not see.
 * - A person leaves only if a released act, episode or source refers to them; an interviewee is
 *   named only if they consented to being named, everyone in an anonymised release never.
 * - References to sources and episodes whose consent does not cover the purpose are removed;
 *   other references stay as bare ids (pseudonymous codes), so a release is complete in itself
 *   only when the caller may see everything it refers to.
 */
export function releasePlan(ledger: ConsentLedger, options: ReleaseOptions) {
  const scope = PURPOSE_SCOPES[options.purpose];
  const visible = options.visible;
  /** Sources whose consent covers the purpose, whether or not the caller may see them. */
  const permitted = new Set<string>();
  /** Episodes resting on at least one such source. */
  const consented = new Set<string>();
  const sources = new Set<string>();
  const episodes = new Set<string>();
  const persons = new Set<string>();
  const files = new Set<string>();
  const isPermitted = (id: string) => permitted.has(id);
  const addPerson = (id: string) => {
    if (visible(id)) persons.add(id);
  };
  const actLeaves = (act: Act): boolean => visible(act.id) && act.sources.some((s) => isPermitted(s.source));
  const meta = <T extends DaylightRecord>(record: T): T =>
    options.anonymised
      ? withholdSensitiveTexts({ ...record, created_by: 'anonymised', updated_by: 'anonymised' })
      : record;

  const plan = {
    /** Whether the caller may see a record at all (by id), as the plan was made with. */
    visible,
    considerSource(source: Source): void {
      if (!ledger.permits(source.id, scope)) return;
      permitted.add(source.id);
      if (!visible(source.id)) return;
      sources.add(source.id);
      if (source.interviewee) addPerson(source.interviewee);
      if (!options.anonymised) for (const f of source.files) if (visible(f.file)) files.add(f.file);
    },
    considerEpisode(episode: Episode): void {
      if (!episode.sources.some(isPermitted)) return;
      consented.add(episode.id);
      if (!visible(episode.id)) return;
      episodes.add(episode.id);
      addPerson(episode.person);
    },
    /** Acts need no set of their own: nothing refers to an act. */
    considerAct(act: Act): void {
      if (!actLeaves(act)) return;
      for (const victim of act.victims) addPerson(victim);
      for (const p of act.perpetrators) addPerson(p.person);
    },

    /** Whether a record (as stored, identifying fields still sealed) leaves at all. */
    leaves(record: DaylightRecord): boolean {
      if (record.type === 'person') return persons.has(record.id);
      if (record.type === 'file') return files.has(record.id);
      return plan.release(record) !== undefined;
    },

    /** The record as it may leave, or `undefined` if it may not. */
    release(record: DaylightRecord): DaylightRecord | undefined {
      switch (record.type) {
        case 'organisation':
        case 'facility':
          return visible(record.id) ? meta(record) : undefined;
        case 'person': {
          if (!persons.has(record.id)) return undefined;
          const named =
            !options.anonymised && (!ledger.isInterviewee(record.id) || ledger.mayName(record.id));
          return meta(named ? record : withoutMarker(stripIdentifying(record)));
        }
        case 'file':
          if (!files.has(record.id)) return undefined;
          return meta(
            record.derived_from && !files.has(record.derived_from)
              ? { ...record, derived_from: undefined }
              : record,
          );
        case 'custody':
          return files.has(record.file) && visible(record.id) ? meta(record) : undefined;
        case 'consent':
          if (options.anonymised || !visible(record.id) || !persons.has(record.interviewee)) return undefined;
          return meta(
            record.source && !permitted.has(record.source) ? { ...record, source: undefined } : record,
          );
        case 'source': {
          if (!sources.has(record.id)) return undefined;
          const source: Source = {
            ...record,
            files: record.files.filter((f) => files.has(f.file)),
            related_sources: record.related_sources.filter(isPermitted),
          };
          if (options.anonymised) {
            delete source.interviewee;
            delete source.interviewer;
            delete source.consent;
          }
          return meta(source);
        }
        case 'episode':
          if (!episodes.has(record.id)) return undefined;
          return meta({ ...record, sources: record.sources.filter(isPermitted) });
        case 'assessment':
          // Assessments (with their reasons) are the organisation's own methodology: named releases only.
          if (options.anonymised || !visible(record.id) || !isPermitted(record.source)) return undefined;
          return meta(record);
        case 'act':
          if (!actLeaves(record)) return undefined;
          return meta({
            ...record,
            sources: record.sources.filter((s) => isPermitted(s.source)),
            episode: record.episode && consented.has(record.episode) ? record.episode : undefined,
          });
      }
    },
  };
  return plan;
}

/** A release plan (see `releasePlan`). */
export type ReleasePlan = ReturnType<typeof releasePlan>;

function withoutMarker(record: DaylightRecord & { redacted?: string[] }): DaylightRecord {
  const { redacted: _, ...rest } = record;
  return rest as DaylightRecord;
}
