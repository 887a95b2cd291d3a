import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync, type StatementSync } from 'node:sqlite';
import { sql } from 'kysely';
import type { AuditEntry, AuditEvent } from '../../access/audit-chain.ts';
import type { KeyringEntry } from '../../access/keyring.ts';
import type { UserAccount } from '../../accounts/user-account.ts';
import type { AskRow, MeetingRow, StoredRecommendation, UptakeDecision } from '../../advocacy/delegation.ts';
import type { ActFactChunk } from '../../analysis/act-fact.ts';
import type { DaylightRecord, RecordType } from '../../domain/record.ts';
import type { Confidentiality } from '../../domain/record-meta.ts';
import type {
  LinkDecisionRow,
  ResolutionKind,
  ResolutionRun,
  ReviewPairRow,
  StoredResolution,
} from '../../resolution/resolution-rows.ts';
import { ftsPhrase, indexableText } from '../../search/hangul-bigrams.ts';
import type {
  UprFilter,
  UprRecommendation,
  UprReview,
  UprReviewEntry,
  UprStateClaim,
} from '../../upr/upr-recommendation.ts';
import { readAnchor, writeAnchor } from '../audit-anchor.ts';
import { countByTypeQuery, countLiveQuery, listRecordsQuery, type RecordTables } from '../record-queries.ts';
import { AUDIT_COLUMNS, nextAuditEntry, placeholders, USER_COLUMNS, userValues } from '../row-values.ts';
import type {
  DanglingReference,
  EditOutcome,
  ListQuery,
  PreparedRecord,
  QueueRow,
  RecordsMark,
  ReviewRow,
  SearchHit,
  SearchQuery,
  SearchScope,
  SessionRow,
  Store,
  UprClaimIssues,
  VersionRow,
  WriteOutcome,
  WriteSession,
} from '../store.ts';
import { ACT_FACT_CHUNK, ACT_FACT_COLUMNS, auditEntryOf, claimIssuesOf } from '../store-rows.ts';
import { WriteLock } from '../write-lock.ts';
import {
  insertMeeting,
  selectDelegations,
  selectOurRecommendations,
  selectUptakeDecisions,
  upsertAsk,
  upsertOurRecommendations,
  upsertUptakeDecision,
} from './advocacy-tables.ts';
import { kyselyOver } from './kysely-node-sqlite.ts';
import { migrate } from './migrations.ts';
import { applyEdits, applyReview } from './record-edits.ts';
import {
  insertLinkDecision,
  replaceResolution,
  selectLinkDecisions,
  selectResolution,
  selectReviewPairs,
} from './resolution-tables.ts';
import {
  insertUprRecommendations,
  insertUprStateClaims,
  selectUprRecommendations,
  selectUprReviews,
  selectUprStateClaims,
  upsertUprReview,
} from './upr-tables.ts';

type Tables = RecordTables;

/** Opens (creating and migrating as needed) the embedded SQLite store at `path` (`:memory:` works). */
export function openSqliteStore(path: string): SqliteStore {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new DatabaseSync(path, { enableForeignKeyConstraints: true, timeout: 5000 });
  db.exec(`PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;
    PRAGMA cache_size = -65536; PRAGMA temp_store = MEMORY;`);
  migrate(db);
  return new SqliteStore(db, path);
}

/** The embedded default store: one SQLite file through Node's built-in `node:sqlite`. */
export class SqliteStore implements Store {
  readonly kind = 'sqlite';
  readonly path: string;
  /** Above this many matches, search results come newest first instead of ranked (tests lower it). */
  rankedMatches = RANKED_MATCHES;
  readonly db: DatabaseSync;
  private readonly query;
  private writing = false;
  private readonly lock = new WriteLock();

  constructor(db: DatabaseSync, path: string) {
    this.db = db;
    this.path = path;
    this.query = kyselyOver<Tables>(db);
  }

  async getRecord(id: string): Promise<DaylightRecord | undefined> {
    const row = await this.query.selectFrom('records').select('doc').where('id', '=', id).executeTakeFirst();
    return row ? (JSON.parse(row.doc) as DaylightRecord) : undefined;
  }

