import { Kysely, PostgresDialect, sql } from 'kysely';
import type pg from 'pg';
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
import type {
  UprFilter,
  UprRecommendation,
  UprReview,
  UprReviewEntry,
  UprStateClaim,
} from '../../upr/upr-recommendation.ts';
import { readAnchor, writeAnchor } from '../audit-anchor.ts';
import { countByTypeQuery, countLiveQuery, listRecordsQuery, type RecordTables } from '../record-queries.ts';
import { placeholders, USER_COLUMNS, userValues } from '../row-values.ts';
import type {
  ListQuery,
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
  WriteSession,
} from '../store.ts';
import { ACT_FACT_CHUNK, ACT_FACT_COLUMNS, auditEntryOf } from '../store-rows.ts';
import { WriteLock } from '../write-lock.ts';
import * as tables from './pg-advocacy-tables.ts';
import { inWriteTransaction, named, openPool, streamRows } from './pg-connection.ts';
import { migratePostgres } from './pg-migrations.ts';
import { termMatches } from './pg-search.ts';
import * as upr from './pg-upr-tables.ts';
import { appendAuditRow, PgWriteSession } from './pg-write-session.ts';

/** Where a PostgreSQL store keeps what lives outside the database. */
export type PostgresOptions = {
  /** A file to mirror the audit chain's head into (catches entries cut off the end); none if absent. */
  anchorFile?: string;
  /** Connections in the pool (default 10). */
  poolSize?: number;
};

/** Opens (migrating as needed) the PostgreSQL store at a `postgres://` URL. */
export async function openPostgresStore(url: string, options: PostgresOptions = {}): Promise<PostgresStore> {
  const pool = openPool(url, options.poolSize);
  try {
    const client = await pool.connect();
    try {
      await migratePostgres(client);
    } finally {
      client.release();
    }
  } catch (error) {
    await pool.end();
    throw new Error(`PostgreSQL at ${redactedUrl(url)}: ${(error as Error).message}`);
  }
  return new PostgresStore(pool, options);
}

/** A URL without its password, for messages. */
export function redactedUrl(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}

/** The server store: PostgreSQL through a pool of `pg` connections, shared by several processes. */
export class PostgresStore implements Store {
  readonly kind = 'postgres';
  readonly pool: pg.Pool;
  private readonly query: Kysely<RecordTables>;
  private readonly anchorFile: string | undefined;
  private writing = false;
  private readonly lock = new WriteLock();

  constructor(pool: pg.Pool, options: PostgresOptions = {}) {
    this.pool = pool;
    this.anchorFile = options.anchorFile;
    this.query = new Kysely<RecordTables>({ dialect: new PostgresDialect({ pool }) });
  }

  async getRecord(id: string): Promise<DaylightRecord | undefined> {
    const row = (await this.pool.query(named('SELECT doc FROM records WHERE id = $1', [id]))).rows[0];
    return row ? (JSON.parse(row.doc) as DaylightRecord) : undefined;
  }

  async listRecords(query: ListQuery): Promise<DaylightRecord[]> {
    return listRecordsQuery(this.query, query);
  }

  async countByType(
    scope: { levels?: Confidentiality[]; verifiedOnly?: boolean } = {},
  ): Promise<Record<RecordType, number>> {
    return countByTypeQuery(this.query, scope);
  }

  /** Live records counted by type, level and review status (`Store.countLive` on main, issue 9). */
  async countLive(): Promise<
    { type: RecordType; confidentiality: Confidentiality; status: string; n: number }[]
  > {
    return countLiveQuery(this.query);
  }

