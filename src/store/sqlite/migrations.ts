import type { DatabaseSync } from 'node:sqlite';

/** A schema change, applied once, in order, when a database is opened. */
export type Migration = { version: number; name: string; sql: string };

/** The SQLite schema's history. Append; never edit a migration that has shipped. */
/** The act_facts row of an act record `NEW` (see migration 11). */
const FACT_SELECT = `SELECT NEW.seq, NEW.id, json_extract(NEW.doc, '$.act_type'),
          CAST(substr(json_extract(NEW.doc, '$.date.from'), 1, 4) AS INTEGER),
          CAST(substr(coalesce(json_extract(NEW.doc, '$.date.to'), json_extract(NEW.doc, '$.date.from')), 1, 4) AS INTEGER),
          json_extract(NEW.doc, '$.facility'), NEW.status, NEW.confidentiality,
          (SELECT group_concat(value, ',') FROM json_each(NEW.doc, '$.victims')),
          (SELECT group_concat(json_extract(value, '$.person') || ':' || json_extract(value, '$.involvement'), ',') FROM json_each(NEW.doc, '$.perpetrators')),
          (SELECT group_concat(json_extract(value, '$.law'), ',') FROM json_each(NEW.doc, '$.legal_basis')),
          (SELECT group_concat(value, ',') FROM json_each(NEW.doc, '$.norms')),
          (SELECT group_concat(json_extract(value, '$.source'), ',') FROM json_each(NEW.doc, '$.sources'))`;