  async listRecords(query: ListQuery): Promise<DaylightRecord[]> {
    return listRecordsQuery(this.query, query);
  }

  async countLive(): Promise<
    { type: RecordType; confidentiality: Confidentiality; status: string; n: number }[]
  > {
    return countLiveQuery(this.query);
  }

  async countByType(
    scope: { levels?: Confidentiality[]; verifiedOnly?: boolean } = {},
  ): Promise<Record<RecordType, number>> {
    return countByTypeQuery(this.query, scope);
  }

  async search(query: SearchQuery, scope: SearchScope): Promise<SearchHit[]> {
    const match = ftsMatch(query, scope.identifying !== false);
    if (match === undefined) return [];
    const levels = scope.levels ? (scope.levels.length > 0 ? scope.levels : ['']) : undefined;
    const count = this.db.prepare('SELECT count(*) AS n FROM search WHERE search MATCH ?').get(match);
    const matches = Number(count?.n ?? 0);
    // Ranking every match of a common word costs more than it tells: past RANKED_MATCHES, the
    // newest matches come first. Candidates are taken from the index in growing windows, until
    // enough pass the filters (type, levels, review state) or none are left.
    const score = matches > this.rankedMatches ? sql`-search.rowid` : sql`search.rank`;
    for (let window = Math.max(scope.limit * 2, 100); ; window *= 4) {
      const rows = await sql<{ id: string; type: RecordType; doc: string }>`
        SELECT r.id, r.type, r.doc FROM (
          SELECT search.rowid AS seq, ${score} AS score
          FROM search WHERE search MATCH ${match} ORDER BY score LIMIT ${window}
        ) hit JOIN records r ON r.seq = hit.seq
        WHERE r.deleted = 0
        ${scope.type ? sql`AND r.type = ${scope.type}` : sql``}
        ${levels ? sql`AND r.confidentiality IN (${sql.join(levels)})` : sql``}
        ${scope.verifiedOnly ? sql`AND r.status = 'verified'` : sql``}
        ORDER BY hit.score, r.id LIMIT ${scope.limit}`.execute(this.query);
      if (rows.rows.length >= scope.limit || window >= matches)
        return rows.rows.map((row) => ({ id: row.id, type: row.type, record: JSON.parse(row.doc) }));
    }
  }

  async getUser(username: string): Promise<UserAccount | undefined> {
    const row = this.db.prepare('SELECT * FROM users WHERE username = ?').get(username);
    return row
      ? ({ ...(row as unknown as UserAccount), disabled: row.disabled === 1 } as UserAccount)
      : undefined;
  }

  async addUser(a: UserAccount): Promise<void> {
    this.db
      .prepare(`INSERT INTO users (${USER_COLUMNS}) VALUES ${placeholders(9, false)}`)
      .run(...userValues(a));
  }

  async updateUserSecurity(
    username: string,
    patch: Pick<UserAccount, 'failed_attempts' | 'locked_until' | 'totp_last_step'>,
  ): Promise<void> {
    this.db
      .prepare(
        'UPDATE users SET failed_attempts = ?, locked_until = ?, totp_last_step = ? WHERE username = ?',
      )
      .run(patch.failed_attempts, patch.locked_until, patch.totp_last_step, username);
  }

  async addSession(session: SessionRow): Promise<void> {
    this.db
      .prepare('INSERT INTO sessions (token_hash, username, created_at, last_seen_at) VALUES (?, ?, ?, ?)')
      .run(session.token_hash, session.username, session.created_at, session.last_seen_at);
  }

  async getSession(tokenHash: string): Promise<SessionRow | undefined> {
    const row = this.db.prepare('SELECT * FROM sessions WHERE token_hash = ?').get(tokenHash);
    return row as SessionRow | undefined;
  }

  async touchSession(tokenHash: string, lastSeenAt: string): Promise<void> {
    this.db.prepare('UPDATE sessions SET last_seen_at = ? WHERE token_hash = ?').run(lastSeenAt, tokenHash);
  }

  async deleteSession(tokenHash: string): Promise<void> {
    this.db.prepare('DELETE FROM sessions WHERE token_hash = ?').run(tokenHash);
  }

