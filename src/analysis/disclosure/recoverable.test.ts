import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cellBounds } from './cell-bounds.ts';
import { recoverableCells, recoverableFigures } from './recoverable.ts';
import { publishedByHand } from './test-tables.ts';

const CELLS = [
  [20, 3, 15],
  [12, 9, 30],
  [8, 25, 7],
];

describe('recoverableCells: the audit finds leaks', () => {
  it('finds a lone hidden cell from its row total', () => {
    assert.deepEqual(recoverableCells(publishedByHand(CELLS, [[0, 1]])), [{ row: 0, column: 1, value: 3 }]);
  });

  it('finds a one-way table’s lone hidden cell from the total', () => {
    const published = publishedByHand([[12], [3], [40]], [[1, 0]], { rows: [1] });
    assert.deepEqual(recoverableCells(published), [{ row: 1, column: 0, value: 3 }]);
  });

  it('follows a chain: each cell found makes the next one findable', () => {
    // (1,2) is alone in column 2, then (1,1) in row 1, then (0,1) in column 1, then (0,0) in row 0.
    const published = publishedByHand(CELLS, [
      [0, 0],
      [0, 1],
      [1, 1],
      [1, 2],
    ]);
    assert.deepEqual(recoverableCells(published), [
      { row: 0, column: 0, value: 20 },
      { row: 0, column: 1, value: 3 },
      { row: 1, column: 1, value: 9 },
      { row: 1, column: 2, value: 30 },
    ]);
  });

  it('finds the bridge of a dumbbell that has two hidden cells in every row and column', () => {
    const cells = [
      [1, 2, 50, 60],
      [3, 4, 1, 70],
      [80, 90, 2, 3],
      [55, 65, 4, 1],
    ];
    const hide: [number, number][] = [
      [0, 0],
      [0, 1],
      [1, 0],
      [1, 1],
      [1, 2],
      [2, 2],
      [2, 3],
      [3, 2],
      [3, 3],
    ];
    // Rows 2 and 3 hide 10 in columns 2–3, whose hidden cells add to 1 + 10: the joining cell is 1.
    assert.deepEqual(recoverableCells(publishedByHand(cells, hide)), [{ row: 1, column: 2, value: 1 }]);
  });

  it('finds a hidden margin', () => {
    const found = recoverableFigures(publishedByHand(CELLS, [], { rows: [2] }));
    assert.deepEqual(found, [{ figure: { kind: 'rowTotal', row: 2 }, value: 40 }]);
  });

  it('finds cells behind hidden margins when the other margins give them away', () => {
    // Row 0's total is hidden, but the column totals and the other cells of each column remain.
    const published = publishedByHand(CELLS, [[0, 1]], { rows: [0] });
    assert.deepEqual(recoverableCells(published), [{ row: 0, column: 1, value: 3 }]);
  });

  it('returns [] when every hidden cell lies on a cycle', () => {
    const published = publishedByHand(CELLS, [
      [0, 0],
      [0, 1],
      [1, 0],
      [1, 1],
    ]);
    assert.deepEqual(recoverableCells(published), []);
    assert.deepEqual(recoverableFigures(published), []);
  });

  it('refuses figures that do not add up', () => {
    const published = publishedByHand(CELLS, [[0, 1]]);
    published.total = 130;
    assert.throws(() => recoverableCells(published), /do not add up/);
  });
});

describe('cellBounds', () => {
  it('gives the exact range of a hidden 2×2 block', () => {
    // x01 = t; x00 = 23 − t; x10 = 9 + t; x11 = 12 − t; with all ≥ 0 and x10 ≤ 21, t ∈ [0, 12].
    const published = publishedByHand(
      [
        [20, 3],
        [12, 9],
      ],
      [
        [0, 0],
        [0, 1],
        [1, 0],
        [1, 1],
      ],
    );
    assert.deepEqual(cellBounds(published), [
      { row: 0, column: 0, lower: 11, upper: 23, width: 12 },
      { row: 0, column: 1, lower: 0, upper: 12, width: 12 },
      { row: 1, column: 0, lower: 9, upper: 21, width: 12 },
      { row: 1, column: 1, lower: 0, upper: 12, width: 12 },
    ]);
  });

  it('shows a nearly disclosed pair: two hidden ones that add up to 2', () => {
    const published = publishedByHand(
      [[12], [1], [40], [1]],
      [
        [1, 0],
        [3, 0],
      ],
      { rows: [1, 3] },
    );
    assert.deepEqual(recoverableCells(published), []);
    assert.deepEqual(
      cellBounds(published).map((b) => [b.lower, b.upper]),
      [
        [0, 2],
        [0, 2],
      ],
    );
  });

  it('shows what the linear audit cannot: hidden zeros pinned by non-negativity', () => {
    const published = publishedByHand(
      [[5], [0], [0]],
      [
        [1, 0],
        [2, 0],
      ],
      { rows: [1, 2] },
    );
    assert.deepEqual(recoverableCells(published), []);
    assert.deepEqual(
      cellBounds(published).map((b) => b.width),
      [0, 0],
    );
  });

  it('is unbounded above when nothing published bounds a cell', () => {
    const published = publishedByHand(
      [[3], [4]],
      [
        [0, 0],
        [1, 0],
      ],
      { rows: [0, 1], columns: [0], total: true },
    );
    assert.deepEqual(
      cellBounds(published).map((b) => b.upper),
      [Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY],
    );
  });
});
