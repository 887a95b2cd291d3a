import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { HistoriesCsvError, parseHistoriesCsv } from './histories-csv.ts';

describe('parseHistoriesCsv', () => {
  it('reads lists and counts, adding up repeated histories', () => {
    const data = parseHistoriesCsv('A,B,count\n1,1,3\n1,0,4\n0,1,5\n1,1,2\n', 'x.csv');
    assert.deepEqual(data.lists, ['A', 'B']);
    assert.deepEqual(data.counts, [0, 4, 5, 5]);
  });

  for (const [text, message] of [
    ['A,B,n\n1,1,3\n', /x\.csv, line 1: the last column must be "count"/],
    ['A,count\n1,3\n', /x\.csv, line 1: expected 2 to 8 list columns/],
    ['A,B,count\n1,1,3\n1,2,4\n', /x\.csv, line 3, field B: expected 0 or 1, got "2"/],
    ['A,B,count\n1,1,-3\n', /x\.csv, line 2, field count: expected a whole number/],
    ['A,B,count\n1,1\n', /x\.csv, line 2: expected 3 fields, got 2/],
    ['A,B,count\n0,0,7\n', /x\.csv, line 2, field A: a history on no list cannot be observed/],
  ] as const) {
    it(`refuses ${JSON.stringify(text)} naming file, line and field`, () => {
      assert.throws(
        () => parseHistoriesCsv(text, 'x.csv'),
        (error: Error) => {
          assert.ok(error instanceof HistoriesCsvError);
          assert.match(error.message, message);
          return true;
        },
      );
    });
  }
});
