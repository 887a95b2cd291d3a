import type { AuditEntry, AuditEvent } from '../access/audit-chain.ts';
import type { KeyringEntry } from '../access/keyring.ts';
import type { UserAccount } from '../accounts/user-account.ts';
import type { AskRow, MeetingRow, StoredRecommendation, UptakeDecision } from '../advocacy/delegation.ts';
import type { ActFactChunk } from '../analysis/act-fact.ts';
import type { DaylightRecord, RecordType, Reference, SearchText } from '../domain/record.ts';
import type { Confidentiality } from '../domain/record-meta.ts';
import type {
  LinkDecisionRow,
  ResolutionKind,
  ResolutionRun,
  ReviewPairRow,
  StoredResolution,
} from '../resolution/resolution-rows.ts';
import type {
  UprFilter,
  UprRecommendation,
  UprReview,
  UprReviewEntry,
  UprStateClaim,
} from '../upr/upr-recommendation.ts';

/** A signed-in session as stored: never the token itself, only its hash. */
export type SessionRow = { token_hash: string; username: string; created_at: string; last_seen_at: string };

/** The columns every store indexes a record by, taken from the record itself. */
export type RecordColumns = {
  id: string;
  type: RecordType;
  version: number;
  status: string;
  confidentiality: string;
  updated_at: string;
  deleted: boolean;
};

/**
 * A validated record ready to write: its indexed columns, canonical JSON, references and search
 * text. Plain data, so that it can be prepared in a worker thread.
 */
export type PreparedRecord = {
  columns: RecordColumns;
  /** The record as stored: canonical JSON with its protected fields encrypted. */
  json: string;
  /** Keyed hash of the plaintext canonical JSON: how re-imports recognise the same content. */
  contentHash: string;
  refs: Reference[];
  searchText: SearchText;
};

/** What happened to one record written in an import. */
export type WriteOutcome = 'inserted' | 'unchanged' | 'conflict';

/** What happened to one edit: the stored version was not the one expected (`stale`), or is gone. */
export type EditOutcome = 'edited' | 'unchanged' | 'stale' | 'missing';

/** One step of the review workflow, as stored (the comment sealed). */
export type ReviewRow = {
  record_id: string;
  version: number;
  at: string;
  actor: string;
  action: string;
  from_status: string;
  to_status: string;
  comment: string | null;
};

/** An earlier (or the current) version of a record, as stored. */
export type VersionRow = { id: string; version: number; status: string; updated_at: string; doc: string };

/** A record waiting for review. */
export type QueueRow = {
  id: string;
  type: RecordType;
  version: number;
  status: string;
  since: string;
  confidentiality: string;
};

/** A reference from a record being written to a record that does not exist (with that type). */
export type DanglingReference = { id: string; field: string; target: string; targetType: RecordType };

/**
 * One all-or-nothing write: batches go in, then either `commit` or `rollback`.
 * Nothing is visible to other connections before `commit`.
 */
export interface WriteSession {
  /** Writes a batch; a record whose id exists with other content is not written and reported as `conflict`. */
  write(batch: readonly PreparedRecord[]): Promise<WriteOutcome[]>;
  /**
   * Replaces stored records by new versions: each only if the stored version is `expectedVersion`
   * (optimistic locking); the stored one is kept in the version history.
   */
  edit(batch: readonly { prepared: PreparedRecord; expectedVersion: number }[]): Promise<EditOutcome[]>;
  /**
   * A review step: changes the record's status (doc and hash as given) if it still is at
   * `version`, and appends the step to the record's review history.
   */
  review(step: ReviewRow, updated: { json: string; contentHash: string }): Promise<'done' | 'stale'>;
  /** Appends an audit entry that commits (or rolls back) with the session's records. */
  audit(event: AuditEvent): Promise<void>;
  /** Appends a reviewer's link decision (merge, split, revoke); returns its sequence number. */
  decideLink(row: Omit<LinkDecisionRow, 'seq'>): Promise<number>;
  /** References from records written in this session that point nowhere. */
  danglingReferences(limit: number): Promise<DanglingReference[]>;
  commit(): Promise<void>;
  rollback(): Promise<void>;
}

/** A search: whitespace-separated terms, each with its blind-index tokens for identifying text. */
export type SearchQuery = { terms: { text: string; blind: string[] }[] };

/** A hit of full-text search. */
export type SearchHit = { id: string; type: RecordType; record: DaylightRecord };

