// The store suite: the same assertions for every database. Each store's test file calls
// `storeSuite` with a way to open an empty store (SQLite in a temporary folder; PostgreSQL in a new
// database on the test server), so both implementations are held to one behaviour.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { verifyChain } from '../access/audit-chain.ts';
import { blindTokens } from '../access/field-cipher.ts';
import { importRecords } from '../interchange/import-records.ts';
import { editRecords } from '../review/edit-records.ts';
import { searchTerms } from '../search/hangul-bigrams.ts';
import { testKeys, testRecords } from '../testing/factories.ts';
import type { Store } from './store.ts';

const keys = testKeys();
/** A search as the search use-case builds it, identifying text included. */
const query = (text: string) => ({
  terms: searchTerms(text).map((t) => ({ text: t, blind: blindTokens(t, keys) })),
});

/** An empty store to test, and how to clean up after it. */
export type OpenedStore = { store: Store; cleanup: () => Promise<void> };

/** Runs the store suite against the store `open` gives (skipped with a reason when `open` is a string). */
export function storeSuite(name: string, open: (() => Promise<OpenedStore>) | string): void {
  describe(`${name} store: the shared suite`, { skip: typeof open === 'string' ? open : false }, () => {
    let store: Store;
    let cleanup: () => Promise<void>;

    before(async () => {
      if (typeof open === 'string') return;
      ({ store, cleanup } = await open());
      const records = Object.values(testRecords());
      const report = await importRecords(
        store,
        [{ file: 'test', lines: records.map((value, i) => ({ line: i + 1, value })) }],
        { keys },
      );
      assert.equal(report.ok, true, JSON.stringify(report.problems));
    });
    after(async () => {
      if (typeof open !== 'string') await cleanup();
    });
    const ids = async (q: string) => (await store.search(query(q), { limit: 10 })).map((h) => h.id).sort();

    it('finds Hangul substrings of two, three and more syllables', async () => {
      assert.deepEqual(await ids('교화'), ['F-TEST']); // inside 전거리 교화소
      assert.deepEqual(await ids('거리'), ['F-TEST']); // the middle of 전거리
      assert.deepEqual(await ids('영호'), ['P-1']); // given name inside 리영호
      assert.deepEqual(await ids('채석장'), ['A-1', 'S-1']);
      assert.deepEqual(await ids('강제노동'), ['A-1', 'S-1']); // the act by its type's Korean label
      assert.deepEqual(await ids('채'), ['A-1', 'S-1']); // one syllable of open text: as a prefix
      assert.deepEqual(await ids('리'), []); // names are blind-indexed: whole bigrams only, no prefixes
      assert.deepEqual(await ids('전거리교화'), []); // no such string: the space matters
    });

    it('finds English words, word prefixes, and romanisations without diacritics', async () => {
      assert.deepEqual(await ids('quarry'), ['A-1', 'S-1']);
      assert.deepEqual(await ids('QUARRY fourteen'), ['A-1']);
      assert.deepEqual(await ids('forc'), ['A-1', 'S-1']);
      assert.deepEqual(await ids('Chongo'), ['F-TEST']); // Chŏngŏ-ri
      assert.deepEqual(await ids('yong ho'), ['P-1']);
      assert.deepEqual(
        (await store.search(query('quarry'), { type: 'act', limit: 10 })).map((h) => h.id),
        ['A-1'],
      );
      assert.deepEqual(await ids('"; DROP TABLE records; --'), []);
      assert.deepEqual(await ids("it's \\ :* & | ! <->"), []); // query syntax of either database is only text
      assert.deepEqual(await ids('Forced labour'), ['A-1', 'S-1']); // the act by its type's label
    });

    it('searches identifying text only when allowed, and only the levels given', async () => {
      const scoped = async (
        q: string,
        scope: { identifying?: boolean; levels?: ('internal' | 'public')[] },
      ) => (await store.search(query(q), { limit: 10, ...scope })).map((h) => h.id).sort();
      assert.deepEqual(await scoped('영호', { identifying: false }), []);
      assert.deepEqual(await scoped('quarry', { levels: ['public'] }), []);
      assert.deepEqual(await scoped('quarry', { levels: [] }), []);
      assert.deepEqual(await scoped('quarry', { levels: ['internal'] }), ['A-1', 'S-1']);
    });

    it('counts live records per type and lists the newest first', async () => {
      const counts = await store.countByType();
      assert.equal(counts.person, 2);
      assert.equal(counts.file, 0);
      assert.deepEqual(
        (await store.listRecords({ type: 'person', limit: 10 })).map((r) => r.id),
        ['P-1', 'P-2'],
      );
      assert.deepEqual(await store.listRecords({ type: 'person', limit: 10, verifiedOnly: true }), []);
    });

    it('lists what points to a record', async () => {
      assert.deepEqual((await store.listReferencing('P-1')).map((r) => r.id).sort(), ['A-1', 'E-1', 'S-1']);
      assert.deepEqual(
        (await store.listReferencing('P-1', 'act')).map((r) => r.id),
        ['A-1'],
      );
    });

    it('keeps act facts for every live act, in chunks of joined columns', async () => {
      const chunks = [];
      for await (const chunk of store.actFacts()) chunks.push(chunk);
      assert.equal(chunks.length, 1);
      const chunk = chunks[0];
      assert.equal(chunk?.rows, 1);
      assert.equal(chunk?.id, 'A-1');
      assert.equal(chunk?.victims, 'P-1');
      assert.match(chunk?.year_from ?? '', /^\d{4}$/);
      assert.equal(chunk?.sources, 'S-1');
      const none = [];
      for await (const c of store.actFacts(10, { afterSeq: 1_000_000, ids: [] })) none.push(c);
      assert.deepEqual(none, []);
    });

    it('edits with optimistic locking: a stale version is refused, the old one kept, the mark moved', async () => {
      const { act } = testRecords();
      const markBefore = await store.changeMark();
      const edit = (version: number, text: string) =>
        editRecords(store, { user: 'inv.b', role: 'investigator' }, keys, {
          file: 'edit',
          lines: [{ line: 1, value: { ...act, version, description: { en: text } } }],
        });
      const first = await edit(1, 'Forced labour at the quarry, sixteen hours a day');
      assert.deepEqual([first.ok, first.edited], [true, 1]);
      const stale = await edit(1, 'An edit made from the old version');
      assert.equal(stale.ok, false);
      assert.match(JSON.stringify(stale.problems), /version/);
      const versions = await store.recordVersions('A-1');
      assert.deepEqual(
        versions.map((v) => v.version),
        [1, 2],
      );
      assert.notEqual(await store.changeMark(), markBefore);
      assert.deepEqual(await ids('sixteen'), ['A-1']);
      assert.deepEqual(await ids('fourteen'), []); // the old text left the index
      assert.deepEqual(await store.changedRecordIds({ versions: 0, reviews: 0 }), ['A-1']);
      const changed = [];
      for await (const json of store.recordsChangedSince('act', { records: 1e9, versions: 0 }))
        changed.push(JSON.parse(json).id);
      assert.deepEqual(changed, ['A-1']);
    });

    it('keeps a deleted record as a tombstone: not counted or found, still exported', async () => {
      const { act } = testRecords();
      const tomb = { ...act, id: 'A-GONE', deleted: { at: '2025-05-01T00:00:00Z', by: 'admin' } };
      const report = await importRecords(store, [{ file: 't', lines: [{ line: 1, value: tomb }] }], { keys });
      assert.equal(report.ok, true);
      assert.equal((await store.countByType()).act, 1);
      assert.deepEqual(await ids('sixteen'), ['A-1']);
      const exported: string[] = [];
      for await (const json of store.exportRecords('act')) exported.push(JSON.parse(json).id);
      assert.deepEqual(exported, ['A-1', 'A-GONE']);
    });

    it('writes all or nothing: a rolled-back session leaves no trace, and writers take turns', async () => {
      const { act } = testRecords();
      const bad = { ...act, id: 'A-BAD', victims: ['P-NOBODY'] };
      const report = await importRecords(store, [{ file: 'b', lines: [{ line: 1, value: bad }] }], { keys });
      assert.equal(report.ok, false);
      assert.equal(await store.getRecord('A-BAD'), undefined);
      // A second writer (another request) waits for the open session instead of failing.
      const session = await store.beginWrite();
      const order: string[] = [];
      const next = store.beginWrite().then((s) => {
        order.push('second session');
        return s;
      });
      const audited = store
        .appendAudit({ at: '2025-06-01T00:00:00Z', actor: 'a', action: 'read', target: 'A-1' })
        .then(() => order.push('audit entry'));
      await new Promise((resolve) => setTimeout(resolve, 50));
      assert.deepEqual(order, [], 'nothing written while the first session is open');
      await session.rollback();
      const again = await next;
      await new Promise((resolve) => setTimeout(resolve, 50));
      assert.deepEqual(order, ['second session'], 'the audit entry waits for the second session too');
      await again.rollback();
      await audited;
      assert.deepEqual(order, ['second session', 'audit entry']);
    });

    it('chains the audit trail through sessions and direct appends, and verifies it', async () => {
      const entry = await store.appendAudit({
        at: '2025-06-01T00:00:00Z',
        actor: 'a',
        action: 'read',
        target: 'P-1',
      });
      const check = await verifyChain(store.auditEntries(), await store.auditAnchor());
      assert.equal(check.ok, true);
      assert.equal(check.entries, entry.seq);
      assert.ok(entry.seq >= 3, 'imports and edits audited in their sessions');
    });

    it('keeps accounts, sessions and the keyring', async () => {
      await store.addUser({
        username: 'ana.d',
        role: 'analyst',
        password_hash: 'h',
        totp_secret: 's',
        totp_last_step: 0,
        failed_attempts: 0,
        locked_until: null,
        disabled: false,
        created_at: '2025-01-01T00:00:00Z',
      });
      const stored = await store.getUser('ana.d');
      assert.ok(stored);
      await assert.rejects(store.addUser({ ...stored, role: 'admin' })); // the name is taken
      await store.updateUserSecurity('ana.d', {
        failed_attempts: 2,
        locked_until: 'x',
        totp_last_step: 57_000_000,
      });
      const user = await store.getUser('ana.d');
      assert.deepEqual([user?.failed_attempts, user?.totp_last_step, user?.disabled], [2, 57_000_000, false]);
      const session = { token_hash: 'th', username: 'ana.d', created_at: 'c', last_seen_at: 'c' };
      await store.addSession(session);
      await store.touchSession('th', 'd');
      assert.deepEqual({ ...(await store.getSession('th')) }, { ...session, last_seen_at: 'd' });
      await store.deleteSession('th');
      assert.equal(await store.getSession('th'), undefined);
      const entry = { id: 'k1', created_at: 'c', kdf: 'scrypt' as const, salt: 's', wrapped: 'w' };
      const before = await store.keyringEntries();
      await store.replaceKeyring([entry]);
      assert.deepEqual(
        (await store.keyringEntries()).map((e) => ({ ...e })),
        [entry],
      );
      await store.replaceKeyring(before);
    });

    it('keeps UPR recommendations, state claims and reviews, found by word prefixes', async () => {
      const rec = (id: string, text: string, paragraph?: string) => ({
        id,
        state_under_review: 'DPRK',
        cycle: 3,
        session: 33,
        ...(paragraph ? { paragraph } : {}),
        text,
        recommending_state: 'Chile',
        response: id === 'R-1' ? ('supported' as const) : null,
        action: 5,
        issues: ['Torture', 'Detention'],
        source: 'test',
      });
      const added = await store.addUprRecommendations([
        rec('R-1', 'End torture in detention facilities', '126.1'),
        rec('R-2', 'Close the political prison camps'),
      ]);
      assert.deepEqual(added, { inserted: 2, unchanged: 0 });
      assert.deepEqual(await store.addUprRecommendations([rec('R-1', 'x')]), { inserted: 0, unchanged: 1 });
      const found = await store.searchUprRecommendations({ text: 'tortur DETENTION', limit: 10, offset: 0 });
      assert.deepEqual([found.total, found.rows.map((r) => r.id)], [1, ['R-1']]);
      assert.deepEqual(
        (await store.searchUprRecommendations({ limit: 10, offset: 0 })).rows.map((r) => r.id),
        ['R-2', 'R-1'],
      ); // no paragraph sorts first
      assert.equal(
        (await store.searchUprRecommendations({ issue: 'Torture', response: 'pending', limit: 5, offset: 0 }))
          .total,
        1,
      );
      const claim = (paragraph: string) => ({
        document: 'D',
        state_under_review: 'DPRK',
        session: 33,
        paragraph,
        text: 't',
      });
      assert.equal(await store.addUprStateClaims([claim('10'), claim('9'), claim('9')]), 2);
      assert.deepEqual(
        (await store.uprStateClaims({ state_under_review: 'DPRK' })).map((c) => c.paragraph),
        ['9', '10'],
      );
      await store.addUprReview({
        state_under_review: 'DPRK',
        session: 33,
        cycle: 3,
        date: '2019-05-09',
        documents: [],
      });
      const reviews = await store.uprReviews({ state_under_review: 'DPRK' });
      assert.deepEqual(
        reviews.map((r) => [r.session, r.date, r.recommendations, r.supported, r.pending]),
        [[33, '2019-05-09', 2, 1, 1]],
      );
      await store.setUprClaimIssues([
        { document: 'D', paragraph: '9', issues: ['Torture'], set_by: 'a', set_at: 'b' },
      ]);
      assert.deepEqual(
        (await store.uprClaimIssues()).map((c) => c.issues),
        [['Torture']],
      );
    });

    it('keeps advocacy tables and resolution runs', async () => {
      await store.saveOurRecommendations([
        { id: 'OUR-1', text: 't', themes: ['x'], added_by: 'a', added_at: 'b' },
      ]);
      const seq = await store.addDelegationMeeting({
        state: 'Chile',
        date: '2025-01-01',
        added_by: 'a',
        added_at: 'b',
      });
      await store.setDelegationAsk({
        state: 'Chile',
        recommendation: 'OUR-1',
        status: 'asked',
        meeting: seq,
        updated_by: 'a',
        updated_at: 'b',
      });
      await store.setDelegationAsk({
        state: 'Chile',
        recommendation: 'OUR-1',
        status: 'agreed',
        updated_by: 'a',
        updated_at: 'c',
      });
      const { meetings, asks } = await store.delegations('Chile');
      assert.deepEqual([meetings.length, asks[0]?.status, asks[0]?.meeting], [1, 'agreed', seq]);
      await store.setUptakeDecision({
        ours: 'OUR-1',
        made: 'R-1',
        decision: 'accept',
        decided_by: 'a',
        decided_at: 'b',
      });
      assert.equal((await store.uptakeDecisions()).length, 1);
      const mark = await store.changeMark();
      await store.saveResolution({
        kind: 'person',
        ran_at: 'r',
        actor: 'a',
        summary: '{}',
        clusters: [
          ['P-1', 'I-1'],
          ['P-2', 'I-1'],
        ],
        reviewPairs: [{ a: 'P-1', b: 'P-2', probability: 0.6, explanation: '{}' }],
      });
      assert.notEqual(await store.changeMark(), mark);
      assert.deepEqual(
        [...((await store.resolution('person'))?.clusters ?? [])],
        [
          ['P-1', 'I-1'],
          ['P-2', 'I-1'],
        ],
      );
      assert.equal((await store.linkReviewPairs('person'))[0]?.probability, 0.6);
      assert.equal(await store.resolution('facility'), undefined);
      assert.ok(await store.saveAnalysisSnapshot('k', 'm', new Uint8Array([1, 2, 3])));
      assert.deepEqual(await store.analysisSnapshot('k'), { mark: 'm', data: new Uint8Array([1, 2, 3]) });
    });
  });
}
