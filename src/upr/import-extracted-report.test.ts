import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { buildServer } from '../server/app.ts';
import { openSqliteStore } from '../store/sqlite/sqlite-store.ts';
import { testKeys } from '../testing/factories.ts';
import { extractWorkingGroupReport } from './extract-working-group-report.ts';
import { importExtractedReport } from './import-extracted-report.ts';
import { importUprInfo, SHIPPED_UPR_FILE } from './import-upr-info.ts';

const reports = new URL('../../../shared/data/upr-reports/', import.meta.url);
const admin = { user: 'admin', role: 'admin' as const };

describe('importing an extracted Working Group report', () => {
  it('stores one row per item and recommending state, with paragraphs, and the state claims', async () => {
    const report = await extractWorkingGroupReport(fileURLToPath(new URL('albania2010.pdf', reports)));
    const store = openSqliteStore(':memory:');
    const pairs = report.recommendations.reduce((n, r) => n + r.recommending_states.length, 0);
    const done = await importExtractedReport(store, admin, report);
    assert.deepEqual(
      [done.recommendations, done.inserted, done.claims],
      [pairs, pairs, report.state_claims.length],
    );
    const stored = await store.searchUprRecommendations({
      state_under_review: 'Albania',
      limit: 1000,
      offset: 0,
    });
    assert.equal(stored.total, pairs);
    assert.ok(stored.rows.every((r) => r.source === report.document && /^\d+\.\d+$/.test(r.paragraph ?? '')));
    assert.equal(
      (await importExtractedReport(store, admin, report)).inserted,
      0,
      're-import changes nothing',
    );

    const app = await buildServer(store, { keys: testKeys() });
    const url = await app.listen({ port: 0, host: '127.0.0.1' });
    try {
      const body = (await (await fetch(`${url}/api/upr/state-claims?state_under_review=Albania`)).json()) as {
        claims: { paragraph: string }[];
      };
      assert.equal(body.claims.length, report.state_claims.length);
    } finally {
      await app.close();
      await store.close();
    }
  });

  it('refuses a review that UPR Info data already holds, so nothing is counted twice', async () => {
    const store = openSqliteStore(':memory:');
    await importUprInfo(store, admin, fileURLToPath(SHIPPED_UPR_FILE));
    const report = await extractWorkingGroupReport(
      fileURLToPath(new URL('democraticpeoplesrepublicofkorea2014.pdf', reports)),
    );
    await assert.rejects(
      importExtractedReport(store, admin, report),
      /already in the knowledge base from UPR Info/,
    );
    await store.close();
  });
});