  async keyringEntries(): Promise<KeyringEntry[]> {
    return this.db
      .prepare('SELECT id, created_at, kdf, salt, wrapped FROM keyring ORDER BY created_at, id')
      .all() as unknown as KeyringEntry[];
  }

  async replaceKeyring(entries: KeyringEntry[]): Promise<void> {
    await this.writeKeyring(entries, true);
  }

  async addKeyringEntries(entries: KeyringEntry[]): Promise<void> {
    await this.writeKeyring(entries, false);
  }

  /** Writes keyring entries in one transaction, replacing the old ones if asked: never half a keyring. */
  private async writeKeyring(entries: KeyringEntry[], replace: boolean): Promise<void> {
    const insert = this.db.prepare(
      'INSERT INTO keyring (id, created_at, kdf, salt, wrapped) VALUES (?, ?, ?, ?, ?)',
    );
    this.db.exec('BEGIN IMMEDIATE');
    try {
      if (replace) this.db.exec('DELETE FROM keyring');
      for (const e of entries) insert.run(e.id, e.created_at, e.kdf, e.salt, e.wrapped);
      this.db.exec('COMMIT');
    } catch (error) {
      this.db.exec('ROLLBACK');
      throw error;
    }
  }

  async listReferencing(targetId: string, fromType?: RecordType): Promise<DaylightRecord[]> {
    const rows = this.db
      .prepare(`SELECT DISTINCT r.seq, r.doc FROM refs f JOIN records r ON r.seq = f.from_seq
        WHERE f.to_id = ? AND r.deleted = 0 AND (? IS NULL OR r.type = ?) ORDER BY r.seq`)
      .all(targetId, fromType ?? null, fromType ?? null);
    return rows.map((row) => JSON.parse(row.doc as string) as DaylightRecord);
  }

  async addUprRecommendations(
    rows: readonly UprRecommendation[],
  ): Promise<{ inserted: number; unchanged: number }> {
    return this.lock.run('addUprRecommendations', () => insertUprRecommendations(this.db, rows));
  }

  async searchUprRecommendations(filter: UprFilter): Promise<{ total: number; rows: UprRecommendation[] }> {
    return selectUprRecommendations(this.db, filter);
  }

  async addUprStateClaims(claims: readonly UprStateClaim[]): Promise<number> {
    return this.lock.run('addUprStateClaims', () => insertUprStateClaims(this.db, claims));
  }

  async setUprClaimIssues(entries: readonly UprClaimIssues[]): Promise<void> {
    return this.lock.run('setUprClaimIssues', () => {
      const upsert =
        this.db.prepare(`INSERT INTO upr_claim_issues (document, paragraph, issues, set_by, set_at)
        VALUES (?, ?, ?, ?, ?) ON CONFLICT (document, paragraph) DO UPDATE SET issues = excluded.issues,
        set_by = excluded.set_by, set_at = excluded.set_at`);
      this.db.exec('BEGIN IMMEDIATE');
      try {
        for (const e of entries)
          upsert.run(e.document, e.paragraph, JSON.stringify(e.issues), e.set_by, e.set_at);
        this.db.exec('COMMIT');
      } catch (error) {
        this.db.exec('ROLLBACK');
        throw error;
      }
    });
  }

  async uprClaimIssues(): Promise<UprClaimIssues[]> {
    return this.db
      .prepare('SELECT document, paragraph, issues, set_by, set_at FROM upr_claim_issues')
      .all()
      .map(claimIssuesOf);
  }

  async saveOurRecommendations(rows: readonly StoredRecommendation[]): Promise<void> {
    return this.lock.run('saveOurRecommendations', () => upsertOurRecommendations(this.db, rows));
  }

  async ourRecommendations(): Promise<StoredRecommendation[]> {
    return selectOurRecommendations(this.db);
  }

  async addDelegationMeeting(meeting: Omit<MeetingRow, 'seq'>): Promise<number> {
    return this.lock.run('addDelegationMeeting', () => insertMeeting(this.db, meeting));
  }

