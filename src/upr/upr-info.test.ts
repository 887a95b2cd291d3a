import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { AccessDenied } from '../access/authorize.ts';
import { buildServer } from '../server/app.ts';
import { openSqliteStore, type SqliteStore } from '../store/sqlite/sqlite-store.ts';
import { tempDir, testKeys } from '../testing/factories.ts';
import { importUprInfo, SHIPPED_UPR_FILE } from './import-upr-info.ts';
import { loadShippedReviews } from './shipped-reviews.ts';
import { cycleOfSession, type UprReviewEntry } from './upr-recommendation.ts';

const UPR_INFO = fileURLToPath(new URL('../../../shared/data/upr-info/recommendations.csv', import.meta.url));
const admin = { user: 'admin', role: 'admin' as const };

/** The export's rows, read independently of the code under test. */
const csvRows = parse(readFileSync(UPR_INFO), { columns: true }) as Record<string, string>[];
/** How many distinct recommendations (state, session, recommending state, text) pass the test. */
const where = (test: (row: Record<string, string>) => boolean) =>
  new Set(csvRows.filter(test).map((r) => [r.To, r.Session, r.From, r.Text].join('\u0000'))).size;

describe("UPR Info's recommendations", () => {
  const dir = tempDir();
  let store: SqliteStore;
  before(() => {
    store = openSqliteStore(join(dir.path, 'upr.db'));
  });
  after(async () => {
    await store.close();
    dir.remove();
  });

  it('numbers cycles by session', () => {
    assert.deepEqual([1, 12, 13, 26, 27, 40, 41, 54].map(cycleOfSession), [1, 1, 2, 2, 3, 3, 4, 4]);
  });

  it('imports the whole export, and a re-import changes nothing', async () => {
    const first = await importUprInfo(store, admin, UPR_INFO);
    assert.deepEqual([first.ok, first.rows], [true, csvRows.length]);
    assert.equal(
      first.inserted,
      where(() => true),
      'one row per recommendation and recommending state',
    );
    const again = await importUprInfo(store, admin, UPR_INFO);
    assert.deepEqual([again.inserted, again.unchanged], [0, csvRows.length]);
  });

  it('answers filters as the export says', async () => {
    const count = async (filter: Record<string, unknown>) =>
      (await store.searchUprRecommendations({ limit: 1, offset: 0, ...filter })).total;
    assert.equal(await count({ state_under_review: 'DPR Korea', session: 19 }), 269);
    assert.equal(
      await count({ state_under_review: 'DPR Korea' }),
      where((r) => r.To === 'DPR Korea'),
    );
    assert.equal(
      await count({ response: 'noted' }),
      where((r) => r.Response === 'Noted'),
    );
    const torture = where(
      (r) =>
        r.To === 'DPR Korea' &&
        (r.Issue ?? '').split(',').includes('Torture and other CID treatment') &&
        r.Response === 'Accepted',
    );
    assert.ok(torture > 0, 'the DPRK accepted some recommendations on torture');
    const issue = 'Torture and other CID treatment';
    assert.equal(await count({ state_under_review: 'DPR Korea', issue, response: 'supported' }), torture);
    assert.equal(
      await count({ recommending_group: 'WEOG', cycle: 2 }),
      where((r) => r['From-Rgrp'] === 'WEOG' && Number(r.Session) >= 13),
    );
    const prison = await store.searchUprRecommendations({
      state_under_review: 'DPR Korea',
      text: 'prison camps',
      limit: 500,
      offset: 0,
    });
    assert.ok(prison.total > 0);
    for (const r of prison.rows) assert.match(r.text, /prison/i);
    assert.equal(
      prison.total,
      where((r) => r.To === 'DPR Korea' && /\bprison/i.test(r.Text ?? '') && /\bcamps?/i.test(r.Text ?? '')),
    );
  });

  it('refuses a bad file naming file, line and column, and writes nothing', async () => {
    const fresh = openSqliteStore(':memory:');
    const bad = join(dir.path, 'bad.csv');
    const header = 'To,To-Rgrp,To-Org,Text,From,From-Rgrp,From-Org,Response,Action,Issue,Session';
    writeFileSync(
      bad,
      [
        header,
        'DPR Korea,Asia,,Close the camps,Spain,WEOG,EU,Noted,5,Detention,19',
        'DPR Korea,Asia,,Free the prisoners,Spain,WEOG,EU,Maybe,5,Detention,19',
        'DPR Korea,Asia,,Stop torture,Spain,WEOG,EU,Accepted,9,Torture and other CID,nineteen',
      ].join('\n'),
    );
    const report = await importUprInfo(fresh, admin, bad);
    assert.equal(report.ok, false);
    assert.deepEqual(
      report.problems.map((p) => [p.file, p.line, p.field]),
      [
        [bad, 3, 'Response'],
        [bad, 4, 'Session'],
        [bad, 4, 'Action'],
      ],
    );
    assert.equal((await fresh.searchUprRecommendations({ limit: 1, offset: 0 })).total, 0);
    await assert.rejects(importUprInfo(fresh, { user: 'v', role: 'viewer' }, bad), AccessDenied);
    await fresh.close();
  });

  it('ships the DPRK data, browsable through the public API', async () => {
    const fresh = openSqliteStore(':memory:');
    const shipped = await importUprInfo(fresh, admin, fileURLToPath(SHIPPED_UPR_FILE));
    assert.deepEqual([shipped.ok, shipped.inserted], [true, where((r) => r.To === 'DPR Korea')]);
    const app = await buildServer(fresh, { keys: testKeys() });
    const url = await app.listen({ port: 0, host: '127.0.0.1' });
    try {
      const response = await fetch(
        `${url}/api/upr/recommendations?state_under_review=DPR%20Korea&session=6&response=noted&limit=5`,
      );
      assert.equal(response.status, 200);
      const body = (await response.json()) as {
        total: number;
        rows: { response: string; session: number }[];
      };
      assert.equal(
        body.total,
        where((r) => r.To === 'DPR Korea' && r.Session === '6' && r.Response === 'Noted'),
      );
      assert.equal(body.rows.length, 5);
      assert.ok(body.rows.every((r) => r.response === 'noted' && r.session === 6));
      assert.equal((await fetch(`${url}/api/upr/recommendations?action=9`)).status, 400);
      // Reviews as entries: each with its date and documents, and how its recommendations were answered.
      await loadShippedReviews(fresh);
      await loadShippedReviews(fresh); // idempotent
      const reviews = (await (
        await fetch(`${url}/api/upr/reviews?state_under_review=DPR%20Korea`)
      ).json()) as { reviews: UprReviewEntry[] };
      assert.deepEqual(
        reviews.reviews.map((r) => [r.session, r.cycle, r.date, r.documents.length]),
        [
          [6, 1, '2009-12-07', 4],
          [19, 2, '2014-05-01', 4],
        ],
      );
      for (const review of reviews.reviews) {
        const inSession = (r: Record<string, string>) =>
          r.To === 'DPR Korea' && r.Session === String(review.session);
        assert.equal(review.recommendations, where(inSession));
        assert.equal(
          review.supported,
          where((r) => inSession(r) && r.Response === 'Accepted'),
        );
        assert.equal(
          review.noted,
          where((r) => inSession(r) && r.Response === 'Noted'),
        );
        assert.equal(review.supported + review.noted + review.pending, review.recommendations);
      }
    } finally {
      await app.close();
      await fresh.close();
    }
  });
});