  async search(query: SearchQuery, scope: SearchScope): Promise<SearchHit[]> {
    const matches = termMatches(query, scope.identifying !== false);
    if (matches.length === 0) return [];
    const levels = scope.levels ? (scope.levels.length > 0 ? scope.levels : ['']) : undefined;
    const terms = matches.map((m) =>
      m.identifying === undefined
        ? sql`s.open @@ ${m.open}::tsquery`
        : sql`(s.open @@ ${m.open}::tsquery OR s.identifying @@ ${m.identifying}::tsquery)`,
    );
    const rank = matches.map((m) => `(${m.open})`).join(' | ');
    const rows = await sql<{ id: string; type: RecordType; doc: string }>`
      SELECT r.id, r.type, r.doc FROM search s JOIN records r ON r.seq = s.seq
      WHERE ${sql.join(terms, sql` AND `)} AND r.deleted = 0
      ${scope.type ? sql`AND r.type = ${scope.type}` : sql``}
      ${levels ? sql`AND r.confidentiality IN (${sql.join(levels)})` : sql``}
      ${scope.verifiedOnly ? sql`AND r.status = 'verified'` : sql``}
      ORDER BY ts_rank(s.open, ${rank}::tsquery) DESC, r.id LIMIT ${scope.limit}`.execute(this.query);
    return rows.rows.map((row) => ({ id: row.id, type: row.type, record: JSON.parse(row.doc) }));
  }

  async getUser(username: string): Promise<UserAccount | undefined> {
    const row = (await this.pool.query(named('SELECT * FROM users WHERE username = $1', [username]))).rows[0];
    return row ? ({ ...row, disabled: row.disabled === 1 } as UserAccount) : undefined;
  }

  async addUser(a: UserAccount): Promise<void> {
    await this.pool.query(
      `INSERT INTO users (${USER_COLUMNS}) VALUES ${placeholders(9, true)}`,
      userValues(a),
    );
  }

  async updateUserSecurity(
    username: string,
    patch: Pick<UserAccount, 'failed_attempts' | 'locked_until' | 'totp_last_step'>,
  ): Promise<void> {
    await this.pool.query(
      'UPDATE users SET failed_attempts = $1, locked_until = $2, totp_last_step = $3 WHERE username = $4',
      [patch.failed_attempts, patch.locked_until, patch.totp_last_step, username],
    );
  }

  async addSession(s: SessionRow): Promise<void> {
    await this.pool.query(
      'INSERT INTO sessions (token_hash, username, created_at, last_seen_at) VALUES ($1, $2, $3, $4)',
      [s.token_hash, s.username, s.created_at, s.last_seen_at],
    );
  }

  async getSession(tokenHash: string): Promise<SessionRow | undefined> {
    return (await this.pool.query(named('SELECT * FROM sessions WHERE token_hash = $1', [tokenHash])))
      .rows[0];
  }

  async touchSession(tokenHash: string, lastSeenAt: string): Promise<void> {
    await this.pool.query(
      named('UPDATE sessions SET last_seen_at = $1 WHERE token_hash = $2', [lastSeenAt, tokenHash]),
    );
  }

  async deleteSession(tokenHash: string): Promise<void> {
    await this.pool.query('DELETE FROM sessions WHERE token_hash = $1', [tokenHash]);
  }

  async keyringEntries(): Promise<KeyringEntry[]> {
    const result = await this.pool.query(
      'SELECT id, created_at, kdf, salt, wrapped FROM keyring ORDER BY created_at, id',
    );
    return result.rows as KeyringEntry[];
  }

  async addKeyringEntries(entries: KeyringEntry[]): Promise<void> {
    await this.writeKeyring(entries, false);
  }

  async replaceKeyring(entries: KeyringEntry[]): Promise<void> {
    await this.writeKeyring(entries, true);
  }

  /** Writes keyring entries in one transaction, replacing the old ones if asked: never half a keyring. */
  private async writeKeyring(entries: KeyringEntry[], replace: boolean): Promise<void> {
    await inWriteTransaction(this.pool, async (client) => {
      if (replace) await client.query('DELETE FROM keyring');
      for (const e of entries)
        await client.query(
          'INSERT INTO keyring (id, created_at, kdf, salt, wrapped) VALUES ($1, $2, $3, $4, $5)',
          [e.id, e.created_at, e.kdf, e.salt, e.wrapped],
        );
    });
  }

