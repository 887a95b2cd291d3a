// Issue 8, part 4: delegations — meetings, asks, follow-ups, and the one-page briefing in Word.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { strFromU8, unzipSync } from 'fflate';
import { AccessDenied } from '../access/authorize.ts';
import { openSqliteStore, type SqliteStore } from '../store/sqlite/sqlite-store.ts';
import { testKeys } from '../testing/factories.ts';
import type { UprRecommendation } from '../upr/upr-recommendation.ts';
import { briefingDocx, briefingMarkdown } from './briefing-document.ts';
import { AdvocacyError } from './claim-themes.ts';
import { delegationBriefing, importOurRecommendations, recordAsk, recordMeeting } from './delegations.ts';

const keys = testKeys();
const advocate = { user: 'advocate-1', role: 'advocate' as const };
let n = 0;
const rec = (
  session: number,
  state: string,
  text: string,
  response: UprRecommendation['response'],
): UprRecommendation => ({
  id: `U-${++n}`,
  state_under_review: 'DPR Korea',
  cycle: session <= 12 ? 1 : 2,
  session,
  paragraph: `124.${n}`,
  text,
  recommending_state: state,
  recommending_group: state === 'Germany' ? 'WEOG' : 'Asia',
  response,
  action: null,
  issues: [],
  source: 'test',
});

describe('delegations (issue 8)', () => {
  let store: SqliteStore;
  const notes = 'Met the deputy head of mission; interested in the camps';
  before(async () => {
    store = openSqliteStore(':memory:');
    await store.addUprRecommendations([
      rec(6, 'Germany', 'Close all political prison camps', 'noted'),
      rec(19, 'Germany', 'Ratify the Convention against Torture', 'noted'),
      rec(19, 'Germany', 'Ensure access to food for all', 'supported'),
      rec(19, 'Japan', 'Resolve the abduction issue', 'noted'),
    ]);
    const ours = [
      {
        id: 'R1',
        text: 'Ratify the Convention against Torture and its Optional Protocol',
        themes: ['Torture and other CID treatment'],
      },
      { id: 'R2', text: 'Repeal the Reactionary Ideology and Culture Rejection Act' },
      { id: 'R3', text: 'Close the political prison camps and release political prisoners' },
    ];
    const saved = await importOurRecommendations(
      store,
      advocate,
      'ours.jsonl',
      ours.map((o) => JSON.stringify(o)).join('\n'),
    );
    assert.deepEqual(saved, { ok: true, saved: 3 });
  });

  it('refuses bad input by file, line and field, and nothing is saved', async () => {
    const result = await importOurRecommendations(
      store,
      advocate,
      'bad.jsonl',
      '{"id":"R9","text":"x"}\n{"id":"R8"}\n',
    );
    assert.equal(result.ok, false);
    assert.deepEqual(!result.ok && result.problems.map((p) => [p.file, p.line, p.field]), [
      ['bad.jsonl', 2, 'text'],
    ]);
    assert.ok(!(await store.ourRecommendations()).some((r) => r.id === 'R9'), 'all or nothing');
  });

  it('records meetings (notes sealed) and asks; refuses unknown recommendations and meetings; needs the right', async () => {
    const meeting = await recordMeeting(store, advocate, keys, {
      state: 'Germany',
      date: '2026-11-20',
      place: 'Geneva',
      notes,
    });
    const stored = (await store.delegations('Germany')).meetings[0];
    assert.ok(stored?.notes?.startsWith('enc:v1:') && !stored.notes.includes('camps'), 'notes sealed');
    await recordAsk(store, advocate, keys, {
      state: 'Germany',
      recommendation: 'R1',
      meeting,
      follow_up: '2026-12-15',
    });
    await recordAsk(store, advocate, keys, { state: 'Germany', recommendation: 'R3', status: 'agreed' });
    await assert.rejects(
      recordAsk(store, advocate, keys, { state: 'Germany', recommendation: 'R7' }),
      AdvocacyError,
    );
    await assert.rejects(
      recordAsk(store, advocate, keys, { state: 'Germany', recommendation: 'R1', meeting: 99 }),
      /no meeting 99/,
    );
    await assert.rejects(
      recordMeeting(store, advocate, keys, { state: 'Japan', date: '20 Nov' }),
      /YYYY-MM-DD/,
    );
    await assert.rejects(
      recordMeeting(store, { user: 'v', role: 'viewer' }, keys, { state: 'Japan', date: '2026-11-20' }),
      AccessDenied,
    );
  });

  it('briefs on one delegation: its earlier recommendations and responses, ours closest to them first, follow-ups', async () => {
    const b = await delegationBriefing(store, advocate, keys, 'Germany', 'DPR Korea');
    assert.deepEqual(
      b.earlier.map((r) => r.session),
      [6, 19, 19],
    );
    assert.deepEqual(b.responses, { supported: 1, noted: 2, pending: 0 });
    assert.equal(b.group, 'WEOG');
    assert.deepEqual(
      b.suggested
        .map((s) => s.id)
        .slice(0, 2)
        .sort(),
      ['R1', 'R3'],
      'what Germany asked before',
    );
    assert.equal(b.suggested.at(-1)?.id, 'R2');
    assert.equal(b.suggested.find((s) => s.id === 'R3')?.ask, 'agreed');
    assert.deepEqual(b.followUps, [{ recommendation: 'R1', due: '2026-12-15', status: 'asked' }]);
    assert.equal(b.meetings[0]?.notes, notes, 'notes opened for the briefing');
  });

  it('renders the briefing as a one-page Word document and as Markdown', async () => {
    const b = await delegationBriefing(store, advocate, keys, 'Germany', 'DPR Korea');
    const files = unzipSync(new Uint8Array(await briefingDocx(b)));
    const xml = strFromU8(files['word/document.xml'] as Uint8Array);
    const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(' ');
    for (const expected of [
      'Briefing: Germany (WEOG)',
      'Ratify the Convention against Torture',
      'Session 6, 124.1 (noted)',
      'R3 [agreed]',
      'Follow up R1 (asked) by 2026-12-15',
    ])
      assert.ok(text.includes(expected), expected);
    assert.ok(text.split(/\s+/).length < 500, 'fits on one page');
    assert.ok(xml.includes('w:numPr'), 'bulleted lists');
    const md = briefingMarkdown(b);
    assert.match(md, /^# Briefing: Germany/);
    assert.match(md, /- R1 \[asked\]: Ratify/);
  });
});