  async setDelegationAsk(ask: AskRow): Promise<void> {
    return this.lock.run('setDelegationAsk', () => upsertAsk(this.db, ask));
  }

  async delegations(state?: string): Promise<{ meetings: MeetingRow[]; asks: AskRow[] }> {
    return selectDelegations(this.db, state);
  }

  async setUptakeDecision(decision: UptakeDecision): Promise<void> {
    return this.lock.run('setUptakeDecision', () => upsertUptakeDecision(this.db, decision));
  }

  async uptakeDecisions(): Promise<UptakeDecision[]> {
    return selectUptakeDecisions(this.db);
  }

  async uprStateClaims(query: { state_under_review?: string; session?: number }): Promise<UprStateClaim[]> {
    return selectUprStateClaims(this.db, query);
  }

  async changedRecordIds(since: { versions: number; reviews: number }): Promise<string[]> {
    return this.db
      .prepare(
        `SELECT id FROM record_versions WHERE seq > ? UNION SELECT record_id FROM reviews WHERE seq > ?`,
      )
      .all(since.versions, since.reviews)
      .map((row) => String(row.id));
  }

  async *actFacts(
    rowsPerChunk = ACT_FACT_CHUNK,
    only?: { afterSeq: number; ids: readonly string[] },
  ): AsyncIterable<ActFactChunk> {
    // SQLite joins each column of a chunk into one string: reading values one by one costs about
    // a microsecond each through node:sqlite, joining them a few nanoseconds. One aggregate reads
    // the chunk's rows once, so every column lists them in the same order.
    const joined = (column: string) => `coalesce(group_concat(coalesce(${column}, ''), char(10)), '')`;
    const columns = ACT_FACT_COLUMNS.map((c) => `${joined(c)} AS ${c}`).join(', ');
    // The changed acts by their records' seq (records has an index on id; act_facts needs none).
    const where = only
      ? `AND seq IN (SELECT seq FROM act_facts WHERE seq > ?
          UNION SELECT r.seq FROM records r JOIN json_each(?) j ON r.id = j.value)`
      : '';
    const select = this.db.prepare(`SELECT count(*) AS rows, max(seq) AS last, ${columns}
      FROM (SELECT * FROM act_facts WHERE seq > ? ${where} ORDER BY seq LIMIT ?)`);
    const filter = only ? [only.afterSeq, JSON.stringify(only.ids)] : [];
    let after = 0;
    for (;;) {
      const chunk = select.get(after, ...filter, rowsPerChunk) as unknown as ActFactChunk & {
        last: number | null;
      };
      if (chunk.rows === 0 || chunk.last === null) return;
      after = chunk.last;
      yield chunk;
    }
  }

  async addUprReview(review: UprReview): Promise<void> {
    return this.lock.run('addUprReview', () => upsertUprReview(this.db, review));
  }

  async uprReviews(query: { state_under_review?: string }): Promise<UprReviewEntry[]> {
    return selectUprReviews(this.db, query);
  }

  async linkDecisions(kind: ResolutionKind): Promise<LinkDecisionRow[]> {
    return selectLinkDecisions(this.db, kind);
  }

  async saveResolution(run: ResolutionRun): Promise<void> {
    return this.lock.run('saveResolution', () => replaceResolution(this.db, run));
  }

  async resolution(kind: ResolutionKind): Promise<StoredResolution | undefined> {
    return selectResolution(this.db, kind);
  }

  async linkReviewPairs(kind: ResolutionKind): Promise<ReviewPairRow[]> {
    return selectReviewPairs(this.db, kind);
  }

  async changeMark(): Promise<string> {
    // Inserts raise max(records.seq); edits add a row to record_versions; reviews one to reviews;
    // a resolution run (which changes who is counted once) one to resolution_runs.
    const row = this.db
      .prepare(`SELECT (SELECT coalesce(max(seq), 0) FROM records) || ':' ||
        (SELECT coalesce(max(seq), 0) FROM record_versions) || ':' || (SELECT coalesce(max(seq), 0) FROM reviews) || ':' ||
        (SELECT coalesce(max(seq), 0) FROM resolution_runs) AS mark`)
      .get();
    return String(row?.mark ?? '');
  }