  async listReferencing(targetId: string, fromType?: RecordType): Promise<DaylightRecord[]> {
    const result = await this.pool.query(
      `SELECT DISTINCT r.seq, r.doc FROM refs f JOIN records r ON r.seq = f.from_seq
        WHERE f.to_id = $1 AND r.deleted = 0 AND ($2::text IS NULL OR r.type = $2) ORDER BY r.seq`,
      [targetId, fromType ?? null],
    );
    return result.rows.map((row) => JSON.parse(row.doc) as DaylightRecord);
  }

  async addUprRecommendations(
    rows: readonly UprRecommendation[],
  ): Promise<{ inserted: number; unchanged: number }> {
    return this.lock.run('addUprRecommendations', () => upr.insertUprRecommendations(this.pool, rows));
  }

  async searchUprRecommendations(filter: UprFilter): Promise<{ total: number; rows: UprRecommendation[] }> {
    return upr.selectUprRecommendations(this.pool, filter);
  }

  async addUprStateClaims(claims: readonly UprStateClaim[]): Promise<number> {
    return this.lock.run('addUprStateClaims', () => upr.insertUprStateClaims(this.pool, claims));
  }

  async uprStateClaims(query: { state_under_review?: string; session?: number }): Promise<UprStateClaim[]> {
    return upr.selectUprStateClaims(this.pool, query);
  }

  async setUprClaimIssues(entries: readonly UprClaimIssues[]): Promise<void> {
    return this.lock.run('setUprClaimIssues', () => upr.upsertClaimIssues(this.pool, entries));
  }

  async uprClaimIssues(): Promise<UprClaimIssues[]> {
    return upr.selectClaimIssues(this.pool);
  }

  async addUprReview(review: UprReview): Promise<void> {
    return this.lock.run('addUprReview', () => upr.upsertUprReview(this.pool, review));
  }

  async uprReviews(query: { state_under_review?: string }): Promise<UprReviewEntry[]> {
    return upr.selectUprReviews(this.pool, query);
  }

  async saveOurRecommendations(rows: readonly StoredRecommendation[]): Promise<void> {
    return this.lock.run('saveOurRecommendations', () => tables.upsertOurRecommendations(this.pool, rows));
  }

  async ourRecommendations(): Promise<StoredRecommendation[]> {
    return tables.selectOurRecommendations(this.pool);
  }

  async addDelegationMeeting(meeting: Omit<MeetingRow, 'seq'>): Promise<number> {
    return this.lock.run('addDelegationMeeting', () => tables.insertMeeting(this.pool, meeting));
  }

  async setDelegationAsk(ask: AskRow): Promise<void> {
    return this.lock.run('setDelegationAsk', () => tables.upsertAsk(this.pool, ask));
  }

  async delegations(state?: string): Promise<{ meetings: MeetingRow[]; asks: AskRow[] }> {
    return tables.selectDelegations(this.pool, state);
  }

  async setUptakeDecision(decision: UptakeDecision): Promise<void> {
    return this.lock.run('setUptakeDecision', () => tables.upsertUptakeDecision(this.pool, decision));
  }

  async uptakeDecisions(): Promise<UptakeDecision[]> {
    return tables.selectUptakeDecisions(this.pool);
  }

  async linkDecisions(kind: ResolutionKind): Promise<LinkDecisionRow[]> {
    return tables.selectLinkDecisions(this.pool, kind);
  }

  async saveResolution(run: ResolutionRun): Promise<void> {
    return this.lock.run('saveResolution', () => tables.replaceResolution(this.pool, run));
  }

  async resolution(kind: ResolutionKind): Promise<StoredResolution | undefined> {
    return tables.selectResolution(this.pool, kind);
  }

  async linkReviewPairs(kind: ResolutionKind): Promise<ReviewPairRow[]> {
    return tables.selectReviewPairs(this.pool, kind);
  }

