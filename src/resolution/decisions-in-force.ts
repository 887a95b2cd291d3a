import type { LinkDecisionRow } from './resolution-rows.ts';

/** A pair's key regardless of order. */
export function pairKey(a: string, b: string): string {
  return a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
}

/**
 * The merge and split decisions in force: revoked ones dropped, the latest per pair winning (so
 * revoking a decision restores whatever was decided before it: revocation is an undo).
 */
export type DecisionsInForce = {
  mustLink: [string, string][];
  cannotLink: [string, string][];
  /** Pair key → the decision row in force. */
  byPair: Map<string, LinkDecisionRow>;
};

/** Reads the append-only decision log (oldest first) into the decisions in force. */
export function decisionsInForce(rows: readonly LinkDecisionRow[]): DecisionsInForce {
  const revoked = new Set<number>();
  for (const row of rows) if (row.decision === 'revoke' && row.revokes !== null) revoked.add(row.revokes);
  const byPair = new Map<string, LinkDecisionRow>();
  for (const row of rows) {
    if (row.decision === 'revoke' || revoked.has(row.seq)) continue;
    byPair.set(pairKey(row.a, row.b), row);
  }
  const mustLink: [string, string][] = [];
  const cannotLink: [string, string][] = [];
  for (const row of byPair.values()) (row.decision === 'merge' ? mustLink : cannotLink).push([row.a, row.b]);
  return { mustLink, cannotLink, byPair };
}