  async recordsMark(): Promise<RecordsMark> {
    const row = this.db
      .prepare(`SELECT (SELECT coalesce(max(seq), 0) FROM records) AS records,
        (SELECT coalesce(max(seq), 0) FROM record_versions) AS versions`)
      .get();
    return { records: Number(row?.records ?? 0), versions: Number(row?.versions ?? 0) };
  }

  async *recordsChangedSince(type: RecordType, mark: RecordsMark): AsyncIterable<string> {
    // An edit keeps the record's seq and moves its earlier version to record_versions.
    const statement = this.db.prepare(`SELECT doc FROM records WHERE type = ? AND (seq > ? OR id IN
      (SELECT id FROM record_versions WHERE seq > ?)) ORDER BY seq`);
    for (const row of statement.iterate(type, mark.records, mark.versions)) yield row.doc as string;
  }

  async analysisSnapshot(kind: string): Promise<{ mark: string; data: Uint8Array } | undefined> {
    const row = this.db.prepare('SELECT mark, data FROM analysis_snapshots WHERE kind = ?').get(kind);
    return row ? { mark: String(row.mark), data: row.data as Uint8Array } : undefined;
  }

  async saveAnalysisSnapshot(kind: string, mark: string, data: Uint8Array): Promise<boolean> {
    if (this.writing || this.db.isTransaction) return false;
    try {
      this.db
        .prepare(`INSERT INTO analysis_snapshots (kind, mark, saved_at, data) VALUES (?, ?, ?, ?)
          ON CONFLICT (kind) DO UPDATE SET mark = excluded.mark, saved_at = excluded.saved_at, data = excluded.data`)
        .run(kind, mark, new Date().toISOString(), data);
      return true;
    } catch {
      // A read-only or busy database: the snapshot is only a saving of time.
      return false;
    }
  }

  async recordVersions(id: string): Promise<VersionRow[]> {
    const earlier = this.db
      .prepare(
        'SELECT id, version, status, updated_at, doc FROM record_versions WHERE id = ? ORDER BY version',
      )
      .all(id) as unknown as VersionRow[];
    const current = this.db
      .prepare('SELECT id, version, status, updated_at, doc FROM records WHERE id = ?')
      .get(id) as unknown as VersionRow | undefined;
    return current ? [...earlier, current] : earlier;
  }

  async reviewSteps(id: string): Promise<ReviewRow[]> {
    return this.db
      .prepare(`SELECT record_id, version, at, actor, action, from_status, to_status, comment
        FROM reviews WHERE record_id = ? ORDER BY seq`)
      .all(id) as unknown as ReviewRow[];
  }

  async reviewQueue(query: {
    statuses: string[];
    levels: Confidentiality[];
    limit: number;
  }): Promise<QueueRow[]> {
    return this.db
      .prepare(`SELECT r.id, r.type, r.version, r.status, r.confidentiality,
          max(coalesce((SELECT max(v.at) FROM reviews v WHERE v.record_id = r.id), ''), r.updated_at) AS since
        FROM records r
        WHERE r.deleted = 0 AND r.status IN (SELECT value FROM json_each(?))
          AND r.confidentiality IN (SELECT value FROM json_each(?))
        ORDER BY since, r.id LIMIT ?`)
      .all(
        JSON.stringify(query.statuses),
        JSON.stringify(query.levels),
        query.limit,
      ) as unknown as QueueRow[];
  }

  async *exportRecords(type: RecordType): AsyncIterable<string> {
    const statement = this.db.prepare('SELECT doc FROM records WHERE type = ? ORDER BY id');
    for (const row of statement.iterate(type)) yield row.doc as string;
  }

  async appendAudit(event: AuditEvent): Promise<AuditEntry> {
    return this.lock.run('appendAudit', () => {
      this.db.exec('BEGIN IMMEDIATE');
      try {
        const entry = appendAuditRow(this.db, event);
        this.db.exec('COMMIT');
        this.recordAnchor();
        return entry;
      } catch (error) {
        if (this.db.isTransaction) this.db.exec('ROLLBACK');
        throw error;
      }
    });
  }

