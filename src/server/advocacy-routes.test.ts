import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { advocacyStore, keys } from '../advocacy/advocacy-fixture.ts';
import type { Act } from '../domain/act.ts';
import type { SqliteStore } from '../store/sqlite/sqlite-store.ts';
import { importOrFail, testMeta, testRecords } from '../testing/factories.ts';
import { json, serveWithAccounts } from '../testing/signed-in-server.ts';

// The advocacy API over real HTTP and a real SQLite store: the submission and statement builders
// (figures live from the verified acts), Word downloads, and the delegation tracker.

type Built = { words: number; limit: number; markdown: string; figures: { shown: string; figure: string }[] };
type Problems = { problems: { field: string; message: string }[] };

describe('advocacy API', () => {
  let store: SqliteStore;
  let server: Awaited<ReturnType<typeof serveWithAccounts>>;
  before(async () => {
    store = await advocacyStore();
    server = await serveWithAccounts(store, keys);
  });
  after(async () => {
    await server.close();
    await store.close();
  });

  it('refuses the builders and the tracker to roles without manage-advocacy, and to the public', async () => {
    for (const role of ['viewer', 'reviewer', 'investigator'] as const) {
      const browser = await server.as(role);
      assert.equal((await browser.get('/api/advocacy/submission/default')).status, 403, role);
      assert.equal((await browser.post('/api/advocacy/submission', { spec: {} })).status, 403, role);
      assert.equal((await browser.get('/api/advocacy/delegations')).status, 403, role);
      const meeting = { state: 'Germany', date: '2026-11-20' };
      assert.equal((await browser.post('/api/advocacy/meetings', meeting)).status, 403, role);
    }
    assert.equal((await server.anonymous().get('/api/advocacy/statement/default')).status, 403);
    assert.equal((await store.delegations()).meetings.length, 0, 'nothing was recorded');
  });

  it('builds the default submission with figures counted from the verified acts, and counts again after a new one', async () => {
    const advocate = await server.as('advocate');
    const { spec } = await json<{ spec: Record<string, unknown> }>(
      await advocate.get('/api/advocacy/submission/default'),
    );
    const first = await advocate.post('/api/advocacy/submission', { spec });
    assert.equal(first.status, 200, await first.clone().text());
    const built = await json<Built>(first);
    assert.equal(built.limit, 2815, 'one organisation: the single limit');
    assert.match(built.markdown, /we verified 15 acts of torture/);
    assert.ok(built.words > 100 && built.words < built.limit);
    assert.ok(built.figures.some((f) => f.shown === '15' && /TORTURE/.test(f.figure)));

    const act: Act = {
      ...testRecords().act,
      ...testMeta('A-NEW'),
      status: 'verified',
      act_type: 'TORTURE-BEATING',
      date: { from: '2022' },
      episode: undefined,
      sources: [{ source: 'S-QUOTE', connection: 'VICTIM' }],
    };
    await importOrFail(store, [act], keys);
    const again = await json<Built>(await advocate.post('/api/advocacy/submission', { spec }));
    assert.match(again.markdown, /we verified 16 acts of torture/);

    const docx = await advocate.post('/api/advocacy/submission/docx', { spec });
    assert.equal(docx.status, 200);
    assert.match(docx.headers.get('content-type') ?? '', /wordprocessingml/);
    assert.match(docx.headers.get('content-disposition') ?? '', /attachment; filename="submission.docx"/);
    const bytes = new Uint8Array(await docx.arrayBuffer());
    assert.deepEqual([...bytes.slice(0, 2)], [0x50, 0x4b], 'a zip (Word) file');
  });

  it('counts the words a submission adds, and names the field of a bad spec or a refused paragraph', async () => {
    const advocate = await server.as('advocate');
    const { spec } = await json<{ spec: { methodology: string[] } }>(
      await advocate.get('/api/advocacy/submission/default'),
    );
    const base = await json<Built>(await advocate.post('/api/advocacy/submission', { spec }));
    const longer = { ...spec, methodology: [...spec.methodology, 'Five more words are here.'] };
    const more = await json<Built>(await advocate.post('/api/advocacy/submission', { spec: longer }));
    assert.equal(more.words, base.words + 5);

    const bad = await advocate.post('/api/advocacy/submission', { spec: { ...spec, title: '' } });
    assert.equal(bad.status, 400);
    assert.ok((await json<Problems>(bad)).problems.some((p) => p.field === 'spec.title'));

    const unknownSource = {
      ...spec,
      methodology: ['We cite a source we do not have.{{source: S-NOPE}}'],
    };
    const refused = await advocate.post('/api/advocacy/submission', { spec: unknownSource });
    assert.equal(refused.status, 400);
    const problems = (await json<Problems>(refused)).problems;
    assert.ok(
      problems.some((p) => p.field === 'spec.methodology.0'),
      JSON.stringify(problems),
    );
  });

  it('builds a statement timed against its slot; refuses one with two recommendations', async () => {
    const advocate = await server.as('coordinator');
    const { spec } = await json<{ spec: { recommendations: string[] } }>(
      await advocate.get('/api/advocacy/statement/default'),
    );
    const answer = await advocate.post('/api/advocacy/statement', { spec, unconsented: 'omit' });
    assert.equal(answer.status, 200, await answer.clone().text());
    const built = await json<Built & { timing: { words: number; minutes: number; fit: string } }>(answer);
    assert.equal(built.timing.words, built.words);
    assert.ok(Math.abs(built.timing.minutes - built.words / 130) < 1e-9);
    assert.equal(built.timing.fit, 'under', 'the example is shorter than five minutes');

    const short = { ...spec, recommendations: spec.recommendations.slice(0, 2) };
    const bad = await advocate.post('/api/advocacy/statement', { spec: short });
    assert.equal(bad.status, 400);
    assert.ok((await json<Problems>(bad)).problems.some((p) => p.field === 'spec.recommendations'));
    const docx = await advocate.post('/api/advocacy/statement/docx', { spec, unconsented: 'omit' });
    assert.equal(docx.status, 200);
  });

  it('tracks delegations: ours, a meeting, an ask and its status, with notes kept sealed', async () => {
    const advocate = await server.as('advocate');
    const noText = await advocate.post('/api/advocacy/recommendations', { id: 'R1', text: '' });
    assert.equal(noText.status, 400);
    assert.equal((await json<Problems>(noText)).problems[0]?.field, 'text');
    const ours = { id: 'R1', text: 'Grant access to places of detention.', themes: ['Detention'] };
    assert.equal((await advocate.post('/api/advocacy/recommendations', ours)).status, 201);

    const badDate = await advocate.post('/api/advocacy/meetings', { state: 'Germany', date: '20 Nov' });
    assert.equal(badDate.status, 400);
    assert.equal((await json<Problems>(badDate)).problems[0]?.field, 'date');
    const meeting = await advocate.post('/api/advocacy/meetings', {
      state: 'Germany',
      date: '2026-11-20',
      place: 'Geneva',
      notes: 'The deputy said they would consider it.',
    });
    assert.equal(meeting.status, 201);
    const { seq } = await json<{ seq: number }>(meeting);

    const unknown = await advocate.post('/api/advocacy/asks', { state: 'Germany', recommendation: 'R9' });
    assert.equal(unknown.status, 400);
    assert.equal((await json<Problems>(unknown)).problems[0]?.field, 'recommendation');
    const ask = { state: 'Germany', recommendation: 'R1', meeting: seq, follow_up: '2026-12-15' };
    assert.equal((await advocate.post('/api/advocacy/asks', ask)).status, 200);
    assert.equal(
      (await advocate.post('/api/advocacy/asks', { ...ask, status: 'agreed' })).status,
      200,
      'moving the ask on',
    );

    const listed = await advocate.get('/api/advocacy/delegations?state=Germany');
    const text = await listed.clone().text();
    assert.doesNotMatch(text, /deputy/, 'meeting notes stay sealed');
    const body = await json<{
      meetings: { seq: number; place: string; has_notes: boolean }[];
      asks: { recommendation: string; status: string; follow_up: string }[];
      ours: { id: string }[];
    }>(listed);
    assert.deepEqual(
      body.meetings.map((m) => [m.seq, m.place, m.has_notes]),
      [[seq, 'Geneva', true]],
    );
    assert.deepEqual(
      body.asks.map((a) => [a.recommendation, a.status, a.follow_up]),
      [['R1', 'agreed', '2026-12-15']],
    );
    assert.deepEqual(
      body.ours.map((o) => o.id),
      ['R1'],
    );
    const other = await json<{ meetings: unknown[] }>(
      await advocate.get('/api/advocacy/delegations?state=France'),
    );
    assert.equal(other.meetings.length, 0);
  });

  it('lists UPR states and issues for the pickers', async () => {
    const anyone = server.anonymous();
    const states = await json<{ states: { name: string }[] }>(await anyone.get('/api/upr/states'));
    assert.ok(states.states.some((s) => s.name === 'Germany'));
    const issues = await json<{ issues: string[] }>(await anyone.get('/api/upr/issues'));
    assert.ok(issues.issues.includes('Torture and other CID treatment'));
  });
});