export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: 'records, references and search',
    sql: `
      CREATE TABLE records (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        type TEXT NOT NULL,
        version INTEGER NOT NULL,
        status TEXT NOT NULL,
        confidentiality TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        deleted INTEGER NOT NULL DEFAULT 0,
        content_hash TEXT NOT NULL,
        doc TEXT NOT NULL
      ) STRICT;
      CREATE INDEX records_by_type ON records (type, id);
      CREATE INDEX records_by_update ON records (updated_at);
      -- Targets are checked by every write session before it commits (see danglingReferences), which can
      -- name the input line; a foreign key on to_id would only fail the commit, and costs a lookup per row.
      CREATE TABLE refs (
        from_seq INTEGER NOT NULL REFERENCES records (seq) ON DELETE CASCADE,
        field TEXT NOT NULL,
        to_id TEXT NOT NULL,
        to_type TEXT NOT NULL,
        PRIMARY KEY (from_seq, field)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX refs_to ON refs (to_id);
      -- Two columns: text anyone allowed to see the record may search, and identifying text.
      CREATE VIRTUAL TABLE search USING fts5 (
        open, identifying, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2'
      );
    `,
  },
  {
    version: 2,
    name: 'audit trail',
    sql: `
      CREATE TABLE audit (
        seq INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        action TEXT NOT NULL,
        target TEXT,
        reason TEXT,
        detail TEXT,
        prev TEXT NOT NULL,
        hash TEXT NOT NULL
      ) STRICT;
      -- Append-only for the application; the hash chain catches anyone who edits the file directly.
      CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
      CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
    `,
  },
  {
    version: 3,
    name: 'keyring',
    sql: `
      -- Data keys, each wrapped under a key derived from the passphrase or read from a key file.
      CREATE TABLE keyring (
        id TEXT PRIMARY KEY,
        created_at TEXT NOT NULL,
        kdf TEXT NOT NULL,
        salt TEXT NOT NULL,
        wrapped TEXT NOT NULL
      ) STRICT;
    `,
  },
  {
    version: 4,
    name: 'user accounts',
    sql: `
      CREATE TABLE users (
        username TEXT PRIMARY KEY,
        role TEXT NOT NULL,
        password_hash TEXT NOT NULL,
        totp_secret TEXT NOT NULL, -- encrypted with the data key
        totp_last_step INTEGER NOT NULL DEFAULT 0,
        failed_attempts INTEGER NOT NULL DEFAULT 0,
        locked_until TEXT,
        disabled INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL
      ) STRICT;
    `,
  },
  {
    version: 5,
    name: 'server sessions',
    sql: `
      -- Signed-in sessions: only a hash of the cookie's token is kept, so a copy of the database
      -- cannot be used to take over a session.
      CREATE TABLE sessions (
        token_hash TEXT PRIMARY KEY,
        username TEXT NOT NULL REFERENCES users (username) ON DELETE CASCADE,
        created_at TEXT NOT NULL,
        last_seen_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX sessions_by_user ON sessions (username);
    `,
  },
  {
    version: 6,
    name: 'record versions and reviews',
    sql: `
      -- Every earlier version of an edited record, as it was stored (identifying fields sealed).
      CREATE TABLE record_versions (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL,
        version INTEGER NOT NULL,
        status TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        doc TEXT NOT NULL,
        UNIQUE (id, version)
      ) STRICT;
      -- The review workflow: every transition and comment (comments sealed: they may identify someone).
      CREATE TABLE reviews (
        seq INTEGER PRIMARY KEY,
        record_id TEXT NOT NULL,
        version INTEGER NOT NULL,
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        action TEXT NOT NULL,
        from_status TEXT NOT NULL,
        to_status TEXT NOT NULL,
        comment TEXT
      ) STRICT;
      CREATE INDEX reviews_by_record ON reviews (record_id, seq);
      CREATE INDEX records_by_status ON records (status, updated_at);
      CREATE TRIGGER record_versions_no_update BEFORE UPDATE ON record_versions BEGIN SELECT RAISE(ABORT, 'versions are append-only'); END;
      CREATE TRIGGER record_versions_no_delete BEFORE DELETE ON record_versions BEGIN SELECT RAISE(ABORT, 'versions are append-only'); END;
      CREATE TRIGGER reviews_no_update BEFORE UPDATE ON reviews BEGIN SELECT RAISE(ABORT, 'reviews are append-only'); END;
      CREATE TRIGGER reviews_no_delete BEFORE DELETE ON reviews BEGIN SELECT RAISE(ABORT, 'reviews are append-only'); END;
    `,
  },
  {
    version: 7,
    name: 'UPR recommendations',
    sql: `
      -- The UPR knowledge base: public reference data (no identifying fields), one row per
      -- recommendation by one recommending state, as UPR Info's database records them.
      CREATE TABLE upr_recommendations (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        state_under_review TEXT NOT NULL,
        cycle INTEGER NOT NULL,
        session INTEGER NOT NULL,
        paragraph TEXT,
        text TEXT NOT NULL,
        recommending_state TEXT NOT NULL,
        recommending_group TEXT,
        response TEXT,
        action INTEGER,
        issues TEXT NOT NULL, -- JSON array of UPR Info issue names
        source TEXT NOT NULL
      ) STRICT;
      CREATE INDEX upr_by_state ON upr_recommendations (state_under_review, session);
      CREATE VIRTUAL TABLE upr_search USING fts5 (
        text, content = 'upr_recommendations', content_rowid = 'seq', tokenize = 'unicode61 remove_diacritics 2'
      );
    `,
  },
  {
    version: 8,
    name: 'UPR state claims',
    sql: `
      -- What the state under review said in its review (presentation, replies), by report paragraph:
      -- kept to be weighed against the documented evidence.
      CREATE TABLE upr_state_claims (
        seq INTEGER PRIMARY KEY,
        document TEXT NOT NULL,
        state_under_review TEXT NOT NULL,
        session INTEGER NOT NULL,
        paragraph TEXT NOT NULL,
        text TEXT NOT NULL,
        UNIQUE (document, paragraph)
      ) STRICT;
    `,
  },
  {
    version: 9,
    name: 'record linkage (resolution)',
    sql: `
      -- Reviewers' merge and split decisions on pairs of records (append-only: a decision is undone
      -- by a later 'revoke' row naming it). Every resolution run applies the decisions in force.
      CREATE TABLE link_decisions (
        seq INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('person', 'facility')),
        a TEXT NOT NULL,
        b TEXT NOT NULL,
        decision TEXT NOT NULL CHECK (decision IN ('merge', 'split', 'revoke')),
        revokes INTEGER REFERENCES link_decisions (seq),
        actor TEXT NOT NULL,
        decided_at TEXT NOT NULL,
        note TEXT -- sealed: it may name people
      ) STRICT;
      CREATE TRIGGER link_decisions_no_update BEFORE UPDATE ON link_decisions BEGIN SELECT RAISE(ABORT, 'decisions are append-only'); END;
      CREATE TRIGGER link_decisions_no_delete BEFORE DELETE ON link_decisions BEGIN SELECT RAISE(ABORT, 'decisions are append-only'); END;
      -- The latest resolution run per kind: which individual each record is, and the pairs left to review.
      CREATE TABLE resolution_runs (
        seq INTEGER PRIMARY KEY,
        kind TEXT NOT NULL,
        ran_at TEXT NOT NULL,
        actor TEXT NOT NULL,
        summary TEXT NOT NULL -- JSON: counts and the model, no identifying values
      ) STRICT;
      CREATE TABLE resolved_records (
        kind TEXT NOT NULL,
        record_id TEXT NOT NULL,
        cluster TEXT NOT NULL,
        PRIMARY KEY (kind, record_id)
      ) STRICT, WITHOUT ROWID;
      CREATE TABLE link_review_pairs (
        kind TEXT NOT NULL,
        a TEXT NOT NULL,
        b TEXT NOT NULL,
        probability REAL NOT NULL,
        explanation TEXT NOT NULL, -- JSON: field levels and weights, no identifying values
        PRIMARY KEY (kind, a, b)
      ) STRICT, WITHOUT ROWID;
    `,
  },
  {
    version: 10,
    name: 'UPR reviews',
    sql: `
      -- A review (state, session) with its date and documents; reviews known only from their
      -- recommendations are listed without them.
      CREATE TABLE upr_reviews (
        state_under_review TEXT NOT NULL,
        session INTEGER NOT NULL,
        cycle INTEGER NOT NULL,
        date TEXT,
        documents TEXT NOT NULL, -- JSON array of {kind, symbol}
        PRIMARY KEY (state_under_review, session)
      ) STRICT;
    `,
  },
  {
    version: 11,
    name: 'act facts (analysis projection)',
    sql: `
      -- One row per live act with what the analysis counts by (no identifying data: ids and codes),
      -- kept by triggers so that every write path (import, edit, review, restore) keeps it exact.
      -- Lists are comma-joined ids or codes; perpetrators as person:involvement.
      CREATE TABLE act_facts (
        seq INTEGER PRIMARY KEY REFERENCES records (seq),
        id TEXT NOT NULL,
        act_type TEXT NOT NULL,
        year_from INTEGER,
        year_to INTEGER,
        facility TEXT,
        status TEXT NOT NULL,
        confidentiality TEXT NOT NULL,
        victims TEXT,
        perpetrators TEXT,
        laws TEXT,
        norms TEXT,
        sources TEXT
      ) STRICT;
      CREATE TRIGGER act_facts_insert AFTER INSERT ON records WHEN NEW.type = 'act' AND NEW.deleted = 0 BEGIN
        INSERT INTO act_facts ${FACT_SELECT};
      END;
      CREATE TRIGGER act_facts_update AFTER UPDATE ON records WHEN NEW.type = 'act' BEGIN
        DELETE FROM act_facts WHERE seq = NEW.seq;
        INSERT INTO act_facts ${FACT_SELECT} WHERE NEW.deleted = 0;
      END;
      INSERT INTO act_facts ${FACT_SELECT.replaceAll('NEW.', 'r.')} FROM records r WHERE r.type = 'act' AND r.deleted = 0;
    `,
  },
  {
    version: 12,
    name: 'analysis snapshots',
    sql: `
      -- Derived analysis data saved between runs (the act facts as columns; persons' attributes,
      -- sealed with the data key), each with the mark of the database state it reflects.
      CREATE TABLE analysis_snapshots (
        kind TEXT PRIMARY KEY,
        mark TEXT NOT NULL,
        saved_at TEXT NOT NULL,
        data BLOB NOT NULL
      ) STRICT;
    `,
  },
  {
    version: 13,
    name: 'themes of state claims set by analysts',
    sql: `
      -- The UPR issues (themes) an analyst gave a state claim, replacing the classifier's suggestion.
      CREATE TABLE upr_claim_issues (
        document TEXT NOT NULL,
        paragraph TEXT NOT NULL,
        issues TEXT NOT NULL,
        set_by TEXT NOT NULL,
        set_at TEXT NOT NULL,
        PRIMARY KEY (document, paragraph)
      ) STRICT;
    `,
  },
  {
    version: 14,
    name: 'advocacy: our recommendations, delegation meetings and asks',
    sql: `
      CREATE TABLE advocacy_recommendations (
        id TEXT PRIMARY KEY,
        text TEXT NOT NULL,
        themes TEXT NOT NULL,
        added_by TEXT NOT NULL,
        added_at TEXT NOT NULL
      ) STRICT;
      -- Notes are sealed with the data key (they may say who told us what).
      CREATE TABLE delegation_meetings (
        seq INTEGER PRIMARY KEY,
        state TEXT NOT NULL,
        date TEXT NOT NULL,
        place TEXT,
        notes TEXT,
        added_by TEXT NOT NULL,
        added_at TEXT NOT NULL
      ) STRICT;
      CREATE TABLE delegation_asks (
        state TEXT NOT NULL,
        recommendation TEXT NOT NULL REFERENCES advocacy_recommendations (id),
        status TEXT NOT NULL,
        meeting INTEGER REFERENCES delegation_meetings (seq),
        follow_up TEXT,
        note TEXT,
        updated_by TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (state, recommendation)
      ) STRICT;
    `,
  },
  {
    version: 15,
    name: 'uptake decisions',
    sql: `
      -- A person's decision on a pair of ours and a recommendation made in a review.
      CREATE TABLE uptake_decisions (
        ours TEXT NOT NULL,
        made TEXT NOT NULL,
        decision TEXT NOT NULL CHECK (decision IN ('accept', 'reject')),
        decided_by TEXT NOT NULL,
        decided_at TEXT NOT NULL,
        PRIMARY KEY (ours, made)
      ) STRICT;
    `,
  },
  {
    version: 16,
    name: 'record counts index',
    sql: `
      -- Counts by type, level and review status (the dashboard, the review queue's size) read
      -- this index alone instead of every record's document.
      CREATE INDEX records_counts ON records (type, confidentiality, status) WHERE deleted = 0;
    `,
  },
];

/** Brings a database up to the newest schema, each migration in its own transaction. */
export function migrate(db: DatabaseSync): number[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT`);
  const applied = new Set(
    db
      .prepare('SELECT version FROM schema_migrations')
      .all()
      .map((row) => Number(row.version)),
  );
  const ran: number[] = [];
  for (const migration of MIGRATIONS) {
    if (applied.has(migration.version)) continue;
    db.exec('BEGIN IMMEDIATE');
    try {
      db.exec(migration.sql);
      db.prepare('INSERT INTO schema_migrations VALUES (?, ?, ?)').run(
        migration.version,
        migration.name,
        new Date().toISOString(),
      );
      db.exec('COMMIT');
      ran.push(migration.version);
    } catch (error) {
      db.exec('ROLLBACK');
      throw error;
    }
  }
  return ran;
}