  async *auditEntries(): AsyncIterable<AuditEntry> {
    for (const row of this.db.prepare('SELECT * FROM audit ORDER BY seq').iterate()) yield auditEntryOf(row);
  }

  async auditAnchor(): Promise<{ seq: number; hash: string } | undefined> {
    const file = this.anchorFile();
    return file ? readAnchor(file) : undefined;
  }

  /** Keeps the chain's head outside the database, so that entries cut off its end are noticed. */
  recordAnchor(): void {
    const file = this.anchorFile();
    const head = this.db.prepare('SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1').get();
    if (file && head) writeAnchor(file, { seq: Number(head.seq), hash: String(head.hash) });
  }

  private anchorFile(): string | undefined {
    return this.path === ':memory:' ? undefined : `${this.path}.audit-head`;
  }

  async snapshot(path: string): Promise<void> {
    if (this.writing) throw new Error('a write session is open on this connection: snapshot from another');
    if (existsSync(path)) throw new Error(`${path} exists: a snapshot goes to a new file`);
    // VACUUM INTO reads in one transaction (WAL: writers go on) and writes a compact copy.
    this.db.prepare('VACUUM INTO ?').run(path);
  }

  async beginWrite(): Promise<WriteSession> {
    // Another request's session (or audit entry) may be open: this one waits its turn.
    const release = await this.lock.acquire('beginWrite');
    let firstSeq: number;
    try {
      this.db.exec('BEGIN IMMEDIATE');
      firstSeq = Number(this.db.prepare('SELECT coalesce(max(seq), 0) AS n FROM records').get()?.n ?? 0);
    } catch (error) {
      if (this.db.isTransaction) this.db.exec('ROLLBACK');
      release();
      throw error;
    }
    this.writing = true;
    const done = (committed: boolean) => {
      this.writing = false;
      release();
      if (committed) this.recordAnchor();
    };
    return new SqliteWriteSession(this.db, firstSeq, done);
  }

  async close(): Promise<void> {
    await this.query.destroy();
    if (this.db.isOpen) this.db.close();
  }
}

class SqliteWriteSession implements WriteSession {
  private readonly db: DatabaseSync;
  private readonly firstSeq: number;
  private readonly done: (committed: boolean) => void;
  private readonly insertRecord: StatementSync;
  private readonly existingDoc: StatementSync;
  private readonly insertRef: StatementSync;
  private readonly insertSearch: StatementSync;
  private open = true;
  /** Records edited in this session (their seqs predate it): their references are checked too. */
  private readonly editedSeqs: number[] = [];

  constructor(db: DatabaseSync, firstSeq: number, done: (committed: boolean) => void) {
    this.db = db;
    this.firstSeq = firstSeq;
    this.done = done;
    this.insertRecord = db.prepare(`INSERT INTO records
      (id, type, version, status, confidentiality, updated_at, deleted, content_hash, doc) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (id) DO NOTHING`);
    this.existingDoc = db.prepare('SELECT content_hash FROM records WHERE id = ?');
    this.insertRef = db.prepare('INSERT INTO refs (from_seq, field, to_id, to_type) VALUES (?, ?, ?, ?)');
    this.insertSearch = db.prepare('INSERT INTO search (rowid, open, identifying) VALUES (?, ?, ?)');
  }

  async write(batch: readonly PreparedRecord[]): Promise<WriteOutcome[]> {
    this.assertOpen();
    const outcomes: WriteOutcome[] = [];
    // References and search entries go in after the batch's records: grouped by table, the inserts
    // touch far fewer pages (three times faster on the large demo than row by row).
    const written: { seq: number; item: PreparedRecord }[] = [];
    for (const item of batch) {
      const r = item.columns;
      const result = this.insertRecord.run(
        r.id,
        r.type,
        r.version,
        r.status,
        r.confidentiality,
        r.updated_at,
        r.deleted ? 1 : 0,
        item.contentHash,
        item.json,
      );
      if (result.changes === 0) {
        const existing = this.existingDoc.get(r.id)?.content_hash;
        outcomes.push(existing === item.contentHash ? 'unchanged' : 'conflict');
        continue;
      }
      written.push({ seq: Number(result.lastInsertRowid), item });
      outcomes.push('inserted');
    }
    for (const { seq, item } of written) {
      for (const ref of item.refs) this.insertRef.run(seq, ref.field, ref.target, ref.targetType);
    }
    for (const { seq, item } of written) {
      const { open, identifying } = item.searchText;
      if (open.length > 0 || identifying.length > 0)
        this.insertSearch.run(seq, indexableText(open), indexableText(identifying));
    }
    return outcomes;
  }

