import type { ConsentChange } from '../domain/consent.ts';
import type { Source } from '../domain/source.ts';

/** A scope of informed consent (the `consent-scopes` vocabulary). */
export type ConsentScope =
  | 'INTERNAL-USE'
  | 'ANONYMISED-PUBLICATION'
  | 'QUOTATION'
  | 'SHARE-UN'
  | 'SHARE-JUDICIAL'
  | 'BE-NAMED';

/** The consent in force for every source, computed from the sources and the consent changes. */
export type ConsentLedger = {
  /**
   * Whether what the source says may be used for `scope`. Sources without an interviewee
   * (documents, imagery, open sources) are not consent subjects: always true. An interview
   * without recorded consent permits nothing.
   */
  permits(sourceId: string, scope: ConsentScope): boolean;
  /** Whether the interviewee agreed, in some interview whose consent is in force, to be named. */
  mayName(personId: string): boolean;
  /** Whether the person was interviewed at all (and is therefore a consent subject). */
  isInterviewee(personId: string): boolean;
};

type SourceConsent = Pick<Source, 'id' | 'interviewee' | 'consent'>;
type Change = Pick<ConsentChange, 'id' | 'interviewee' | 'source' | 'change' | 'scopes' | 'at'>;

/**
 * Builds the ledger. For each interview: the scopes recorded with it (none if `withdrawn_at` is
 * set), then every later change for its interviewee (all interviews, or this one), oldest first
 * (by `at`, then id): `withdraw` removes scopes, `grant` adds them back.
 */
export function consentLedger(sources: Iterable<SourceConsent>, changes: Iterable<Change>): ConsentLedger {
  const ordered = [...changes].sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id));
  const byInterviewee = new Map<string, Change[]>();
  for (const change of ordered) {
    const list = byInterviewee.get(change.interviewee) ?? [];
    list.push(change);
    byInterviewee.set(change.interviewee, list);
  }
  const scopes = new Map<string, Set<string> | 'not-a-subject'>();
  const named = new Set<string>();
  const interviewees = new Set<string>();
  for (const source of sources) {
    if (!source.interviewee) {
      scopes.set(source.id, 'not-a-subject');
      continue;
    }
    interviewees.add(source.interviewee);
    const inForce = new Set<string>(
      source.consent && !source.consent.withdrawn_at ? source.consent.scopes : [],
    );
    for (const change of byInterviewee.get(source.interviewee) ?? []) {
      if (change.source !== undefined && change.source !== source.id) continue;
      for (const scope of change.scopes) {
        if (change.change === 'withdraw') inForce.delete(scope);
        else inForce.add(scope);
      }
    }
    scopes.set(source.id, inForce);
    if (inForce.has('BE-NAMED')) named.add(source.interviewee);
  }
  return {
    permits(sourceId, scope) {
      const inForce = scopes.get(sourceId);
      if (inForce === undefined) return false;
      return inForce === 'not-a-subject' || inForce.has(scope);
    },
    mayName: (personId) => named.has(personId),
    isInterviewee: (personId) => interviewees.has(personId),
  };
}
