import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadSharedHistories } from '../testing/shared-data.ts';
import { captureDataFromRows } from './capture-data.ts';
import { estimateStepwise, quantile, stepwiseFit } from './estimate-stepwise.ts';

describe('stepwise selection', () => {
  const hiv = loadSharedHistories('hiv-rome.csv');

  it('HIV data: keeps only the interaction between lists 1 and 2, as Rcapture’s ?HIV example concludes', () => {
    assert.equal(stepwiseFit(hiv)?.name, '[12]');
  });

  it('a stricter threshold adds nothing', () => {
    assert.equal(stepwiseFit(hiv, 1e-6)?.name, 'Mt');
  });

  it('bootstrap interval: reproducible with a seed, different with another, and around the estimate', () => {
    const one = estimateStepwise(hiv, { bootstrap: 60, seed: 7 });
    const again = estimateStepwise(hiv, { bootstrap: 60, seed: 7 });
    const other = estimateStepwise(hiv, { bootstrap: 60, seed: 8 });
    assert.deepEqual(one, again);
    assert.notEqual(one.selected?.lower, other.selected?.lower);
    const s = one.selected;
    assert.ok(s && s.lower < s.N && s.N < s.upper);
  });

  it('no overlap at all: a warning, no number', () => {
    const data = captureDataFromRows(
      ['A', 'B', 'C'],
      [
        { history: [1, 0, 0], count: 5 },
        { history: [0, 1, 0], count: 6 },
        { history: [0, 0, 1], count: 7 },
      ],
    );
    const report = estimateStepwise(data, { bootstrap: 10 });
    assert.equal(report.selected, null);
    assert.equal(report.warnings.length, 1);
  });

  it('quantile interpolates between order statistics', () => {
    assert.equal(quantile([1, 2, 3, 4, 5], 0.5), 3);
    assert.equal(quantile([0, 10], 0.25), 2.5);
  });
});