/** How to page through records: of one type, at the given confidentiality levels only. */
export type ListQuery = {
  type?: RecordType;
  limit: number;
  offset?: number;
  includeDeleted?: boolean;
  levels?: Confidentiality[];
  /** Only records whose review status is `verified` (what the public may see). */
  verifiedOnly?: boolean;
};

/**
 * What a search may look at: records at `levels` only (all when absent), identifying text only when
 * `identifying` is true, and only `verified` records when `verifiedOnly`.
 */
export type SearchScope = {
  type?: RecordType;
  limit: number;
  levels?: Confidentiality[];
  identifying?: boolean;
  verifiedOnly?: boolean;
};

/**
 * Everything Daylight keeps, behind one interface: SQLite is the embedded default and the server
 * issue adds PostgreSQL. Use-cases depend on this, never on a particular database's folder.
 */
export interface Store {
  /** Which database this is, for messages and benchmarks. */
  readonly kind: string;
  getRecord(id: string): Promise<DaylightRecord | undefined>;
  /** Most recently updated first. */
  listRecords(query: ListQuery): Promise<DaylightRecord[]>;
  /** Live (not deleted) records per type, at the given levels only (all when absent). */
  /** Live records counted by type, level and review status (one pass, for dashboards). */
  countLive(): Promise<{ type: RecordType; confidentiality: Confidentiality; status: string; n: number }[]>;
  countByType(scope?: {
    levels?: Confidentiality[];
    verifiedOnly?: boolean;
  }): Promise<Record<RecordType, number>>;
  /**
   * A value that changes whenever a record is written (today: the highest record sequence number;
   * edits must keep it changing). Caches of derived views (e.g. what consent lets the public see)
   * compare it to know when to recompute.
   */
  changeMark(): Promise<string>;
  /** Where the records stand: the last record and the last earlier version stored (see `recordsChangedSince`). */
  recordsMark(): Promise<RecordsMark>;
  /** Canonical JSON of the records of a type added or edited after a mark (tombstones included). */
  recordsChangedSince(type: RecordType, mark: RecordsMark): AsyncIterable<string>;
  /** A saved analysis snapshot of a kind, with the mark of the state it reflects. */
  analysisSnapshot(kind: string): Promise<{ mark: string; data: Uint8Array } | undefined>;
  /** Saves an analysis snapshot; `false` (nothing saved) when the store cannot write now. */
  saveAnalysisSnapshot(kind: string, mark: string, data: Uint8Array): Promise<boolean>;
  /** Records whose text contains every term of the query (Hangul substrings, English word prefixes). */
  search(query: SearchQuery, scope: SearchScope): Promise<SearchHit[]>;
  /** Live records of `fromType` that point to the record `targetId` (e.g. a file's custody entries). */
  listReferencing(targetId: string, fromType?: RecordType): Promise<DaylightRecord[]>;
  /** Canonical JSON of every record of one type, tombstones included, ordered by id. */
  exportRecords(type: RecordType): AsyncIterable<string>;
  /** Appends one entry to the hash-chained audit trail (reads, refusals: things not written in a session). */
  appendAudit(event: AuditEvent): Promise<AuditEntry>;
  /** The audit trail in order. */
  auditEntries(): AsyncIterable<AuditEntry>;
  /** The last chain head recorded outside the database, if any (to catch entries cut off the end). */
  auditAnchor(): Promise<{ seq: number; hash: string } | undefined>;
  /** The wrapped data keys. */
  keyringEntries(): Promise<KeyringEntry[]>;
  /** Adds wrapped data keys (a new keyring, or a rotation). */
  addKeyringEntries(entries: KeyringEntry[]): Promise<void>;
  /** Replaces the whole keyring in one transaction (the same keys wrapped under a new passphrase). */
  replaceKeyring(entries: KeyringEntry[]): Promise<void>;
  /** A staff account, if it exists. */
  getUser(username: string): Promise<UserAccount | undefined>;
  /** Creates an account; fails if the name is taken. */
  addUser(account: UserAccount): Promise<void>;
  /** Records the outcome of a sign-in attempt (counters, lock, last TOTP step). */
  updateUserSecurity(
    username: string,
    patch: Pick<UserAccount, 'failed_attempts' | 'locked_until' | 'totp_last_step'>,
  ): Promise<void>;
  /** Keeps a new signed-in session (by the hash of its token). */
  addSession(session: SessionRow): Promise<void>;
  /** A session by the hash of its token, if it exists. */
  getSession(tokenHash: string): Promise<SessionRow | undefined>;
  /** Records activity on a session (for the idle timeout). */
  touchSession(tokenHash: string, lastSeenAt: string): Promise<void>;
  /** Ends one session. */
  deleteSession(tokenHash: string): Promise<void>;
  /**
   * Writes a consistent copy of the whole database to `path` (a new file), while other connections
   * may be reading and writing: what was committed when it started, nothing half-written.
   */
  snapshot(path: string): Promise<void>;
  /** Every version of a record, oldest first, the current one last. */
  recordVersions(id: string): Promise<VersionRow[]>;
  /** The review history of a record, oldest first. */
  reviewSteps(id: string): Promise<ReviewRow[]>;
  /** Records in these statuses at these levels, longest waiting first. */
  reviewQueue(query: { statuses: string[]; levels: Confidentiality[]; limit: number }): Promise<QueueRow[]>;
  /** Adds UPR recommendations in one transaction; rows already stored (same id) are left alone. */
  addUprRecommendations(rows: readonly UprRecommendation[]): Promise<{ inserted: number; unchanged: number }>;
  /** UPR recommendations matching a filter, with how many match in all. */
  searchUprRecommendations(filter: UprFilter): Promise<{ total: number; rows: UprRecommendation[] }>;
  /** Adds what states under review said in their reviews; returns how many were new. */
  addUprStateClaims(claims: readonly UprStateClaim[]): Promise<number>;
  /** State claims of a state (and session), in report order. */
  uprStateClaims(query: { state_under_review?: string; session?: number }): Promise<UprStateClaim[]>;
  /** Sets the themes (UPR issues) of state claims, replacing earlier ones. */
  setUprClaimIssues(entries: readonly UprClaimIssues[]): Promise<void>;
  /** The themes analysts gave state claims. */
  uprClaimIssues(): Promise<UprClaimIssues[]>;
  /** Adds or replaces our recommendations (by id), all or nothing. */
  saveOurRecommendations(rows: readonly StoredRecommendation[]): Promise<void>;
  /** Our recommendations, by id. */
  ourRecommendations(): Promise<StoredRecommendation[]>;
  /** Records a meeting with a delegation; returns its number. */
  addDelegationMeeting(meeting: Omit<MeetingRow, 'seq'>): Promise<number>;
  /** Records (or updates) an ask of a state. */
  setDelegationAsk(ask: AskRow): Promise<void>;
  /** Meetings and asks, of one state or all. */
  delegations(state?: string): Promise<{ meetings: MeetingRow[]; asks: AskRow[] }>;
  /** Records a person's decision on an uptake pair (replacing an earlier one). */
  setUptakeDecision(decision: UptakeDecision): Promise<void>;
  /** Every uptake decision. */
  uptakeDecisions(): Promise<UptakeDecision[]>;
  /** Starts an all-or-nothing write. Only one may be open at a time. */
  /**
   * Every live act's analysis facts (the `act_facts` projection) in storage order, in chunks of rows;
   * with `only`, just the acts stored after a sequence number or with these ids.
   */
  actFacts(
    rowsPerChunk?: number,
    only?: { afterSeq: number; ids: readonly string[] },
  ): AsyncIterable<ActFactChunk>;
  /** Ids of records edited (an earlier version stored) or reviewed after these sequence numbers. */
  changedRecordIds(since: { versions: number; reviews: number }): Promise<string[]>;
  /** Adds a UPR review (date, documents) or completes the stored one. */
  addUprReview(review: UprReview): Promise<void>;
  /** Reviews (of one state, or all), with their documents and how their recommendations were answered. */
  uprReviews(query: { state_under_review?: string }): Promise<UprReviewEntry[]>;
  /** Every link decision of a kind, oldest first. */
  linkDecisions(kind: ResolutionKind): Promise<LinkDecisionRow[]>;
  /** Replaces the stored resolution of a kind by a new run, all or nothing. */
  saveResolution(run: ResolutionRun): Promise<void>;
  /** The latest resolution run of a kind (record id → individual), `undefined` before the first. */
  resolution(kind: ResolutionKind): Promise<StoredResolution | undefined>;
  /** The pairs the latest run left for review. */
  linkReviewPairs(kind: ResolutionKind): Promise<ReviewPairRow[]>;
  beginWrite(): Promise<WriteSession>;
  close(): Promise<void>;
}

/** The last record sequence number and the last version sequence number. */
export type RecordsMark = { records: number; versions: number };

/** The themes an analyst gave one state claim (by document and paragraph). */
export type UprClaimIssues = {
  document: string;
  paragraph: string;
  issues: string[];
  set_by: string;
  set_at: string;
};
