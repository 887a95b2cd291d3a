import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Person } from '../domain/person.ts';
import { openSqliteStore, type SqliteStore } from '../store/sqlite/sqlite-store.ts';
import { importOrFail, testKeys, testMeta, testRecords } from '../testing/factories.ts';
import { json, serveWithAccounts } from '../testing/signed-in-server.ts';

// The linkage review queue over real HTTP and a real SQLite store: who may see and decide, the
// explanation of each pair without names, and decisions that are recorded and reversible.

const keys = testKeys();

type Queue = { total: number; pairs: { a: string; b: string; codes: string[]; probability: number }[] };

describe('linkage review API', () => {
  let store: SqliteStore;
  let server: Awaited<ReturnType<typeof serveWithAccounts>>;
  before(async () => {
    store = openSqliteStore(':memory:');
    const t = testRecords();
    // The survivor recorded again under another code: a pair for the reviewers.
    const again: Person = { ...t.victim, ...testMeta('P-3'), code: 'V-000003' };
    await importOrFail(store, [...Object.values(t), again], keys);
    const explanation = JSON.stringify({
      weight: 1.2,
      prior_weight: -6,
      fields: [{ field: 'name', level: 2, weight: 5.1 }],
    });
    await store.saveResolution({
      kind: 'person',
      ran_at: '2026-01-01T00:00:00.000Z',
      actor: 'test',
      summary: '{}',
      clusters: [
        ['P-1', 'P-1'],
        ['P-2', 'P-2'],
        ['P-3', 'P-3'],
      ],
      reviewPairs: [
        { a: 'P-1', b: 'P-3', probability: 0.55, explanation },
        { a: 'P-2', b: 'P-3', probability: 0.31, explanation },
      ],
    });
    server = await serveWithAccounts(store, keys);
  });
  after(async () => {
    await server.close();
    await store.close();
  });

  it('refuses the queue and decisions to roles without decide-links', async () => {
    for (const role of ['advocate', 'analyst', 'investigator'] as const) {
      const browser = await server.as(role);
      assert.equal((await browser.get('/api/linkage/queue')).status, 403, role);
      const merge = { kind: 'person', a: 'P-1', b: 'P-3', decision: 'merge' };
      assert.equal((await browser.post('/api/linkage/decisions', merge)).status, 403, role);
    }
    assert.equal((await server.anonymous().get('/api/linkage/decisions')).status, 403);
    assert.equal((await store.linkDecisions('person')).length, 0);
  });

  it('lists the pairs by id and code with the weights, and no name', async () => {
    const reviewer = await server.as('reviewer');
    const answer = await reviewer.get('/api/linkage/queue?kind=person');
    const text = await answer.clone().text();
    for (const name of ['리영호', 'Ri Yong Ho', '박철수']) assert.ok(!text.includes(name), name);
    const queue = await json<Queue & { pairs: { explanation: { fields: unknown[] } }[] }>(answer);
    assert.equal(queue.total, 2);
    assert.deepEqual(
      queue.pairs.map((p) => [p.a, p.b, p.codes]),
      [
        ['P-1', 'P-3', ['V-000001', 'V-000003']],
        ['P-2', 'P-3', ['X-000002', 'V-000003']],
      ],
    );
    assert.equal(queue.pairs[0]?.explanation.fields.length, 1);
    const bad = await reviewer.get('/api/linkage/queue?kind=place');
    assert.equal(bad.status, 400);
    assert.equal((await json<{ problems: { field: string }[] }>(bad)).problems[0]?.field, 'kind');
  });

  it('records a merge (the pair leaves the queue) and undoes it (the pair returns)', async () => {
    const reviewer = await server.as('reviewer');
    const badDecision = await reviewer.post('/api/linkage/decisions', {
      kind: 'person',
      a: 'P-1',
      b: 'P-3',
      decision: 'join',
    });
    assert.equal(badDecision.status, 400);
    assert.equal((await json<{ problems: { field: string }[] }>(badDecision)).problems[0]?.field, 'decision');
    const same = await reviewer.post('/api/linkage/decisions', { a: 'P-1', b: 'P-1', decision: 'merge' });
    assert.equal(same.status, 409);

    const merged = await reviewer.post('/api/linkage/decisions', {
      kind: 'person',
      a: 'P-1',
      b: 'P-3',
      decision: 'merge',
      note: 'same birth year and programme',
    });
    assert.equal(merged.status, 201);
    const { seq } = await json<{ seq: number }>(merged);
    const queue = await json<Queue>(await reviewer.get('/api/linkage/queue'));
    assert.deepEqual(
      queue.pairs.map((p) => p.a + p.b),
      ['P-2P-3'],
    );
    const decisions = await reviewer.get('/api/linkage/decisions');
    assert.doesNotMatch(await decisions.clone().text(), /birth year/, 'the note stays sealed');
    const { decisions: inForce } = await json<{
      decisions: { seq: number; decision: string; actor: string }[];
    }>(decisions);
    assert.deepEqual(
      inForce.map((d) => [d.seq, d.decision, d.actor]),
      [[seq, 'merge', 'reviewer']],
    );

    assert.equal((await reviewer.post('/api/linkage/revocations', { seq: 'x' })).status, 400);
    const revoked = await reviewer.post('/api/linkage/revocations', { kind: 'person', seq });
    assert.equal(revoked.status, 201);
    assert.equal((await reviewer.post('/api/linkage/revocations', { kind: 'person', seq })).status, 409);
    const back = await json<Queue>(await reviewer.get('/api/linkage/queue'));
    assert.equal(back.total, 2, 'the undone pair is back in the queue');
    const log = await store.linkDecisions('person');
    assert.deepEqual(
      log.map((r) => r.decision),
      ['merge', 'revoke'],
      'both the decision and its undoing are recorded',
    );
  });
});
