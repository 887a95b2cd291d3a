import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hierarchicalModels } from './hierarchical-models.ts';

describe('hierarchicalModels', () => {
  it('four lists up to three-way interactions: the 113 models Rcapture’s getAllModels(4) lists', () => {
    assert.equal(hierarchicalModels(4, 3).length, 113);
  });

  it('up to two-way interactions: every graph on the lists (2^(t choose 2))', () => {
    assert.equal(hierarchicalModels(3, 2).length, 8);
    assert.equal(hierarchicalModels(4, 2).length, 64);
    assert.equal(hierarchicalModels(6, 2).length, 2 ** 15);
  });

  it('never includes a three-way interaction without its pairs, nor a model twice', () => {
    const models = hierarchicalModels(4, 3);
    const keys = new Set(models.map((m) => [...m].sort((a, b) => a - b).join(',')));
    assert.equal(keys.size, models.length);
    for (const model of models) {
      for (const term of model.filter((t) => t === 7 || t === 11 || t === 13 || t === 14)) {
        for (let j = 0; j < 4; j++) if (term & (1 << j)) assert.ok(model.includes(term & ~(1 << j)));
      }
    }
  });
});
