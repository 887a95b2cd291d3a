import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { advocacyStore, keys } from '../advocacy/advocacy-fixture.ts';
import { csvColumns } from '../interchange/csv-records.ts';
import type { SqliteStore } from '../store/sqlite/sqlite-store.ts';
import { testMeta, testRecords } from '../testing/factories.ts';
import { json, type SignedIn, serveWithAccounts } from '../testing/signed-in-server.ts';

// Long jobs over real HTTP and a real SQLite store: an uploaded import, a linkage run and a report,
// each with progress its owner polls, and summaries that carry counts and lines only.

type JobView = {
  id: string;
  kind: string;
  state: string;
  done: number;
  total: number;
  summary: Record<string, unknown> | null;
  file: { name: string; bytes: number } | null;
};

describe('jobs API', () => {
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

  /** Polls the job as the browser does until it is finished. */
  async function finished(browser: SignedIn, id: string): Promise<JobView> {
    for (let i = 0; i < 500; i++) {
      const job = await json<JobView>(await browser.get(`/api/jobs/${id}`));
      assert.ok(job.done <= job.total);
      if (job.state !== 'running') return job;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error('the job did not finish');
  }

  const person = (n: number) => ({
    ...testRecords().victim,
    ...testMeta(`P-UP-${n}`),
    code: `V-9${String(n).padStart(5, '0')}`,
  });

  it('imports an uploaded JSON Lines file as a job whose progress reaches its total', async () => {
    const coordinator = await server.as('coordinator');
    const lines = Array.from({ length: 120 }, (_, i) => JSON.stringify(person(i)));
    const started = await coordinator.post('/api/jobs/import', {
      file_name: 'people.jsonl',
      format: 'jsonl',
      content: `${lines.join('\n')}\n`,
    });
    assert.equal(started.status, 202);
    const job = await json<JobView>(started);
    assert.equal(job.total, 120);
    const done = await finished(coordinator, job.id);
    assert.equal(done.state, 'done');
    assert.equal(done.done, 120);
    assert.equal(done.summary?.ok, true);
    assert.equal(done.summary?.inserted, 120);
    assert.ok(await store.getRecord('P-UP-119'), 'the records are stored');
    assert.doesNotMatch(JSON.stringify(done), /리영호|Ri Yong Ho/, 'no name in the job');

    // Only its owner sees it.
    const admin = await server.as('admin');
    assert.equal((await admin.get(`/api/jobs/${job.id}`)).status, 404);
    assert.equal((await json<{ jobs: unknown[] }>(await admin.get('/api/jobs'))).jobs.length, 0);
    const mine = await json<{ jobs: JobView[] }>(await coordinator.get('/api/jobs'));
    assert.deepEqual(
      mine.jobs.map((j) => j.id),
      [job.id],
    );
  });

  it('imports CSV; reports problems by line and field and writes nothing', async () => {
    const coordinator = await server.as('coordinator');
    const columns = csvColumns('person');
    const row = (p: Record<string, unknown>) =>
      columns
        .map((c) => {
          const v = p[c];
          const cell = v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v);
          return `"${cell.replaceAll('"', '""')}"`;
        })
        .join(',');
    const csv = [columns.join(','), row(person(500)), row(person(501))].join('\n');
    const ok = await finished(
      coordinator,
      (
        await json<JobView>(
          await coordinator.post('/api/jobs/import', { file_name: 'p.csv', format: 'csv', content: csv }),
        )
      ).id,
    );
    assert.equal(ok.summary?.ok, true, JSON.stringify(ok.summary));
    assert.equal(ok.summary?.inserted, 2);

    const broken = [JSON.stringify(person(600)), JSON.stringify({ ...person(601), sex: 'sometimes' })].join(
      '\n',
    );
    const failed = await finished(
      coordinator,
      (
        await json<JobView>(
          await coordinator.post('/api/jobs/import', {
            file_name: 'b.jsonl',
            format: 'jsonl',
            content: broken,
          }),
        )
      ).id,
    );
    assert.equal(failed.summary?.ok, false);
    assert.deepEqual(
      ((failed.summary?.problems ?? []) as { line: number; field: string }[]).map((p) => [p.line, p.field]),
      [[2, 'sex']],
    );
    assert.equal(await store.getRecord('P-UP-600'), undefined, 'all or nothing');
  });

  it('refuses imports to roles that may not write, above their level, or badly asked', async () => {
    const advocate = await server.as('advocate');
    const content = JSON.stringify(person(700));
    const refused = await advocate.post('/api/jobs/import', {
      file_name: 'x.jsonl',
      format: 'jsonl',
      content,
    });
    assert.equal(refused.status, 403);
    const investigator = await server.as('investigator');
    const bad = await investigator.post('/api/jobs/import', { file_name: 'x.xls', format: 'xls', content });
    assert.equal(bad.status, 400);
    assert.equal((await json<{ problems: { field: string }[] }>(bad)).problems[0]?.field, 'format');
    const secret = JSON.stringify({ ...person(701), confidentiality: 'strictly-confidential' });
    const above = await finished(
      investigator,
      (
        await json<JobView>(
          await investigator.post('/api/jobs/import', {
            file_name: 's.jsonl',
            format: 'jsonl',
            content: `${content}\n${secret}`,
          }),
        )
      ).id,
    );
    assert.equal(above.state, 'failed');
    assert.match(String(above.summary?.error), /line 2: confidentiality/);
    assert.equal(await store.getRecord('P-UP-700'), undefined);
  });

  it('runs linkage as a job (resolve-records), with counts only', async () => {
    assert.equal((await (await server.as('analyst')).post('/api/jobs/linkage', {})).status, 403);
    const reviewer = await server.as('reviewer');
    const job = await json<JobView>(await reviewer.post('/api/jobs/linkage', {}));
    const done = await finished(reviewer, job.id);
    assert.equal(done.state, 'done', JSON.stringify(done.summary));
    assert.deepEqual([done.done, done.total], [2, 2]);
    assert.ok(Number(done.summary?.persons) >= 2);
    assert.ok((await store.resolution('person')) !== undefined, 'the run is stored');
  });

  it('generates a report as a job whose Word file its owner downloads', async () => {
    const viewer = await server.as('viewer');
    assert.equal((await viewer.post('/api/jobs/report', { kind: 'submission' })).status, 403);
    const advocate = await server.as('advocate');
    const bad = await advocate.post('/api/jobs/report', { kind: 'poem' });
    assert.equal(bad.status, 400);
    assert.equal((await json<{ problems: { field: string }[] }>(bad)).problems[0]?.field, 'kind');
    const job = await json<JobView>(await advocate.post('/api/jobs/report', { kind: 'submission' }));
    const done = await finished(advocate, job.id);
    assert.equal(done.state, 'done', JSON.stringify(done.summary));
    assert.equal(done.summary?.ok, true);
    assert.equal(done.file?.name, 'submission.docx');
    const file = await advocate.get(`/api/jobs/${job.id}/file`);
    assert.equal(file.status, 200);
    assert.equal((await file.arrayBuffer()).byteLength, done.file?.bytes);
    assert.equal((await viewer.get(`/api/jobs/${job.id}/file`)).status, 404);
  });
});