  async changedRecordIds(since: { versions: number; reviews: number }): Promise<string[]> {
    const result = await this.pool.query(
      'SELECT id FROM record_versions WHERE seq > $1 UNION SELECT record_id FROM reviews WHERE seq > $2',
      [since.versions, since.reviews],
    );
    return result.rows.map((row) => String(row.id));
  }

  async *actFacts(
    rowsPerChunk = ACT_FACT_CHUNK,
    only?: { afterSeq: number; ids: readonly string[] },
  ): AsyncIterable<ActFactChunk> {
    // Each column of a chunk joined into one string (string_agg, in seq order), as SQLite's
    // group_concat does: one row per chunk instead of a hundred thousand.
    const columns = ACT_FACT_COLUMNS.map(
      (c) => `coalesce(string_agg(coalesce(${c}::text, ''), E'\\n' ORDER BY seq), '') AS ${c}`,
    ).join(', ');
    const where = only ? 'AND (seq > $3 OR seq IN (SELECT seq FROM records WHERE id = ANY($4::text[])))' : '';
    const text = `SELECT count(*) AS rows, max(seq) AS last, ${columns}
      FROM (SELECT * FROM act_facts WHERE seq > $1 ${where} ORDER BY seq LIMIT $2) chunk`;
    let after = 0;
    for (;;) {
      const values = only ? [after, rowsPerChunk, only.afterSeq, only.ids] : [after, rowsPerChunk];
      const chunk = (await this.pool.query(text, values)).rows[0] as ActFactChunk & { last: number | null };
      if (!chunk || chunk.rows === 0 || chunk.last === null) return;
      after = chunk.last;
      yield chunk;
    }
  }

  async changeMark(): Promise<string> {
    // As SQLite's: inserts, earlier versions, review steps and resolution runs each raise one part.
    const row = (
      await this.pool.query(
        named(`SELECT (SELECT coalesce(max(seq), 0) FROM records) || ':' ||
          (SELECT coalesce(max(seq), 0) FROM record_versions) || ':' || (SELECT coalesce(max(seq), 0) FROM reviews)
          || ':' || (SELECT coalesce(max(seq), 0) FROM resolution_runs) AS mark`),
      )
    ).rows[0];
    return String(row?.mark ?? '');
  }

  async recordsMark(): Promise<RecordsMark> {
    const row = (
      await this.pool.query(`SELECT (SELECT coalesce(max(seq), 0) FROM records) AS records,
        (SELECT coalesce(max(seq), 0) FROM record_versions) AS versions`)
    ).rows[0];
    return { records: Number(row?.records ?? 0), versions: Number(row?.versions ?? 0) };
  }

  async *recordsChangedSince(type: RecordType, mark: RecordsMark): AsyncIterable<string> {
    const rows = streamRows(
      this.pool,
      `SELECT doc FROM records WHERE type = $1 AND (seq > $2 OR id IN
        (SELECT id FROM record_versions WHERE seq > $3)) ORDER BY seq`,
      [type, mark.records, mark.versions],
    );
    for await (const row of rows) yield String(row.doc);
  }

  async analysisSnapshot(kind: string): Promise<{ mark: string; data: Uint8Array } | undefined> {
    const row = (await this.pool.query('SELECT mark, data FROM analysis_snapshots WHERE kind = $1', [kind]))
      .rows[0];
    return row ? { mark: String(row.mark), data: new Uint8Array(row.data as Buffer) } : undefined;
  }

  async saveAnalysisSnapshot(kind: string, mark: string, data: Uint8Array): Promise<boolean> {
    if (this.writing) return false;
    try {
      await this.pool.query(
        `INSERT INTO analysis_snapshots (kind, mark, saved_at, data) VALUES ($1, $2, $3, $4)
          ON CONFLICT (kind) DO UPDATE SET mark = excluded.mark, saved_at = excluded.saved_at, data = excluded.data`,
        [kind, mark, new Date().toISOString(), Buffer.from(data.buffer, data.byteOffset, data.byteLength)],
      );
      return true;
    } catch {
      // A read-only replica: the snapshot is only a saving of time.
      return false;
    }
  }

