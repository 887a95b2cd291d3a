import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { importRecords } from '../interchange/import-records.ts';
import { openSqliteStore } from '../store/sqlite/sqlite-store.ts';
import { testKeys, testRecords } from '../testing/factories.ts';
import { dashboardFigures } from './dashboard-figures.ts';

describe('dashboard figures', () => {
  it('counts at the statistics level and the queue at the review level, from one pass', async () => {
    const { organisation, facility, victim, guard, source, episode, act } = testRecords();
    const records = [
      organisation,
      facility,
      { ...victim, confidentiality: 'restricted' as const, status: 'submitted' as const },
      { ...guard, confidentiality: 'strictly-confidential' as const, status: 'under-review' as const },
      { ...source, status: 'submitted' as const },
      episode,
      { ...act, status: 'verified' as const },
    ];
    const store = openSqliteStore(':memory:');
    const report = await importRecords(
      store,
      [{ file: 't', lines: records.map((value, i) => ({ line: i + 1, value })) }],
      { keys: testKeys() },
    );
    assert.deepEqual(report.problems, []);

    // A reviewer counts and reviews up to restricted: the strictly confidential guard is neither.
    const reviewer = await dashboardFigures(store, { user: 'r', role: 'reviewer' });
    assert.equal(reviewer.counts.person, 1);
    assert.equal(reviewer.waiting, 2, 'the restricted victim and the internal source');
    // A coordinator sees everything; an analyst counts up to restricted but reviews nothing.
    const coordinator = await dashboardFigures(store, { user: 'c', role: 'coordinator' });
    assert.deepEqual([coordinator.counts.person, coordinator.waiting], [2, 3]);
    const analyst = await dashboardFigures(store, { user: 'a', role: 'analyst' });
    assert.deepEqual([analyst.counts.person, analyst.waiting], [1, 0]);
    // The public: published (verified, consented) counts only, no queue.
    const publicView = await dashboardFigures(store, { user: 'anonymous', role: 'public' });
    assert.deepEqual([publicView.counts.person, publicView.waiting], [0, 0]);
    await store.close();
  });
});
