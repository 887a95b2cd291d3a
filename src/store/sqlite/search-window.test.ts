import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { blindTokens } from '../../access/field-cipher.ts';
import type { Facility } from '../../domain/facility.ts';
import { importRecords } from '../../interchange/import-records.ts';
import { searchTerms } from '../../search/hangul-bigrams.ts';
import { testKeys, testMeta } from '../../testing/factories.ts';
import { openSqliteStore } from './sqlite-store.ts';

// Search over a common word: past `rankedMatches`, the newest matches come first, taken from the
// index in growing windows until enough pass the filters.

describe('searching a common word', () => {
  it('returns the newest matches that pass the filters, however deep they are in the index', async () => {
    const keys = testKeys();
    const facility = (n: number, confidentiality: Facility['confidentiality']): Facility => ({
      type: 'facility',
      ...testMeta(`F-${String(n).padStart(4, '0')}`),
      confidentiality,
      name: { en: `Holding centre number ${n}` },
      aliases: [],
      facility_type: 'JIPKYULSO',
    });
    // 40 internal facilities first, then 300 restricted ones (newer: written later).
    const records = [
      ...Array.from({ length: 40 }, (_, i) => facility(i, 'internal')),
      ...Array.from({ length: 300 }, (_, i) => facility(100 + i, 'restricted')),
    ];
    const store = openSqliteStore(':memory:');
    const report = await importRecords(
      store,
      [{ file: 't', lines: records.map((value, i) => ({ line: i + 1, value })) }],
      { keys },
    );
    assert.equal(report.ok, true);
    const query = { terms: searchTerms('holding').map((text) => ({ text, blind: blindTokens(text, keys) })) };

    store.rankedMatches = 50;
    const internal = await store.search(query, { limit: 10, levels: ['internal'] });
    assert.deepEqual(
      internal.map((h) => h.id),
      Array.from({ length: 10 }, (_, i) => `F-${String(39 - i).padStart(4, '0')}`),
      'the ten newest internal ones, found below 300 newer restricted ones',
    );
    const all = await store.search(query, { limit: 5 });
    assert.deepEqual(
      all.map((h) => h.id),
      ['F-0399', 'F-0398', 'F-0397', 'F-0396', 'F-0395'],
    );
    // Below the threshold, results are ranked as before (and all 40 internal ones are found).
    store.rankedMatches = 1000;
    assert.equal((await store.search(query, { limit: 100, levels: ['internal'] })).length, 40);
    await store.close();
  });
});
