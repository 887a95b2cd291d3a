/** What resolution links: persons (survivors, victims, perpetrators) or facilities. */
export const RESOLUTION_KINDS = ['person', 'facility'] as const;
export type ResolutionKind = (typeof RESOLUTION_KINDS)[number];

/** A reviewer's decision on a pair of records, as stored (append-only). */
export type LinkDecisionRow = {
  seq: number;
  kind: ResolutionKind;
  a: string;
  b: string;
  /** `merge`: the same individual; `split`: never the same; `revoke`: undoes decision `revokes`. */
  decision: 'merge' | 'split' | 'revoke';
  revokes: number | null;
  actor: string;
  decided_at: string;
  /** Sealed (it may name people). */
  note: string | null;
};

/** A pair the engine could not decide, waiting for a reviewer. */
export type ReviewPairRow = {
  a: string;
  b: string;
  probability: number;
  /** JSON: per-field levels and weights (no identifying values). */
  explanation: string;
};

/** One resolution run: which individual each record is, and what is left to review. */
export type ResolutionRun = {
  kind: ResolutionKind;
  ran_at: string;
  actor: string;
  /** JSON: counts and model parameters (no identifying values). */
  summary: string;
  clusters: readonly (readonly [string, string])[];
  reviewPairs: readonly ReviewPairRow[];
};

/** The stored result of the latest run. */
export type StoredResolution = {
  seq: number;
  ran_at: string;
  actor: string;
  summary: string;
  clusters: Map<string, string>;
};
