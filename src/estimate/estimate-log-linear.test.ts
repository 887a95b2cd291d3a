import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadSharedHistories as loadShared } from '../testing/shared-data.ts';
import { captureDataFromRows } from './capture-data.ts';
import { estimateLogLinear } from './estimate-log-linear.ts';
import { chapman, lincolnPetersen } from './lincoln-petersen.ts';

describe('estimateLogLinear', () => {
  const lesbian = loadShared('lesbian.csv');

  it('lesbian data: among M0, Mt, Mh and Mth the BIC selects Mth Darroch (Rcapture, ?lesbian)', () => {
    const report = estimateLogLinear(lesbian, { maxOrder: 1 });
    assert.equal(report.selected?.model, 'Mth Darroch');
    assert.equal(report.n_observed, 2185);
  });

  it('lesbian data: with Darroch heterogeneity the BIC selects interactions 12, 13, 14 (Rcapture, ?closedpMS)', () => {
    const report = estimateLogLinear(lesbian, { maxOrder: 3, heterogeneity: 'darroch' });
    assert.equal(report.selected?.model, 'Mth Darroch [12,13,14]');
  });

  it('lesbian data: that model gives Aaron et al.’s published 7031 (95% CI 5850–8576)', () => {
    // Aaron, Chang, Markovic & LaPorte (2003), J. Epidemiol. Community Health 57:207–209, abstract.
    // Their interval's method is not ours (profile likelihood): the ends agree within 0.5%.
    const selected = estimateLogLinear(lesbian, { maxOrder: 3, heterogeneity: 'darroch' }).selected;
    assert.ok(selected);
    assert.equal(Math.round(selected.N), 7031);
    assert.ok(Math.abs(selected.lower / 5850 - 1) < 0.005, `lower ${selected.lower}`);
    assert.ok(Math.abs(selected.upper / 8576 - 1) < 0.005, `upper ${selected.upper}`);
  });

  it('every reported estimate has an interval around it, and they are ranked by the criterion', () => {
    const report = estimateLogLinear(loadShared('hiv-rome.csv'), { criterion: 'aic' });
    assert.ok(report.estimates.length > 0);
    for (const e of report.estimates)
      assert.ok(e.lower <= e.N && e.N <= e.upper && e.lower >= report.n_observed);
    const aics = report.estimates.map((e) => e.aic as number);
    assert.deepEqual(
      aics,
      [...aics].sort((a, b) => a - b),
    );
    assert.equal(report.selected?.model, '[12]');
    assert.ok(report.caveats.length > 0);
  });

  it('two lists: Lincoln–Petersen (the Mt model) and Chapman, both with intervals', () => {
    const data = captureDataFromRows(
      ['A', 'B'],
      [
        { history: [1, 1], count: 167 },
        { history: [1, 0], count: 781 },
        { history: [0, 1], count: 254 },
      ],
    );
    const report = estimateLogLinear(data);
    const mt = report.estimates.find((e) => e.model === 'Mt');
    const ch = report.estimates.find((e) => e.method === 'chapman');
    assert.ok(mt && ch);
    assert.ok(Math.abs(mt.N - lincolnPetersen(948, 421, 167)) < 1e-9 * mt.N);
    assert.equal(ch.N, chapman(948, 421, 167));
    assert.ok(ch.lower < ch.N && ch.N < ch.upper);
  });

  it('two lists with no overlap: warnings only, no number', () => {
    const data = captureDataFromRows(
      ['A', 'B'],
      [
        { history: [1, 0], count: 50 },
        { history: [0, 1], count: 40 },
      ],
    );
    const report = estimateLogLinear(data);
    assert.equal(report.selected, null);
    assert.equal(report.estimates.length, 0);
    assert.ok(report.warnings.some((w) => /zero margin/.test(w)));
  });

  it('seven lists up to two-way interactions (2^21 models): a warning pointing to stepwise, not a hang', () => {
    const rows = Array.from({ length: 30 }, (_, i) => ({
      history: Array.from({ length: 7 }, (_, j) => ((i >> j) & 1) | (j === i % 7 ? 1 : 0)),
      count: 3,
    }));
    const report = estimateLogLinear(captureDataFromRows(['A', 'B', 'C', 'D', 'E', 'F', 'G'], rows));
    assert.equal(report.selected, null);
    assert.match(report.warnings[0] ?? '', /too many models.*stepwise/);
  });
});