  async recordVersions(id: string): Promise<VersionRow[]> {
    const result = await this.pool.query(
      `SELECT id, version, status, updated_at, doc FROM (
          SELECT id, version, status, updated_at, doc, 0 AS current FROM record_versions WHERE id = $1
          UNION ALL SELECT id, version, status, updated_at, doc, 1 FROM records WHERE id = $1) v
        ORDER BY current, version`,
      [id],
    );
    return result.rows as VersionRow[];
  }

  async reviewSteps(id: string): Promise<ReviewRow[]> {
    const result = await this.pool.query(
      `SELECT record_id, version, at, actor, action, from_status, to_status, comment
        FROM reviews WHERE record_id = $1 ORDER BY seq`,
      [id],
    );
    return result.rows as ReviewRow[];
  }

  async reviewQueue(query: {
    statuses: string[];
    levels: Confidentiality[];
    limit: number;
  }): Promise<QueueRow[]> {
    const result = await this.pool.query(
      `SELECT r.id, r.type, r.version, r.status, r.confidentiality,
          greatest(coalesce((SELECT max(v.at) FROM reviews v WHERE v.record_id = r.id), ''), r.updated_at) AS since
        FROM records r
        WHERE r.deleted = 0 AND r.status = ANY($1::text[]) AND r.confidentiality = ANY($2::text[])
        ORDER BY since, r.id LIMIT $3`,
      [query.statuses, query.levels, query.limit],
    );
    return result.rows as QueueRow[];
  }

  async *exportRecords(type: RecordType): AsyncIterable<string> {
    for await (const row of streamRows(this.pool, 'SELECT doc FROM records WHERE type = $1 ORDER BY id', [
      type,
    ]))
      yield String(row.doc);
  }

  async appendAudit(event: AuditEvent): Promise<AuditEntry> {
    return this.lock.run('appendAudit', async () => {
      const entry = await inWriteTransaction(this.pool, (client) => appendAuditRow(client, event));
      this.recordAnchor({ seq: entry.seq, hash: entry.hash });
      return entry;
    });
  }

  async *auditEntries(): AsyncIterable<AuditEntry> {
    for await (const row of streamRows(this.pool, 'SELECT * FROM audit ORDER BY seq'))
      yield auditEntryOf(row);
  }

  async auditAnchor(): Promise<{ seq: number; hash: string } | undefined> {
    return this.anchorFile ? readAnchor(this.anchorFile) : undefined;
  }

  /** Mirrors the chain's head into the anchor file, never moving it back (several processes write it). */
  private recordAnchor(head: { seq: number; hash: string } | undefined): void {
    const file = this.anchorFile;
    if (!file || !head) return;
    let known: { seq: number } | undefined;
    try {
      known = readAnchor(file);
    } catch {
      // An unreadable anchor is replaced by the true head (verification reads the chain itself).
    }
    if (known && known.seq >= head.seq) return;
    writeAnchor(file, head);
  }

  private async auditHead(): Promise<{ seq: number; hash: string } | undefined> {
    return (await this.pool.query('SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1')).rows[0];
  }

  async snapshot(_path: string): Promise<void> {
    throw new Error(
      'a PostgreSQL store is backed up with pg_dump or pg_basebackup (docs/deploy.md), not daylight backup',
    );
  }

  async beginWrite(): Promise<WriteSession> {
    // Another request's session (or audit entry) may be open: this one waits its turn.
    const release = await this.lock.acquire('beginWrite');
    this.writing = true;
    try {
      return await PgWriteSession.begin(this.pool, async (committed) => {
        this.writing = false;
        release();
        // The session has committed: failing to mirror the head must not report it as failed.
        if (committed)
          await this.auditHead().then(
            (head) => this.recordAnchor(head),
            () => undefined,
          );
      });
    } catch (error) {
      this.writing = false;
      release();
      throw error;
    }
  }

  async close(): Promise<void> {
    await this.query.destroy();
    if (!this.pool.ended) await this.pool.end();
  }
}
