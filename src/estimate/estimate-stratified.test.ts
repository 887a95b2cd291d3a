import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadSharedHistories } from '../testing/shared-data.ts';
import { captureDataFromRows } from './capture-data.ts';
import { estimate } from './estimate.ts';
import { estimateStratified } from './estimate-stratified.ts';
import { parseStratifiedHistoriesCsv } from './histories-csv.ts';

describe('stratified estimation', () => {
  const hiv = loadSharedHistories('hiv-rome.csv');
  const lesbian = loadSharedHistories('lesbian.csv');
  const options = { method: 'loglinear' as const, maxOrder: 1 };

  it('the total is the sum of each stratum’s selected estimate, its interval wider than each part', () => {
    const report = estimateStratified(
      [
        { name: 'one', data: hiv },
        { name: 'two', data: lesbian },
      ],
      options,
    );
    const one = estimate(hiv, options).selected;
    const two = estimate(lesbian, options).selected;
    assert.ok(one && two && report.selected);
    assert.ok(Math.abs(report.selected.N - (one.N + two.N)) < 1e-6);
    assert.ok(report.selected.upper - report.selected.N > one.upper - one.N);
    assert.ok(report.selected.N - report.selected.lower > two.N - two.lower);
    assert.equal(report.n_observed, 1896 + 2185);
    assert.deepEqual(
      report.estimates.map((e) => e.model),
      ['total of 2 strata', 'one: Mt', 'two: Mth Darroch'],
    );
  });

  it('a stratum without an estimate: no total, a warning naming it', () => {
    const empty = captureDataFromRows(
      ['A', 'B', 'C', 'D'],
      [
        { history: [1, 0, 0, 0], count: 4 },
        { history: [0, 1, 0, 0], count: 3 },
      ],
    );
    const report = estimateStratified(
      [
        { name: '2019', data: hiv },
        { name: '2020', data: empty },
      ],
      options,
    );
    assert.equal(report.selected, null);
    assert.ok(report.warnings.some((w) => /no total: stratum 2020/.test(w)));
  });

  it('reads strata from a column of the histories CSV', () => {
    const strata = parseStratifiedHistoriesCsv(
      'A,B,period,count\n1,1,early,3\n1,0,early,4\n1,1,late,5\n0,1,late,6\n',
      'x.csv',
      'period',
    );
    assert.deepEqual(
      strata.map((s) => [s.name, s.data.counts]),
      [
        ['early', [0, 4, 0, 3]],
        ['late', [0, 0, 6, 5]],
      ],
    );
  });
});
