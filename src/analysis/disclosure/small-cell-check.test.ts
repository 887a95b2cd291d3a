import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { protectTable } from './protect-table.ts';
import { assertNoSmallCells, checkSmallCells } from './small-cell-check.ts';
import { countTable, publishedByHand } from './test-tables.ts';

describe('checkSmallCells', () => {
  it('passes a protected table and fails an unprotected one, naming every small figure', () => {
    const cells = [
      [20, 3, 15],
      [12, 9, 30],
      [8, 25, 0],
    ];
    assert.deepEqual(checkSmallCells(protectTable(countTable(cells))), []);
    const raw = publishedByHand(cells, []);
    assert.deepEqual(checkSmallCells(raw), [{ path: '$.cells[0][1]', value: 3 }]);
    const smallMargin = publishedByHand(
      [[1, 2]],
      [
        [0, 0],
        [0, 1],
      ],
    );
    assert.deepEqual(checkSmallCells(smallMargin), [
      { path: '$.rowTotals[0]', value: 3 },
      { path: '$.columnTotals[0]', value: 1 },
      { path: '$.columnTotals[1]', value: 2 },
      { path: '$.total', value: 3 },
    ]);
  });

  it('walks lists of figures by their count fields and ignores other numbers', () => {
    const output = {
      year: 2003,
      threshold: 5,
      facilities: [
        { id: 4, name: 'Kyohwaso 15', victims: 12, acts: 3 },
        { id: 2, name: 'Kwalliso 16', victims: 0, acts: 40 },
      ],
      series: [
        { year: 1998, value: 1 },
        { year: 1999, count: 7 },
      ],
      estimate: { mean: 2.5, lower: 1, upper: 4 },
      tables: [{ cells: [[null, 6]], totals: [2] }],
      n: 4,
    };
    assert.deepEqual(checkSmallCells(output), [
      { path: '$.facilities[0].acts', value: 3 },
      { path: '$.series[0].value', value: 1 },
      { path: '$.tables[0].totals[0]', value: 2 },
      { path: '$.n', value: 4 },
    ]);
    assert.deepEqual(checkSmallCells(output, 2), [{ path: '$.series[0].value', value: 1 }]);
  });

  it('reports a count that is not a whole number, and reads bare numbers and lists as counts', () => {
    assert.deepEqual(checkSmallCells({ count: 7.5 }), [{ path: '$.count', value: 7.5 }]);
    assert.deepEqual(checkSmallCells(3), [{ path: '$', value: 3 }]);
    assert.deepEqual(checkSmallCells([10, 1, { value: 2 }]), [
      { path: '$[1]', value: 1 },
      { path: '$[2].value', value: 2 },
    ]);
  });

  it('survives cycles', () => {
    const a: Record<string, unknown> = { count: 2 };
    a.self = a;
    assert.deepEqual(checkSmallCells(a), [{ path: '$.count', value: 2 }]);
  });

  it('assertNoSmallCells throws on a failing output and passes a clean one', () => {
    assert.throws(() => assertNoSmallCells({ victims: 1 }), /small-cell check failed.*\$\.victims = 1/);
    assertNoSmallCells({ victims: 0, other: { count: 5 } });
  });
});