  async edit(
    batch: readonly { prepared: PreparedRecord; expectedVersion: number }[],
  ): Promise<EditOutcome[]> {
    this.assertOpen();
    const { outcomes, seqs } = applyEdits(this.db, batch);
    this.editedSeqs.push(...seqs);
    return outcomes;
  }

  async review(step: ReviewRow, updated: { json: string; contentHash: string }): Promise<'done' | 'stale'> {
    this.assertOpen();
    return applyReview(this.db, step, updated);
  }

  async audit(event: AuditEvent): Promise<void> {
    this.assertOpen();
    appendAuditRow(this.db, event);
  }

  async decideLink(row: Omit<LinkDecisionRow, 'seq'>): Promise<number> {
    this.assertOpen();
    return insertLinkDecision(this.db, row);
  }

  async danglingReferences(limit: number): Promise<DanglingReference[]> {
    this.assertOpen();
    // Two index range scans (records inserted in this session; records edited in it), not one OR.
    const select = `SELECT r.id AS id, f.field AS field, f.to_id AS target, f.to_type AS targetType, f.from_seq AS seq
        FROM refs f JOIN records r ON r.seq = f.from_seq
        LEFT JOIN records t ON t.id = f.to_id AND t.type = f.to_type WHERE t.seq IS NULL AND`;
    const rows = this.db
      .prepare(`SELECT id, field, target, targetType FROM (
          ${select} f.from_seq > ?
          UNION ALL ${select} f.from_seq IN (SELECT value FROM json_each(?)) AND f.from_seq <= ?
        ) ORDER BY seq LIMIT ?`)
      .all(this.firstSeq, JSON.stringify(this.editedSeqs), this.firstSeq, limit);
    return rows as unknown as DanglingReference[];
  }

  async commit(): Promise<void> {
    this.assertOpen();
    this.open = false;
    let committed = false;
    try {
      this.db.exec('COMMIT');
      committed = true;
    } catch (error) {
      if (this.db.isTransaction) this.db.exec('ROLLBACK');
      throw error;
    } finally {
      this.done(committed);
    }
  }

  async rollback(): Promise<void> {
    if (!this.open) return;
    this.open = false;
    if (this.db.isTransaction) this.db.exec('ROLLBACK');
    this.done(false);
  }

  private assertOpen() {
    if (!this.open) throw new Error('this write session has ended');
  }
}

/** Appends one chained entry; the caller holds the write transaction. */
function appendAuditRow(db: DatabaseSync, event: AuditEvent): AuditEntry {
  const last = db.prepare('SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1').get();
  const { entry, values } = nextAuditEntry(last, event);
  db.prepare(`INSERT INTO audit (${AUDIT_COLUMNS}) VALUES ${placeholders(9, false)}`).run(...values);
  return entry;
}

/**
 * The FTS5 expression for a query: every term must match, as a substring of the open text, or
 * (when allowed) as whole blind-index tokens of the identifying text.
 */
/** Above this many matches, search results come newest first instead of ranked (see `search`). */
const RANKED_MATCHES = 20_000;

function ftsMatch(query: SearchQuery, identifying: boolean): string | undefined {
  const parts: string[] = [];
  for (const term of query.terms) {
    const phrase = ftsPhrase(term.text);
    const blind =
      identifying && term.blind.length > 0 ? `identifying : "${term.blind.join(' ')}"` : undefined;
    if (phrase && blind) parts.push(`(open : ${phrase} OR ${blind})`);
    else if (phrase) parts.push(`open : ${phrase}`);
  }
  return parts.length > 0 ? parts.join(' AND ') : undefined;
}
