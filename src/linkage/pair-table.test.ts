import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PairScores, PairTable } from './pair-table.ts';

describe('PairTable', () => {
  it('stores values under unordered pairs, through growth', () => {
    const table = new PairTable(4);
    for (let a = 0; a < 300; a++) for (let b = a; b < 300; b += 7) table.set(b, a, a * 1000 + b);
    for (let a = 0; a < 300; a++)
      for (let b = a; b < 300; b++) assert.equal(table.get(a, b), (b - a) % 7 === 0 ? a * 1000 + b : -1);
    const scores = new PairScores(2);
    scores.set(5, 2, 0.25);
    scores.set(2, 5, 0.5);
    assert.equal(scores.get(5, 2), 0.5);
    assert.equal(scores.get(1, 2), undefined);
    assert.equal(scores.size, 1);
  });
});
