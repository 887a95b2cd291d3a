import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fieldLinkage } from './field-linkage.ts';

/** Per-pair field weights (NaN = missing) for k starting clusters of one mention each. */
function evidence(k: number, fields: number, table: Record<string, number[]>) {
  const sums = new Float32Array(k * k * fields);
  const counts = new Float32Array(k * k * fields);
  for (const [key, weights] of Object.entries(table)) {
    const [x, y] = key.split('-').map(Number) as [number, number];
    weights.forEach((w, f) => {
      if (Number.isNaN(w)) return;
      for (const at of [(x * k + y) * fields + f, (y * k + x) * fields + f]) {
        sums[at] = w;
        counts[at] = 1;
      }
    });
  }
  return { sums, counts };
}

describe('field linkage', () => {
  it('joins clusters on evidence that different pairs bring, not diluted by missing fields', () => {
    // Fields: name, birth year, facility. 0-1 share name and year; 0-2 and 1-2 share name; only 1-2 knows
    // the facility. Pairwise, 0-2 is below even odds; the cluster {0,1} against 2 has name + facility.
    const n = Number.NaN;
    const { sums, counts } = evidence(3, 3, {
      '0-1': [6, 5, n],
      '0-2': [6, n, n],
      '1-2': [6, n, 6],
    });
    const label = fieldLinkage(sums, counts, new Uint8Array(9), 3, 3, -10, 0);
    assert.equal(label[0], label[1]);
    assert.equal(label[0], label[2]);
  });

  it('keeps apart clusters whose fields disagree, and a forbidden pair whatever joins it', () => {
    const n = Number.NaN;
    const table = { '0-1': [6, 5, n], '0-2': [6, -7, n], '1-2': [6, n, 6] };
    const apart = evidence(3, 3, table);
    const label = fieldLinkage(apart.sums, apart.counts, new Uint8Array(9), 3, 3, -10, 0);
    // 1-2 (6 + 6 − 10) joins first; against {1, 2}, 0's birth year averages (5 − 7) / 2: 6 − 1 − 10 < 0.
    assert.equal(label[1], label[2]);
    assert.notEqual(label[0], label[1]);
    const agree = evidence(3, 3, { '0-1': [8, 5, n], '0-2': [8, 5, n], '1-2': [8, 5, 6] });
    const forbidden = new Uint8Array(9);
    forbidden[0 * 3 + 2] = 1;
    forbidden[2 * 3 + 0] = 1;
    const split = fieldLinkage(agree.sums, agree.counts, forbidden, 3, 3, -10, 0);
    assert.notEqual(split[0], split[2]);
  });
});
