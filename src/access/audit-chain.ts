import { createHash } from 'node:crypto';
import { canonicalJson } from '../domain/canonical-json.ts';

/** The hash before the first entry. */
export const GENESIS = '0'.repeat(64);

/** What an audit entry says: who did what to which record, when, and why if given. No record content. */
export type AuditEvent = {
  at: string;
  actor: string;
  action: string;
  target?: string;
  reason?: string;
  /** Counts, digests and other non-identifying facts about the action. */
  detail?: Record<string, unknown>;
};

/** An entry as stored: its place in the chain, the previous entry's hash and its own. */
export type AuditEntry = AuditEvent & { seq: number; prev: string; hash: string };

/** The hash of an entry: SHA-256 over the previous hash and the entry's canonical JSON, its position included. */
export function entryHash(prev: string, seq: number, event: AuditEvent): string {
  const body = canonicalJson({
    seq,
    at: event.at,
    actor: event.actor,
    action: event.action,
    target: event.target,
    reason: event.reason,
    detail: event.detail,
  });
  return createHash('sha256').update(prev).update('\n').update(body).digest('hex');
}

/** The outcome of checking a chain: intact, or the first entry that breaks it and how. */
export type ChainCheck =
  | { ok: true; entries: number; head: string }
  | { ok: false; entries: number; brokenAt: number; problem: string };

/**
 * Walks the chain in order and names the first broken entry: an edited entry no longer matches
 * its hash; a deleted, inserted or moved one breaks the sequence or the link to its predecessor.
 * An `anchor` (the head last recorded outside the database) also catches entries cut off the end.
 */
export async function verifyChain(
  entries: AsyncIterable<AuditEntry> | Iterable<AuditEntry>,
  anchor?: { seq: number; hash: string },
): Promise<ChainCheck> {
  let prev = GENESIS;
  let expectedSeq = 1;
  let count = 0;
  for await (const entry of entries) {
    count++;
    if (entry.seq !== expectedSeq) {
      return {
        ok: false,
        entries: count,
        brokenAt: entry.seq,
        problem: `expected entry ${expectedSeq} here: entries deleted, inserted or moved`,
      };
    }
    if (entry.prev !== prev)
      return {
        ok: false,
        entries: count,
        brokenAt: entry.seq,
        problem: 'does not link to the entry before it',
      };
    if (entryHash(prev, entry.seq, entry) !== entry.hash)
      return {
        ok: false,
        entries: count,
        brokenAt: entry.seq,
        problem: 'content does not match its hash: edited',
      };
    if (anchor && entry.seq === anchor.seq && entry.hash !== anchor.hash) {
      return {
        ok: false,
        entries: count,
        brokenAt: entry.seq,
        problem: 'differs from the head recorded outside the database: the chain was rewritten',
      };
    }
    prev = entry.hash;
    expectedSeq++;
  }
  if (anchor && anchor.seq > count) {
    return {
      ok: false,
      entries: count,
      brokenAt: Math.min(anchor.seq, count + 1),
      problem: `the chain ends before the recorded head (entry ${anchor.seq}): entries cut off the end`,
    };
  }
  return { ok: true, entries: count, head: prev };
}
