import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { AccessDenied } from '../access/authorize.ts';
import { PUBLIC_VIEWER, type Viewer } from '../access/roles.ts';
import { countRecords } from '../records/count-records.ts';
import { readRecord } from '../records/read-record.ts';
import { openSqliteStore, type SqliteStore } from '../store/sqlite/sqlite-store.ts';
import { importOrFail, tempDir, testKeys, testRecords } from '../testing/factories.ts';
import { cliDatabase, runCli } from '../testing/run-cli.ts';
import { editRecords } from './edit-records.ts';
import { fieldDiff } from './field-diff.ts';
import { recordHistory } from './record-history.ts';
import { reviewQueue } from './review-queue.ts';
import { ReviewRefused, reviewRecord } from './review-record.ts';

const keys = testKeys();
const coderA: Viewer = { user: 'coord.a', role: 'coordinator' };
const coderB: Viewer = { user: 'inv.b', role: 'investigator' };
const reviewer: Viewer = { user: 'rev.c', role: 'reviewer' };
const analyst: Viewer = { user: 'ana.d', role: 'analyst' };
const COMMENT = '증언자 이름 철자 확인 필요';

describe('review workflow, four eyes and versions', () => {
  const dir = tempDir();
  const db = join(dir.path, 'review.db');
  let store: SqliteStore;
  const t = testRecords();
  // Everything public and verified so the public sees the act — except the act: a draft coded by A.
  const published = { confidentiality: 'public' as const, status: 'verified' as const };
  const act = {
    ...t.act,
    ...published,
    status: 'draft' as const,
    created_by: 'coord.a',
    updated_by: 'coord.a',
  };
  const act2 = {
    ...act,
    id: 'A-2',
    created_at: '2025-01-01T00:00:00.000Z',
    updated_at: '2025-01-01T00:00:00.000Z',
    description: undefined,
  };

  before(async () => {
    store = openSqliteStore(db);
    const source = { ...t.source, ...published, consent: { scopes: ['ANONYMISED-PUBLICATION'] } };
    const records = [t.organisation, t.facility, t.victim, t.guard, source, t.episode, act, act2].map(
      (r) => ({
        ...r,
        ...(r === act || r === act2 ? {} : published),
      }),
    );
    await importOrFail(store, records, keys);
  });
  after(async () => {
    await store.close();
    dir.remove();
  });

  const status = async (id: string) => (await store.getRecord(id))?.status;
  const refused = (promise: Promise<unknown>, pattern: RegExp) =>
    assert.rejects(promise, (error: Error) => error instanceof ReviewRefused && pattern.test(error.message));

  it('moves a record through submit → start → verify, and nobody verifies their own coding', async () => {
    await refused(
      reviewRecord(store, reviewer, keys, { id: 'A-1', action: 'verify' }),
      /cannot verify a record that is draft/,
    );
    await assert.rejects(reviewRecord(store, reviewer, keys, { id: 'A-1', action: 'submit' }), AccessDenied);
    await reviewRecord(store, coderA, keys, { id: 'A-1', action: 'submit' });
    await reviewRecord(store, coderA, keys, { id: 'A-1', action: 'start' });
    assert.equal(await status('A-1'), 'under-review');
    await refused(reviewRecord(store, coderA, keys, { id: 'A-1', action: 'verify' }), /four eyes/);
    await assert.rejects(reviewRecord(store, coderB, keys, { id: 'A-1', action: 'verify' }), AccessDenied);
    await reviewRecord(store, reviewer, keys, { id: 'A-1', action: 'comment', comment: COMMENT });
    await reviewRecord(store, reviewer, keys, { id: 'A-1', action: 'verify' });
    assert.equal(await status('A-1'), 'verified');
  });

  it('a verified record is sealed: an edit makes version 2, sends it back to review, keeps version 1', async () => {
    const publicActsBefore = (await countRecords(store, PUBLIC_VIEWER)).act;
    assert.ok(await readRecord(store, PUBLIC_VIEWER, keys, 'A-1'), 'verified and published');
    const edited = {
      ...act,
      version: 1,
      status: 'verified',
      description: { en: 'Forced labour, 16 hours a day' },
    };
    const report = await editRecords(store, coderB, keys, {
      file: 'edit.jsonl',
      lines: [{ line: 1, value: edited }],
    });
    assert.deepEqual(report.problems, []);
    assert.equal(report.edited, 1);
    const stored = await store.getRecord('A-1');
    assert.deepEqual([stored?.version, stored?.status, stored?.updated_by], [2, 'submitted', 'inv.b']);
    assert.equal(
      await readRecord(store, PUBLIC_VIEWER, keys, 'A-1'),
      undefined,
      'no longer public until verified',
    );
    assert.equal((await countRecords(store, PUBLIC_VIEWER)).act, publicActsBefore - 1);

    const history = await recordHistory(store, coderA, keys, 'A-1');
    assert.deepEqual(
      history?.versions.map((v) => [v.version, v.updated_by, v.status]),
      [
        [1, 'coord.a', 'verified'],
        [2, 'inv.b', 'submitted'],
      ],
    );
    assert.deepEqual(history?.versions[1]?.changes, [
      {
        path: 'description.en',
        before: 'Forced to work in the quarry fourteen hours a day',
        after: 'Forced labour, 16 hours a day',
      },
      { path: 'description.ko', before: '하루 14시간 채석장 노동을 강요당함', after: undefined },
    ]);
    assert.deepEqual(
      history?.reviews.map((s) => [s.actor, s.action, s.from, s.to]),
      [
        ['coord.a', 'submit', 'draft', 'submitted'],
        ['coord.a', 'start', 'submitted', 'under-review'],
        ['rev.c', 'comment', 'under-review', 'under-review'],
        ['rev.c', 'verify', 'under-review', 'verified'],
      ],
    );
    assert.equal(history?.reviews[2]?.comment, COMMENT);
    assert.equal((await recordHistory(store, analyst, keys, 'A-1'))?.reviews[2]?.comment, '[withheld]');

    // inv.b edited version 2: now neither A nor B may verify it; the reviewer may.
    await reviewRecord(store, reviewer, keys, { id: 'A-1', action: 'start' });
    await refused(reviewRecord(store, coderA, keys, { id: 'A-1', action: 'verify' }), /four eyes/);
    await reviewRecord(store, reviewer, keys, { id: 'A-1', action: 'verify', version: 2 });
    assert.ok(await readRecord(store, PUBLIC_VIEWER, keys, 'A-1'), 'published again once verified');
  });

  it('refuses an edit of a version that is no longer current, and writes nothing', async () => {
    const stale = { ...act, version: 1, description: { en: 'stale edit' } };
    const report = await editRecords(store, coderB, keys, {
      file: 'stale.jsonl',
      lines: [{ line: 1, value: stale }],
    });
    assert.equal(report.ok, false);
    assert.deepEqual(
      report.problems.map((p) => [p.file, p.line, p.field]),
      [['stale.jsonl', 1, 'version']],
    );
    assert.equal((await store.getRecord('A-1'))?.version, 2);
    // A bad reference in one line of two: neither line is written.
    const good = { ...act2, description: { en: 'better' } };
    const bad = { ...act, version: 2, facility: 'F-NONE' };
    const both = await editRecords(store, coderB, keys, {
      file: 'two.jsonl',
      lines: [
        { line: 1, value: good },
        { line: 2, value: bad },
      ],
    });
    assert.deepEqual(
      both.problems.map((p) => [p.line, p.field]),
      [[2, 'facility']],
    );
    assert.equal((await store.getRecord('A-2'))?.version, 1, 'rolled back');
  });

  it('lists what waits for review, longest waiting first, at the levels the viewer may review', async () => {
    await reviewRecord(store, coderB, keys, {
      id: 'A-2',
      action: 'submit',
      now: new Date('2026-01-01T00:00:00Z'),
    });
    const edited = { ...act, version: 2, status: 'verified', description: { en: 'third' } };
    assert.equal(
      (await editRecords(store, coderB, keys, { file: 'e', lines: [{ line: 1, value: edited }] })).ok,
      true,
    );
    const queue = await reviewQueue(store, reviewer);
    assert.deepEqual(
      queue.map((q) => [q.id, q.status]),
      [
        ['A-2', 'submitted'],
        ['A-1', 'submitted'],
      ],
    );
    assert.deepEqual(await reviewQueue(store, analyst), [], 'analysts do not review');
  });

  it('field diffs name nested and list fields', () => {
    assert.deepEqual(fieldDiff({ a: [1, { b: 2 }], c: 'x' }, { a: [1, { b: 3 }, 4], c: 'x' }), [
      { path: 'a[1].b', before: 2, after: 3 },
      { path: 'a[2]', before: undefined, after: 4 },
    ]);
  });

  it('keeps review comments sealed at rest, and the command line works with exit codes', async () => {
    assert.equal(readFileSync(db).includes(Buffer.from(COMMENT)), false);
    const records = [
      t.organisation,
      t.facility,
      t.victim,
      t.guard,
      t.source,
      t.episode,
      { ...t.act, created_by: 'me', updated_by: 'me' },
    ];
    const cliDb = cliDatabase(dir.path, records);
    const as = (actor: string, role: string, ...args: string[]) =>
      runCli(['--db', cliDb, '--actor', actor, '--role', role, ...args]);
    assert.equal(as('me', 'investigator', 'review', 'submit', 'A-1').status, 0);
    const queue = as('rev', 'reviewer', 'review', 'queue');
    assert.match(queue.stdout, /submitted\tact\tA-1\tv1/);
    assert.equal(as('rev', 'reviewer', 'review', 'start', 'A-1').status, 0);
    const own = as('me', 'coordinator', 'review', 'verify', 'A-1');
    assert.equal(own.status, 4);
    assert.match(own.stderr, /four eyes/);
    assert.equal(
      as('me', 'investigator', 'review', 'verify', 'A-1').status,
      3,
      'investigators do not review',
    );
    assert.equal(as('rev', 'reviewer', 'review', 'verify', 'A-1').status, 0);
    const history = as('me', 'coordinator', 'history', 'A-1');
    assert.match(history.stdout, /rev\tverify\tv1\tunder-review → verified/);

    // Assessments: reviewers assess sources, with a reason; bad codes are refused with exit 2.
    const assessed = as(
      'rev',
      'reviewer',
      'assess',
      'S-1',
      '--reliability',
      'B',
      '--reason',
      'consistent with records',
    );
    assert.equal(assessed.status, 0, assessed.stderr);
    const onAct = as(
      'rev',
      'reviewer',
      'assess',
      'S-1',
      '--act',
      'A-1',
      '--credibility',
      '2',
      '--reason',
      'corroborated',
    );
    assert.equal(onAct.status, 0, onAct.stderr);
    assert.equal(as('rev', 'reviewer', 'assess', 'S-1', '--reliability', 'Z', '--reason', 'x').status, 2);
    assert.equal(as('me', 'investigator', 'assess', 'S-1', '--reliability', 'A', '--reason', 'x').status, 3);
    const explained = JSON.parse(as('rev', 'reviewer', 'explain', '--json').stdout);
    assert.deepEqual(
      [explained.acts[0].sources[0].reliability, explained.acts[0].sources[0].credibility],
      ['B', '2'],
    );
  });
});
