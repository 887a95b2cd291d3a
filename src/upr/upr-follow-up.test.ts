import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Viewer } from '../access/roles.ts';
import type { Act } from '../domain/act.ts';
import { explainFigure } from '../provenance/explain-figure.ts';
import { openSqliteStore, type SqliteStore } from '../store/sqlite/sqlite-store.ts';
import { importOrFail, testKeys, testMeta, testRecords } from '../testing/factories.ts';
import { importUprInfo, SHIPPED_UPR_FILE } from './import-upr-info.ts';
import { followUp, followUpMapping } from './upr-follow-up.ts';

const keys = testKeys();
const analyst: Viewer = { user: 'ana', role: 'analyst' };

describe('following up UPR recommendations against documented acts', () => {
  let store: SqliteStore;
  const t = testRecords();
  const act = (id: string, act_type: string, year: string): Act => ({
    ...t.act,
    ...testMeta(id),
    act_type,
    date: { from: year },
    episode: undefined,
  });
  before(async () => {
    store = openSqliteStore(':memory:');
    const admin = { user: 'admin', role: 'admin' as const };
    assert.equal((await importUprInfo(store, admin, fileURLToPath(SHIPPED_UPR_FILE))).ok, true);
    await importOrFail(
      store,
      [
        t.organisation,
        t.facility,
        t.victim,
        t.guard,
        t.source,
        act('A-2010', 'TORTURE-BEATING', '2010'),
        act('A-2014', 'TORTURE-BEATING', '2014'),
        act('A-2015', 'TORTURE-PIGEON', '2015-03'),
        act('A-2016', 'FORCED-LABOUR', '2016'),
      ],
      keys,
    );
  });
  after(() => store.close());

  it('counts acts of the kinds a recommendation concerns that began after the review year', async () => {
    const issue = 'Torture and other CID treatment';
    const rows2014 = await followUp(store, analyst, {
      state_under_review: 'DPR Korea',
      session: 19,
      issue,
      limit: 500,
      offset: 0,
    });
    assert.ok(rows2014.length > 0);
    for (const row of rows2014) {
      assert.equal(row.review_year, 2014);
      assert.ok(row.act_types.includes('TORTURE'));
      // Only the 2015 act is after a 2014 review (the 2014 one may predate it); forced labour is
      // counted only if the recommendation also concerns detention or labour.
      const labour = row.act_types.includes('FORCED-LABOUR') ? 1 : 0;
      assert.equal(row.acts_after, 1 + labour);
      const explained = await explainFigure(store, analyst, keys, {
        measure: 'acts',
        act_types: row.act_types,
        after_year: 2014,
      });
      assert.equal(explained.value, row.acts_after, 'explain lists the acts behind the number');
    }
    const rows2009 = await followUp(store, analyst, {
      state_under_review: 'DPR Korea',
      session: 6,
      issue,
      limit: 500,
      offset: 0,
    });
    assert.ok(rows2009.length > 0);
    for (const row of rows2009)
      assert.equal(row.acts_after, 3 + (row.act_types.includes('FORCED-LABOUR') ? 1 : 0));
  });

  it('maps issues only to known act types, none covered twice', () => {
    const mapping = followUpMapping();
    assert.ok(Object.keys(mapping.issues).length >= 10);
    assert.equal(mapping.session_years.years['19'], 2014);
  });
});
